import Foundation
import NNEvents
import NNPlot
import NNReport

/// The computational graphs as node diagrams (forward value above each edge, the gradient of the
/// output below it) and the gradient check, from the events of ``BackpropGraphs`` and
/// ``BackpropCheck``.
struct GraphFigures {
    let prose: Prose
    typealias Node = GraphMark.Node
    typealias Edge = GraphMark.Edge

    /// One graph: its run, file name, prose key, nodes, and edges as (from, to, variable carried, label position).
    struct Layout {
        var run: String
        var name: String
        var key: String
        var nodes: [Node]
        var edges: [(from: String, to: String, variable: String, at: Double)]
        var size: (width: Double, height: Double)
        /// The diagram's limits in data units (plain nodes' text reaches beyond their centres).
        var limits: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    }

    static let apples = Layout(
        run: BackpropGraphs.apples, name: "backprop_graph_apples", key: "apples",
        nodes: [Node("price", x: 0, y: 1, label: "apple price", shape: .plain), Node("count", x: 0, y: 0, label: "apples", shape: .plain),
                Node("mul1", x: 3, y: 1, label: "×"), Node("tax", x: 3, y: 0, label: "tax", shape: .plain),
                Node("mul2", x: 6, y: 1, label: "×"), Node("total", x: 8.6, y: 1, label: "total", shape: .plain)],
        edges: [("price", "mul1", "apple_price", 0.5), ("count", "mul1", "apple_count", 0.5), ("mul1", "mul2", "apples_cost", 0.5),
                ("tax", "mul2", "tax", 0.5), ("mul2", "total", "total", 0.5)],
        size: (860, 330), limits: (-0.9...9.3, -0.45...1.45))

    static let fruit = Layout(
        run: BackpropGraphs.fruit, name: "backprop_graph_fruit", key: "fruit",
        nodes: [Node("aprice", x: 0, y: 3, label: "apple price", shape: .plain), Node("acount", x: 0, y: 2, label: "apples", shape: .plain),
                Node("mprice", x: 0, y: 1, label: "mandarin price", shape: .plain),
                Node("mcount", x: 0, y: 0, label: "mandarins", shape: .plain),
                Node("mulA", x: 3, y: 2.5, label: "×"), Node("mulM", x: 3, y: 0.5, label: "×"), Node("add", x: 6, y: 1.5, label: "+"),
                Node("tax", x: 6, y: 0, label: "tax", shape: .plain), Node("mulT", x: 9, y: 1.5, label: "×"),
                Node("total", x: 11.5, y: 1.5, label: "total", shape: .plain)],
        edges: [("aprice", "mulA", "apple_price", 0.5), ("acount", "mulA", "apple_count", 0.5),
                ("mprice", "mulM", "mandarin_price", 0.5), ("mcount", "mulM", "mandarin_count", 0.5),
                ("mulA", "add", "apples_cost", 0.5), ("mulM", "add", "mandarins_cost", 0.5), ("add", "mulT", "subtotal", 0.5),
                ("tax", "mulT", "tax", 0.5), ("mulT", "total", "total", 0.5)],
        size: (960, 470), limits: (-1.3...12.2, -0.45...3.45))

    static let sumProduct = Layout(
        run: BackpropGraphs.sumProduct, name: "backprop_graph_sum_product", key: "sum_product",
        nodes: [Node("a", x: 0, y: 2, label: "a", shape: .plain), Node("b", x: 0, y: 1, label: "b", shape: .plain),
                Node("one", x: 0, y: 0, label: "1", shape: .plain), Node("c", x: 3, y: 2, label: "+", detail: "c"),
                Node("d", x: 3, y: 0, label: "+", detail: "d"), Node("mul", x: 6, y: 1, label: "×", detail: "e"),
                Node("e", x: 8.6, y: 1, label: "e", shape: .plain)],
        edges: [("a", "c", "a", 0.5), ("b", "c", "b_via_c", 0.55), ("b", "d", "b_via_d", 0.55), ("one", "d", "one", 0.5),
                ("c", "mul", "c", 0.5), ("d", "mul", "d", 0.5), ("mul", "e", "e", 0.5)],
        size: (860, 400), limits: (-2.6...9.2, -0.45...2.45))

    /// The nodes' words and their prose keys (`graph.<key>`).
    static let words = ["apple price": "apple_price", "apples": "apples", "tax": "tax", "total": "total", "mandarin price": "mandarin_price",
                        "mandarins": "mandarins"]

    /// The number an edge carries: the forward value of its variable (`b_via_c` carries b).
    static func forwardName(_ variable: String) -> String {
        "value/" + (variable.hasPrefix("b_via") ? "b" : variable)
    }

    /// The diagram of one graph, its CSV: one row per edge, then the output and every input's total derivative.
    func graph(_ layout: Layout, _ r: EventStore.Run) throws -> FigureOutput {
        func v(_ name: String) -> Double { ClassroomStyle.value(r, name) }
        func text(_ x: Double) -> String { ClassroomStyle.fixed(x, 6) }
        let edges = layout.edges.map { e in
            Edge(e.from, e.to, above: text(v(Self.forwardName(e.variable))), below: text(v("grad/\(e.variable)")), at: e.at)
        }
        var a = Axes(title: try prose.text("graph.key"), xLimits: layout.limits.x, yLimits: layout.limits.y, grid: false, legend: false)
        a.frame = false
        // The plain nodes' words ("apple price", "tax") are keys of the prose, read in the report's language.
        let nodes = layout.nodes.map { n -> Node in
            var n = n
            if let key = Self.words[n.label] { n.label = prose.line("graph.\(key)", [:]) }
            return n
        }
        a.marks = [.graph(GraphMark(nodes: nodes, edges: edges, belowColor: ClassroomStyle.gradient, fontSize: 14))]
        if layout.key == "sum_product", let b = layout.nodes.first(where: { $0.id == "b" }) {
            // b's two gradients add up: written left of b, where no edge passes.
            let sum = "∂e/∂b = \(text(v("grad/b_via_c"))) + \(text(v("grad/b_via_d"))) = \(text(v("grad/b")))"
            a.marks.append(.text(TextMark(x: b.x - 0.3, y: b.y, text: sum, anchor: .right, color: ClassroomStyle.gradient, size: 14)))
        }
        var rows = layout.edges.map { e in [e.from, e.to, e.variable, CSVTable.number(v(Self.forwardName(e.variable))),
                                            CSVTable.number(v("grad/\(e.variable)"))] }
        let output = layout.key == "sum_product" ? "e" : "total"
        rows.append(["", "", output, CSVTable.number(v("value/\(output)")), CSVTable.number(v("grad/\(output)"))])
        if layout.key == "sum_product" { rows.append(["", "", "b (both branches)", CSVTable.number(v("value/b")), CSVTable.number(v("grad/b"))]) }
        let figure = Figure(title: try prose.text("\(layout.key).title"), width: layout.size.width, height: layout.size.height, axes: [a],
                            theme: ClassroomStyle.theme)
        return FigureOutput(name: layout.name, caption: try prose.text("\(layout.key).caption"), figure: figure,
                            csv: CSVTable.text(["from", "to", "variable", "forward_value", "gradient_of_output"], rows))
    }

    /// `dense_2/W` → `W2`: a parameter's name short enough for a tick label.
    static func shortName(_ parameter: String) -> String {
        let parts = parameter.split(separator: "/")
        guard parts.count == 2, let k = parts[0].split(separator: "_").last else { return parameter }
        return "\(parts[1])\(k)"
    }

    /// Relative error per parameter (log) and the largest relative error against ε.
    func gradientCheck(_ r: EventStore.Run) throws -> FigureOutput {
        let names = r.scalars.keys.filter { $0.hasPrefix("relative_error/") }.map { String($0.dropFirst("relative_error/".count)) }
            .sorted()
        let errors = names.map { ClassroomStyle.value(r, "relative_error/\($0)") }
        let epsilon = ClassroomStyle.value(r, "epsilon")
        var bars = Axes(title: try prose.text("check.bars_title", ["epsilon": formatNumber(epsilon, significant: 1)]),
                        xLabel: try prose.text("check.bars_x_axis"), yLabel: try prose.text("check.bars_y_axis"), yScale: .log)
        bars.marks = [.bar(BarMark(x: names.indices.map(Double.init), height: errors, color: Theme.okabeIto[0]))]
        bars.xCategories = names.map(Self.shortName)
        bars.referenceLines = [ReferenceLine(.horizontal, at: 1e-7, label: "1e−7")]
        bars.yLimits = 1e-13...1e-5
        var sweep = Axes(title: try prose.text("check.sweep_title"), xLabel: try prose.text("check.sweep_x_axis"),
                         yLabel: try prose.text("check.sweep_y_axis"), xScale: .log, yScale: .log)
        if let c = r.curves.first(where: { $0.name == "max_relative_error" }) {
            sweep.marks = [.line(LineMark(x: c.x, y: c.y, color: Theme.okabeIto[1], marker: .circle))]
        }
        sweep.referenceLines = [ReferenceLine(.vertical, at: epsilon, label: try prose.text("check.epsilon_used")), ReferenceLine(.horizontal, at: 1e-7,
            label: "1e−7")]
        var rows = names.map { n in
            ["per parameter", n, CSVTable.number(epsilon), CSVTable.number(ClassroomStyle.value(r, "relative_error/\(n)")),
             CSVTable.number(ClassroomStyle.value(r, "max_abs_error/\(n)")), CSVTable.number(ClassroomStyle.value(r, "gradient_norm/\(n)"))]
        }
        if let c = r.curves.first(where: { $0.name == "max_relative_error" }) {
            rows += zip(c.x, c.y).map { ["largest over parameters", "all", CSVTable.number($0), CSVTable.number($1), "", ""] }
        }
        let figure = Figure(title: try prose.text("check.title"), width: 1000, height: 400, columns: 2, axes: [bars, sweep],
                            theme: ClassroomStyle.theme)
        return FigureOutput(name: "backprop_gradient_check", caption: try prose.text("check.caption"), figure: figure,
                            csv: CSVTable.text(["check", "parameter", "epsilon", "relative_error", "max_abs_error", "gradient_norm"], rows))
    }
}

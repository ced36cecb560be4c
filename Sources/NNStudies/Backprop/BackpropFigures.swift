import Foundation
import NNEvents
import NNPlot
import NNReport

/// The backprop study's network diagrams: the three-layer forward pass and the 2-2-2 network's
/// gradients and update, drawn from the events of ``BackpropExamples``.
struct BackpropFigures {
    let prose: Prose
    typealias Node = GraphMark.Node
    typealias Edge = GraphMark.Edge

    static let subscripts = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    static let superscripts = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    /// `k` as subscript digits.
    static func sub(_ k: Int) -> String { String(k).compactMap { Int(String($0)) }.map { subscripts[$0] }.joined() }
    /// `k` as superscript digits.
    static func superscript(_ k: Int) -> String { String(k).compactMap { Int(String($0)) }.map { superscripts[$0] }.joined() }

    /// The notes' numbering of the 2-2-2 weights: w1, w2 into h1 (from x1, x2); w3, w4 into h2;
    /// w5, w6 into o1 (from h1, h2); w7, w8 into o2.
    static let wiring = [("x1", "h1"), ("x2", "h1"), ("x1", "h2"), ("x2", "h2"), ("h1", "o1"), ("h2", "o1"), ("h1", "o2"), ("h2", "o2")]

    /// `h1` → `h₁`.
    static func pretty(_ id: String) -> String { id.dropLast() + sub(Int(String(id.last ?? "0")) ?? 0) }

    /// The quantities of the forward pass in the order the notes compute them.
    static let forwardOrder = ["X", "W1", "B1", "A1", "Z1", "W2", "B2", "A2", "Z2", "W3", "B3", "Y"]

    /// Every recorded `name[...]` scalar of `name`, in index order.
    static func entries(_ r: EventStore.Run, _ name: String) -> [(key: String, value: Double)] {
        r.scalars.keys.filter { $0.hasPrefix("\(name)[") }.sorted().map { ($0, ClassroomStyle.value(r, $0)) }
    }

    /// `W = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]` from the recorded entries of a matrix or row.
    static func matrixText(_ r: EventStore.Run, _ name: String) -> String {
        let e = entries(r, name)
        let rows = Dictionary(grouping: e) { $0.key.contains(",") ? String($0.key.split(separator: ",")[0]) : "" }
        let body = rows.keys.sorted().map { k in (rows[k] ?? []).map { ClassroomStyle.given($0.value) }.joined(separator: ", ") }
        return body.count == 1 ? "\(name) = [\(body[0])]" : "\(name) = [" + body.map { "[\($0)]" }.joined(separator: ", ") + "]"
    }

    /// X → layer 1 → layer 2 → Y as nodes holding the computed numbers (ten decimals, as the notes print them).
    func forwardPass(_ r: EventStore.Run) throws -> FigureOutput {
        func values(_ name: String) -> [Double] { Self.entries(r, name).map(\.value) }
        let columns: [(name: String, x: Double, rows: [Double])] = [("x", 0, [1.5, 0.5]), ("h", 3.2, [2, 1, 0]), ("g", 6.4, [1.5, 0.5]),
                                                                     ("y", 9.6, [1.5, 0.5])]
        var nodes: [Node] = []
        for (k, v) in values("X").enumerated() {
            nodes.append(Node("x\(k)", x: 0, y: columns[0].rows[k], label: "x\(Self.sub(k + 1)) = \(ClassroomStyle.given(v))"))
        }
        for (layer, col) in [(1, columns[1]), (2, columns[2])] {
            let a = values("A\(layer)"), z = values("Z\(layer)")
            for k in z.indices {
                let unit = "\(Self.sub(k + 1))⁽\(Self.superscript(layer))⁾"
                nodes.append(Node("\(col.name)\(k)", x: col.x, y: col.rows[k], label: "z\(unit) = \(ClassroomStyle.fixed(z[k], 10))",
                                  shape: .box, detail: "a\(unit) = \(ClassroomStyle.fixed(a[k], 10))"))
            }
        }
        for (k, v) in values("Y").enumerated() {
            nodes.append(Node("y\(k)", x: columns[3].x, y: columns[3].rows[k], label: "y\(Self.sub(k + 1)) = \(ClassroomStyle.fixed(v, 10))",
                              shape: .box, detail: "= a\(Self.sub(k + 1))⁽³⁾ " + prose.line("forward.identity", [:]), fill: Color(hex: "EAF2FA")))
        }
        var edges: [Edge] = []
        for (from, to) in zip(columns, columns.dropFirst()) {
            for i in from.rows.indices { for j in to.rows.indices { edges.append(Edge("\(from.name)\(i)", "\(to.name)\(j)")) } }
        }
        var graph = GraphMark(nodes: nodes, edges: edges, fontSize: 12)
        graph.lineColor = Color(hex: "888888")
        var a = Axes(title: nil, xLimits: -0.9...10.6, yLimits: -1.12...2.95, grid: false, legend: false)
        a.frame = false
        a.marks = [.graph(graph)]
        let heads = [(try prose.text("forward.input_head"), "x₁, x₂"), (try prose.text("forward.layer_head", ["layer": "1"]), "A1 = X·W1 + B1,  Z1 = σ(A1)"),
                     (try prose.text("forward.layer_head", ["layer": "2"]), "A2 = Z1·W2 + B2,  Z2 = σ(A2)"),
                     (try prose.text("forward.output_head"), "Y = Z2·W3 + B3")]
        for (col, head) in zip(columns, heads) {
            a.marks.append(.text(TextMark(x: col.x, y: 2.75, text: head.0, anchor: .center, size: 13)))
            a.marks.append(.text(TextMark(x: col.x, y: 2.5, text: head.1, anchor: .center, color: Color(hex: "444444"), size: 11)))
        }
        for k in 1...3 {
            let x = (columns[k - 1].x + columns[k].x) / 2
            a.marks.append(.text(TextMark(x: x, y: -0.65, text: Self.matrixText(r, "W\(k)"), anchor: .center, size: 11.5)))
            a.marks.append(.text(TextMark(x: x, y: -0.95, text: Self.matrixText(r, "B\(k)"), anchor: .center, size: 11.5)))
        }
        let rows = Self.forwardOrder.flatMap { Self.entries(r, $0) }.map { [$0.key, CSVTable.number($0.value)] }
        return FigureOutput(name: "backprop_forward_pass", caption: try prose.text("forward.caption"),
                            figure: Figure(title: try prose.text("forward.title"), width: 1000, height: 440, axes: [a], theme: ClassroomStyle.theme),
                            csv: CSVTable.text(["quantity", "value"], rows))
    }

    /// The 2-2-2 network with its forward values (top) and, for every weight, its value, its
    /// gradient and its value after one step (table below).
    func oneStep(_ r: EventStore.Run) throws -> FigureOutput {
        func v(_ name: String, step: Int = 0) -> Double { ClassroomStyle.value(r, name, step: step) }
        func f8(_ x: Double) -> String { ClassroomStyle.fixed(x, 8) }
        var nodes: [Node] = []
        for k in 1...2 {
            let y = k == 1 ? 1.0 : 0.0
            nodes.append(Node("x\(k)", x: 0, y: y, label: "x\(Self.sub(k)) = \(ClassroomStyle.given(v("x\(k)")))"))
            nodes.append(Node("h\(k)", x: 4.2, y: y, label: "h\(Self.sub(k)) = \(f8(v("h\(k)")))", shape: .box,
                              detail: "z\(Self.sub(k)) = \(f8(v("z\(k)")))"))
            nodes.append(Node("o\(k)", x: 8.4, y: y, label: "o\(Self.sub(k)) = \(f8(v("o\(k)")))", shape: .box,
                              detail: prose.line("step.target", [:]) + " t\(Self.sub(k)) = \(ClassroomStyle.given(v("t\(k)")))"))
        }
        nodes.append(Node("E", x: 12.4, y: 0.5, label: "E = \(f8(v("E")))", shape: .box,
                          detail: prose.line("step.after", ["value": f8(v("E", step: 1))]), fill: Color(hex: "EAF2FA")))
        var edges: [Edge] = []
        for (k, (from, to)) in Self.wiring.enumerated() {
            // Diagonals cross half-way: their labels stay on the half nearer their start.
            edges.append(Edge(from, to, above: "w\(Self.sub(k + 1)) = \(ClassroomStyle.given(v("w\(k + 1)")))",
                              at: from.last != to.last ? 0.25 : 0.5))
        }
        for k in 1...2 { edges.append(Edge("o\(k)", "E", below: "∂E/∂o\(Self.sub(k)) = \(ClassroomStyle.fixed(v("dE/do\(k)"), 4))")) }
        var network = Axes(title: try prose.text("step.network_title"), xLimits: -0.7...14.1, yLimits: -0.3...1.3, grid: false, legend: false)
        network.frame = false
        network.marks = [.graph(GraphMark(nodes: nodes, edges: edges, belowColor: ClassroomStyle.gradient, fontSize: 12))]
        let table = ClassroomStyle.table(
            title: try prose.text("step.table_title"), header: try ["weight", "from_to", "before", "gradient",
                "after"].map { try prose.text("step.header_\($0)") },
            rows: Self.wiring.enumerated().map { k, e in
                ["w\(Self.sub(k + 1))", "\(Self.pretty(e.0)) → \(Self.pretty(e.1))", ClassroomStyle.given(v("w\(k + 1)")),
                 f8(v("dE/dw\(k + 1)")), f8(v("w\(k + 1)", step: 1))]
            },
            colors: [.black, Color(hex: "555555"), .black, ClassroomStyle.gradient, .black])
        var rows: [[String]] = []
        for name in ["x1", "x2", "t1", "t2", "z1", "z2", "h1", "h2", "o1", "o2", "E", "dE/do1", "dE/do2"] {
            rows.append([name, CSVTable.number(v(name))])
        }
        rows.append(["E after one step", CSVTable.number(v("E", step: 1))])
        rows += (1...8).map { ["w\($0)", CSVTable.number(v("w\($0)"))] }
        rows += (1...8).map { ["dE/dw\($0)", CSVTable.number(v("dE/dw\($0)"))] }
        rows += (1...8).map { ["w\($0) after one step", CSVTable.number(v("w\($0)", step: 1))] }
        let title = try prose.text("step.title", ["rate": ClassroomStyle.given(r.start?.optimizerSettings["learning_rate"] ?? .nan)])
        return FigureOutput(name: "backprop_one_step", caption: try prose.text("step.caption"),
                            figure: Figure(title: title, width: 1000, height: 720, rows: 2, axes: [network, table], theme: ClassroomStyle.theme),
                            csv: CSVTable.text(["quantity", "value"], rows))
    }
}

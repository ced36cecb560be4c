import Foundation
import NNEvents
import NNPlot
import NNReport

/// One net run of the boundaries study, read back from its events.
struct BoundaryRecord {
    let run: EventStore.Run
    /// The data set and the net's part of the run name (`circle`, `relu-2`).
    let set: String
    let net: String
    /// P(class 1) on the grid (stored in per cent).
    var surface: Surface? {
        guard var s = run.surfaces.first(where: { $0.name == "p_class1_percent" }) else { return nil }
        s.values = s.values.map { $0.map { $0 / 100 } }
        s.name = "p_class1"
        return s
    }
    var testAccuracy: Double { run.values("val/accuracy").last ?? .nan }

    init(_ r: EventStore.Run) {
        run = r
        let parts = r.name.split(separator: "/").map(String.init)
        set = parts.count >= 3 ? parts[1] : (r.start?.dataset.split(separator: " ").first.map(String.init) ?? "")
        net = parts.last ?? r.name
    }

    /// A short label: `no hidden layer`, `2 × ReLU` (two hidden layers of ReLU units).
    var short: String { Self.short(net) ?? run.label }

    /// The study's prose (labels are looked up in the current language when asked for).
    static let prose = Prose(resource: PackageResources.boundaries_en_yaml, source: "boundaries.en.yaml")

    static func short(_ net: String) -> String? {
        guard let n = BoundaryNets.nets.first(where: { $0.name == net }) else { return nil }
        if n.depth == 0 { return prose.line("net.no_hidden", [:]) }
        let act = n.activation.description == "identity" ? prose.line("net.linear", [:])
            : (["relu": "ReLU"][n.activation.description] ?? n.activation.description)
        return "\(n.depth) × \(act)"
    }
}

/// The boundaries study's figures, facts and findings.
struct BoundaryFigures {
    let prose: Prose
    /// The panels of a set's grid: depth 0–3 with ReLU, then linear, sigmoid, tanh and ReLU at depth 2.
    static let gridOrder = ["depth-0", "relu-1", "relu-2", "relu-3", "linear-2", "sigmoid-2", "tanh-2", "relu-2"]

    static func percent(_ v: Double) -> String { formatNumber(v * 100, significant: 3) + " %" }

    /// The five sets' training points (top row) and held-out points (bottom row).
    func data(_ dataRuns: [EventStore.Run]) throws -> FigureOutput {
        var rows: [[String]] = []
        var axes: [Axes] = []
        for split in ["train", "test"] {
            for (k, r) in dataRuns.enumerated() {
                guard let p = r.points.first(where: { $0.name == split }) else { continue }
                let all = r.points.flatMap { zip($0.x, $0.y).map { $0 } }
                let (vx, vy) = PlaneMarks.squareView(all.map(\.0), all.map(\.1))
                let title = try prose.text(split == "train" ? "data.train_title" : "data.test_title", ["set": r.label, "count": "\(p.x.count)"])
                var a = Axes(title: title, xLabel: split == "test" ? "x₁" : nil, yLabel: k == 0 ? "x₂" : nil, xLimits: vx, yLimits: vy)
                a.equalAspect = true
                // One legend, in the panel most likely to have an empty corner (gauss's training points).
                a.legend = split == "train" && r.label == "gauss"
                a.marks = PlaneMarks.points(p.x, p.y, p.labels, size: 2.2, names: a.legend ? (try prose.text("data.class1"),
                    try prose.text("data.class0")) : nil)
                axes.append(a)
                rows += p.x.indices.map { [r.label, p.name, CSVTable.number(p.x[$0]), CSVTable.number(p.y[$0]), "\(p.labels[$0])"] }
            }
        }
        return FigureOutput(name: "boundaries_data", caption: try prose.text("data.caption", ["noise": formatNumber(BoundaryNets.noise)]),
                            figure: Figure(title: try prose.text("data.title"), width: 1000, height: 500, rows: 2, columns: max(dataRuns.count, 1),
                                           axes: axes),
                            csv: CSVTable.text(["set", "split", "x1", "x2", "label"], rows))
    }

    /// One set's grid of decision regions: depth (top row) and units (bottom row).
    func grid(_ set: String, train: PointSet?, nets: [BoundaryRecord]) throws -> FigureOutput? {
        var axes: [Axes] = []
        var rows: [[String]] = []
        for (k, name) in Self.gridOrder.enumerated() {
            guard let n = nets.first(where: { $0.net == name }), let s = n.surface, let x0 = s.x.first, let x1 = s.x.last,
                  let y0 = s.y.first, let y1 = s.y.last else { continue }
            var a = Axes(title: "\(n.short): \(Self.percent(n.testAccuracy))", xLabel: k >= 4 ? "x₁" : nil, yLabel: k % 4 == 0 ? "x₂" : nil,
                         xLimits: x0...x1, yLimits: y0...y1, grid: false)
            a.equalAspect = true
            a.marks = PlaneMarks.region(s, colorBar: k % 4 == 3 ? try prose.text("grid.colorbar") : nil)
            // The classes are named in the figure's title: a legend would cover points in some panel of some set.
            if let p = train { a.marks += PlaneMarks.points(p.x, p.y, p.labels, size: 2.1) }
            axes.append(a)
            guard k < 7 else { continue }
            for (j, y) in s.y.enumerated() {
                for (i, x) in s.x.enumerated() { rows.append([n.net, CSVTable.number(x), CSVTable.number(y), CSVTable.number(s.values[j][i])]) }
            }
        }
        guard axes.count == Self.gridOrder.count else { return nil }
        return FigureOutput(name: "boundaries_\(set)", caption: try prose.text("grid.caption", ["set": set]),
                            figure: Figure(title: try prose.text("grid.title", ["set": set]), width: 1000, height: 540, rows: 2, columns: 4,
                                           axes: axes, sharedX: true, sharedY: true),
                            csv: CSVTable.text(["net", "x1", "x2", "p_class1"], rows))
    }

    /// Test accuracy of every net on every set, as one table of colours.
    func accuracy(_ sets: [String], _ all: [BoundaryRecord]) throws -> FigureOutput {
        let nets = BoundaryNets.nets.map(\.name).filter { n in all.contains { $0.net == n } }
        func acc(_ net: String, _ set: String) -> Double { all.first { $0.net == net && $0.set == set }?.testAccuracy ?? .nan }
        // Heatmap row 0 is drawn at the bottom: the first net goes in the last row.
        let ordered = Array(nets.reversed())
        var a = Axes(title: try prose.text("accuracy.title"), xLabel: try prose.text("accuracy.x_axis"), yLabel: nil, grid: false)
        a.marks = [.heatmap(HeatmapMark(values: ordered.map { n in sets.map { acc(n, $0) } }, xRange: -0.5...(Double(sets.count) - 0.5),
                                        yRange: -0.5...(Double(ordered.count) - 0.5), colorLimits: 0.4...1,
                                            colorBarLabel: try prose.text("accuracy.colorbar")))]
        for (j, n) in ordered.enumerated() {
            for (i, s) in sets.enumerated() {
                let v = acc(n, s)
                a.marks.append(.text(TextMark(x: Double(i), y: Double(j), text: Self.percent(v), anchor: .center,
                                              color: v < 0.8 ? .white : .black, size: 10.5)))
            }
        }
        a.xCategories = sets
        a.yCategories = ordered.map { BoundaryRecord.short($0) ?? $0 }
        let rows = nets.flatMap { n in sets.map { s in [s, n, CSVTable.number(acc(n, s))] } }
        return FigureOutput(name: "boundaries_accuracy", caption: try prose.text("accuracy.caption"),
                            figure: Figure(width: 760, height: 420, axes: [a]), csv: CSVTable.text(["set", "net", "test_accuracy"], rows))
    }

    /// Training loss of every net, one panel per set.
    func loss(_ sets: [String], _ all: [BoundaryRecord]) throws -> FigureOutput {
        var rows: [[String]] = []
        let loss = try prose.text("loss.y_axis")
        let axes = sets.enumerated().map { k, set -> Axes in
            var a = Axes(title: set, xLabel: ReportText.text("axis.step"), yLabel: k % 3 == 0 ? loss : nil, yScale: .log)
            // gauss's losses all end low, so its upper right is free for the legend.
            a.legend = set == "gauss" || (!sets.contains("gauss") && k == sets.count - 1)
            for (c, n) in BoundaryNets.nets.enumerated() {
                guard let r = all.first(where: { $0.set == set && $0.net == n.name }) else { continue }
                let steps = r.run.steps("train/batch_loss").map(Double.init), v = r.run.values("train/batch_loss")
                a.marks.append(.line(LineMark(x: steps, y: v, label: a.legend ? r.short : nil, color: Theme.okabeIto[c % 8], width: 1.6,
                                              dash: n.depth == 2 && n.activation != .relu ? .dashed : .solid)))
                rows += zip(steps, v).map { [set, n.name, "\(Int($0))", CSVTable.number($1)] }
            }
            return a
        }
        return FigureOutput(name: "boundaries_loss", caption: try prose.text("loss.caption"),
                            figure: Figure(title: try prose.text("loss.title"), width: 900, height: 600, rows: 2, columns: 3, axes: axes,
                                           sharedY: true),
                            csv: CSVTable.text(["set", "net", "step", "loss"], rows))
    }

    /// A fact per net and set, and the findings.
    func facts(_ sets: [String], _ all: [BoundaryRecord], into out: inout SectionParts) throws {
        for s in sets {
            for r in all where r.set == s { out.facts.append(Fact(try prose.text("fact.accuracy", ["set": s, "net": r.short]), r.testAccuracy,
                Self.percent(r.testAccuracy))) }
        }
        func acc(_ set: String, _ net: String) -> Double? { all.first { $0.set == set && $0.net == net }?.testAccuracy }
        func best(_ set: String, _ nets: [String]) -> BoundaryRecord? {
            all.filter { $0.set == set && nets.contains($0.net) }.max { $0.testAccuracy < $1.testAccuracy }
        }
        let relu = ["relu-1", "relu-2", "relu-3"]
        guard let c0 = acc("circle", "depth-0"), let x0 = acc("xor", "depth-0"), let g0 = acc("gauss", "depth-0"),
              let cb = best("circle", relu), let xb = best("xor", relu) else { return }
        let p = { (v: Double) in formatNumber(v * 100, significant: 3) }
        let bent = cb.testAccuracy > c0 + 0.1 && xb.testAccuracy > x0 + 0.1
        out.findings.append(try prose.text(bent ? "finding.depth" : "finding.no_contrast",
                                           ["circle0": p(c0), "xor0": p(x0), "gauss0": p(g0), "circle_best": p(cb.testAccuracy), "circle_net": cb.short,
                                            "xor_best": p(xb.testAccuracy), "xor_net": xb.short]))
        if let l = acc("circle", "linear-2"), let s = acc("circle", "sigmoid-2"), let t = acc("circle", "tanh-2") {
            out.findings.append(try prose.text(l < 0.75 ? "finding.linear" : "finding.linear_unexpected",
                                               ["linear": p(l), "circle0": p(c0), "sigmoid": p(s), "tanh": p(t)]))
        }
        if let sb = best("spiral", BoundaryNets.nets.map(\.name)), let s0 = acc("spiral", "depth-0") {
            out.findings.append(try prose.text("finding.spiral", ["best": p(sb.testAccuracy), "net": sb.short, "spiral0": p(s0)]))
        }
    }
}

import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport

/// One gate run read back from its events: the weights after every pass, the mistakes, the notes' weights.
struct GateRecord {
    let run: EventStore.Run
    var gate: String { run.label }
    /// (w1, w2, b) at step k: k = 0 before training, k = the passes made so far.
    let weights: [(w1: Double, w2: Double, b: Double)]
    /// Mistakes met in pass k (k from 1).
    let mistakes: [Double]
    /// Accuracy on the four inputs with the weights after pass k (k from 1).
    let accuracy: [Double]
    let notes: (w1: Double, w2: Double, b: Double)?
    let points: PointSet?

    init(_ r: EventStore.Run) {
        run = r
        let w1 = r.values("perceptron/w1"), w2 = r.values("perceptron/w2"), b = r.values("perceptron/b")
        weights = (0..<min(w1.count, w2.count, b.count)).map { (w1[$0], w2[$0], b[$0]) }
        mistakes = r.values("perceptron/mistakes")
        let n = ["w1", "w2", "b"].compactMap { r.values("notes/\($0)").first }
        notes = n.count == 3 ? (n[0], n[1], n[2]) : nil
        let table = r.points.first { $0.name == "truth_table" }
        points = table
        accuracy = weights.dropFirst().map { w in
            let out = PerceptronRuns.truthTable(w1: w.w1, w2: w.w2, b: w.b)
            return Double(zip(out, table?.labels ?? []).filter { $0 == $1 }.count) / 4
        }
    }

    var epochs: Int { mistakes.count }
    /// The pass with no mistake (the rule stops there), if any.
    var cleanEpoch: Int? { mistakes.firstIndex(of: 0).map { $0 + 1 } }
    var last: (w1: Double, w2: Double, b: Double)? { weights.last }
}

/// The perceptron study's figures of the gates, with their facts and findings.
struct PerceptronFigures {
    let prose: Prose
    static let box = -0.5...1.5

    static func triple(_ w: (w1: Double, w2: Double, b: Double)) -> String {
        [w.w1, w.w2, w.b].map { formatNumber($0, significant: 3) }.joined(separator: ", ")
    }

    static func table(_ w: (w1: Double, w2: Double, b: Double)) -> [Int] { PerceptronRuns.truthTable(w1: w.w1, w2: w.w2, b: w.b) }

    static let epochBlue = Color(hex: "0072B2"), notesGreen = Color(hex: "009E73")

    /// One panel per gate: the four inputs and the decision line after every pass (faded, later darker).
    func gateLines(_ gates: [GateRecord]) throws -> FigureOutput {
        var rows: [[String]] = []
        let axes = try gates.enumerated().map { k, g -> Axes in
            var a = Axes(title: try panelTitle(g), xLabel: "x₁", yLabel: "x₂", xLimits: Self.box, yLimits: Self.box)
            a.equalAspect = true
            for (e, w) in g.weights.enumerated() {
                rows.append([g.gate, "learned", "\(e)", CSVTable.number(w.w1), CSVTable.number(w.w2), CSVTable.number(w.b)])
                let t = Double(e) / Double(max(g.weights.count - 1, 1))
                let style: (Color, Double, Dash) = e == 0 ? (.grey, 1.2, .dotted)
                    : e == g.weights.count - 1 ? (.black, 2.6, .solid) : (Self.epochBlue.opacity(0.2 + 0.55 * t), 1.3, .solid)
                if let m = PlaneMarks.line(w1: w.w1, w2: w.w2, b: w.b, x: Self.box, y: Self.box, color: style.0, width: style.1, dash: style.2) {
                    a.marks.append(m)
                }
            }
            if let n = g.notes {
                rows.append([g.gate, "notes", "", CSVTable.number(n.w1), CSVTable.number(n.w2), CSVTable.number(n.b)])
                if let m = PlaneMarks.line(w1: n.w1, w2: n.w2, b: n.b, x: Self.box, y: Self.box, color: Self.notesGreen, width: 2, dash: .dashed) {
                    a.marks.append(m)
                }
            }
            a.legend = k == gates.count - 1
            if a.legend { a.marks += try legendKey() }
            if let p = g.points { a.marks += PlaneMarks.points(p.x, p.y, p.labels, size: 5, names: a.legend ? (prose.line("lines.output1", [:]),
                prose.line("lines.output0", [:])) : nil) }
            return a
        }
        let figure = Figure(title: try prose.text("lines.title"), width: 860, height: 760, rows: 2, columns: 2, axes: axes)
        return FigureOutput(name: "perceptron_gate_lines", caption: try prose.text("lines.caption", ["epochs": "\(PerceptronRuns.maxEpochs)"]),
                            figure: figure, csv: CSVTable.text(["gate", "source", "epoch", "w1", "w2", "b"], rows))
    }

    /// Legend rows for every kind of line (marks without points: every panel's lines are drawn unlabelled).
    func legendKey() throws -> [Mark] {
        let kinds: [(String, Color, Double, Dash)] = [("lines.key_start", .grey, 1.2, .dotted), ("lines.key_epoch", Self.epochBlue.opacity(0.6), 1.3, .solid),
                                                      ("lines.key_last", .black, 2.6, .solid), ("lines.key_notes", Self.notesGreen, 2, .dashed)]
        return try kinds.map { .line(LineMark(x: [], y: [], label: try prose.text($0.0), color: $0.1, width: $0.2, dash: $0.3)) }
    }

    func panelTitle(_ g: GateRecord) throws -> String {
        if let c = g.cleanEpoch { return try prose.text("lines.panel_clean", ["gate": g.gate, "epoch": "\(c)"]) }
        return try prose.text("lines.panel_never", ["gate": g.gate, "epochs": "\(g.epochs)"])
    }

    /// Mistakes per pass, every gate on one axes.
    func mistakes(_ gates: [GateRecord]) throws -> FigureOutput {
        var a = Axes(title: try prose.text("mistakes.title"), xLabel: try prose.text("mistakes.x_axis"),
                     yLabel: try prose.text("mistakes.y_axis"), yLimits: -0.25...4.4)
        var rows: [[String]] = []
        for (k, g) in gates.enumerated() {
            let x = g.mistakes.indices.map { Double($0 + 1) }
            a.marks.append(.line(LineMark(x: x, y: g.mistakes, label: g.gate, color: Theme.okabeIto[k % 8], width: 1.8,
                                          dash: k == gates.count - 1 ? .dashed : .solid, marker: .circle)))
            rows += zip(x, zip(g.mistakes, g.accuracy)).map { [g.gate, "\(Int($0))", "\(Int($1.0))", CSVTable.number($1.1)] }
        }
        a.referenceLines = [ReferenceLine(.horizontal, at: 0, label: try prose.text("mistakes.reference"))]
        return FigureOutput(name: "perceptron_mistakes", caption: try prose.text("mistakes.caption", ["epochs": "\(PerceptronRuns.maxEpochs)"]),
                            figure: Figure(width: 760, height: 380, axes: [a]),
                            csv: CSVTable.text(["gate", "epoch", "mistakes", "accuracy_after"], rows))
    }

    /// Learned and hand-set (w1, w2, b) side by side for each separable gate, with both truth tables in the CSV.
    func weights(_ gates: [GateRecord]) throws -> FigureOutput {
        var rows: [[String]] = []
        var axes: [Axes] = []
        for g in gates {
            guard let w = g.last else { continue }
            rows.append(weightRow(g.gate, "learned", w))
            guard let n = g.notes else { continue }
            rows.append(weightRow(g.gate, "notes", n))
            let same = Self.table(w) == Self.table(n)
            let title = try prose.text(same ? "weights.panel_same" : "weights.panel_differ",
                                       ["gate": g.gate, "table": Self.table(n).map(String.init).joined(separator: " ")])
            var a = Axes(title: title, xLabel: try prose.text("weights.x_axis"), yLabel: axes.isEmpty ? try prose.text("weights.y_axis") : nil)
            a.marks = [.bar(BarMark(x: [-0.2, 0.8, 1.8], height: [w.w1, w.w2, w.b], width: 0.38, label: try prose.text("weights.learned"),
                color: Color(hex: "0072B2"))),
                       .bar(BarMark(x: [0.2, 1.2, 2.2], height: [n.w1, n.w2, n.b], width: 0.38, label: try prose.text("weights.notes"),
                                    color: Color(hex: "009E73")))]
            a.xCategories = ["w₁", "w₂", "b = −θ"]
            a.referenceLines = [ReferenceLine(.horizontal, at: 0, color: .black, dash: .solid)]
            a.legend = axes.isEmpty
            axes.append(a)
        }
        // Room below the lowest and above the highest bar (bars start at 0, so the axis would end at a negative bar's tip).
        let heights: [Double] = rows.flatMap { row in row[2...4].compactMap { Double($0) } } + [0]
        let pad = 0.12 * ((heights.max() ?? 1) - (heights.min() ?? 0))
        for k in axes.indices { axes[k].yLimits = ((heights.min() ?? 0) - pad)...((heights.max() ?? 1) + pad) }
        let figure = Figure(title: try prose.text("weights.title"), width: 900, height: 340, columns: max(axes.count, 1), axes: axes, sharedY: true)
        return FigureOutput(name: "perceptron_weights", caption: try prose.text("weights.caption"), figure: figure,
                            csv: CSVTable.text(["gate", "source", "w1", "w2", "b", "theta", "out_00", "out_01", "out_10", "out_11"], rows))
    }

    func weightRow(_ gate: String, _ source: String, _ w: (w1: Double, w2: Double, b: Double)) -> [String] {
        [gate, source, CSVTable.number(w.w1), CSVTable.number(w.w2), CSVTable.number(w.b), CSVTable.number(-w.b)] + Self.table(w).map(String.init)
    }

    /// Facts and findings of the gates.
    func gateFacts(_ gates: [GateRecord], into out: inout SectionParts) throws {
        for g in gates {
            guard let w = g.last else { continue }
            let table = Self.table(w).map(String.init).joined(separator: ", ")
            if let c = g.cleanEpoch {
                out.facts.append(Fact(try prose.text("fact.clean_epoch", ["gate": g.gate]), Double(c), "\(c)"))
            } else {
                out.facts.append(Fact(try prose.text("fact.epochs_tried", ["gate": g.gate]), Double(g.epochs), "\(g.epochs)"))
                let best = g.accuracy.max() ?? .nan
                out.facts.append(Fact(try prose.text("fact.best_accuracy", ["gate": g.gate]), best, formatNumber(best * 100, significant: 3) + " %"))
                out.facts.append(Fact(try prose.text("fact.last_mistakes", ["gate": g.gate]), g.mistakes.last, g.mistakes.last.map { "\(Int($0))" }))
            }
            out.facts.append(Fact(try prose.text("fact.learned", ["gate": g.gate]), nil, Self.triple(w)))
            out.facts.append(Fact(try prose.text("fact.learned_outputs", ["gate": g.gate]), nil, table))
            if let n = g.notes {
                out.facts.append(Fact(try prose.text("fact.notes", ["gate": g.gate]), nil,
                                      "\(Self.triple(n)); θ = \(formatNumber(-n.b, significant: 3))"))
                out.facts.append(Fact(try prose.text("fact.notes_outputs", ["gate": g.gate]), nil,
                                      Self.table(n).map(String.init).joined(separator: ", ")))
            }
            try out.findings.append(gateFinding(g, w))
        }
    }

    func gateFinding(_ g: GateRecord, _ w: (w1: Double, w2: Double, b: Double)) throws -> String {
        guard let c = g.cleanEpoch else {
            let best = formatNumber((g.accuracy.max() ?? .nan) * 100, significant: 3)
            return try prose.text(g.notes == nil ? "finding.xor" : "finding.not_learned",
                                  ["gate": g.gate, "epochs": "\(g.epochs)", "best": best, "last": "\(Int(g.mistakes.last ?? .nan))"])
        }
        var values = ["gate": g.gate, "last": "\(c - 1)", "clean": "\(c)", "learned": Self.triple(w),
                      "theta": formatNumber(-w.b, significant: 3), "table": Self.table(w).map(String.init).joined(separator: ", ")]
        if c == 1 { return try prose.text("finding.start_solved", values) }
        guard let n = g.notes else { return try prose.text("finding.learned_no_notes", values) }
        values["notes"] = Self.triple(n)
        values["notes_theta"] = formatNumber(-n.b, significant: 3)
        return try prose.text(Self.table(n) == Self.table(w) ? "finding.learned" : "finding.learned_differs", values)
    }
}

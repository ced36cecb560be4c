import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport

/// A 2-2-1 XOR net's run read back from its events: final weights, hidden activations, surface.
struct XORNetRecord {
    let run: EventStore.Run
    /// (w1, w2, b) of hidden unit 1, hidden unit 2 and the output unit.
    let units: [(w1: Double, w2: Double, b: Double)]
    let hidden: PointSet?
    let surface: Surface?
    var accuracy: Double { run.values("train/accuracy").last ?? .nan }
    var loss: Double { run.values("train/loss").last ?? .nan }
    var solved: Bool { accuracy == 1 }

    init(_ r: EventStore.Run) {
        run = r
        units = ["h1", "h2", "out"].compactMap { u in
            let v = ["w1", "w2", "b"].compactMap { r.values("final/\(u)_\($0)").last }
            return v.count == 3 ? (v[0], v[1], v[2]) : nil
        }
        hidden = r.points.first { $0.name == "hidden" }
        surface = r.surfaces.first { $0.name == "output" }
    }

    /// What each hidden unit computes as a gate (its output above 0.5 for each input).
    var hiddenGates: [String] {
        guard let h = hidden else { return [] }
        return [h.x, h.y].map { PerceptronRuns.gateName($0.map { $0 > 0.5 ? 1 : 0 }) }
    }

    /// The output unit read as a gate on its two inputs rounded to 0 or 1.
    var outputGate: String? {
        guard units.count == 3 else { return nil }
        let o = units[2]
        return PerceptronRuns.gateName(PerceptronRuns.truthTable(w1: o.w1, w2: o.w2, b: o.b), a: "h₁", b: "h₂")
    }
}

/// A 2-2-1 net given by its three units (h1, h2, output): the notes' step-unit gates or a trained sigmoid net.
struct TwoLayerNet {
    let units: [(w1: Double, w2: Double, b: Double)]
    let step: Bool

    func f(_ u: (w1: Double, w2: Double, b: Double), _ a: Double, _ b: Double) -> Double {
        let z = u.w1 * a + u.w2 * b + u.b
        return step ? (z > 0 ? 1 : 0) : 1 / (1 + exp(-z))
    }
    func hidden(_ x: [Double]) -> (Double, Double) { (f(units[0], x[0], x[1]), f(units[1], x[0], x[1])) }
    func output(_ h: (Double, Double)) -> Double { f(units[2], h.0, h.1) }

    /// The net's output (input plane) or its output unit's (hidden plane) on an n x n grid over `r`.
    func surface(_ r: ClosedRange<Double>, _ n: Int, hiddenPlane: Bool) -> Surface {
        let g = PlaneMarks.grid(r, n)
        let values = g.map { b in g.map { a in hiddenPlane ? output((a, b)) : output(hidden([a, b])) } }
        return Surface(run: "", name: "output", x: g, y: g, values: values, xLabel: "", yLabel: "")
    }
}

extension PerceptronFigures {
    static let h1Color = Color(hex: "009E73"), h2Color = Color(hex: "CC79A7")

    /// The notes' hand-set XOR (NAND and OR into AND, step units) and the trained net, each in input and hidden space.
    func xorNet(_ net: XORNetRecord, notes gates: [GateRecord]) throws -> FigureOutput? {
        guard let s = net.surface, net.units.count == 3 else { return nil }
        let trained = TwoLayerNet(units: net.units, step: false)
        var axes: [Axes] = []
        var rows: [[String]] = []
        let set = ["NAND", "OR", "AND"].compactMap { g in gates.first { $0.gate == g }?.notes }
        if set.count == 3 {
            let notes = TwoLayerNet(units: set, step: true)
            axes.append(try inputPanel(notes, notes.surface(-0.5...1.5, 81, hiddenPlane: false), title: try prose.text("net.notes_input_title"),
                                       lines: [try prose.text("net.notes_s1"), try prose.text("net.notes_s2")], points: true))
            axes.append(try hiddenPanel(notes, title: try prose.text("net.notes_hidden_title"), labels: ("s₁ (NAND)", "s₂ (OR)")))
            rows += csvRows("notes", notes)
        }
        let gatesOf = net.hiddenGates
        let lines = try (0..<2).map { k in try prose.text("net.hidden_line", ["unit": k == 0 ? "h₁" : "h₂", "gate": gatesOf.count > k ? gatesOf[k] : "?"]) }
        axes.append(try inputPanel(trained, s, title: try prose.text("net.input_title"), lines: lines, points: axes.isEmpty))
        axes.append(try hiddenPanel(trained, title: try prose.text("net.hidden_title"), labels: (try prose.text("net.h1_axis"), try prose.text("net.h2_axis"))))
        rows += csvRows("trained", trained)
        let figure = Figure(title: try prose.text("net.title"), width: 900, height: axes.count > 2 ? 840 : 440, rows: axes.count / 2, columns: 2,
                            axes: axes)
        let w = net.units.map(Self.triple)
        return FigureOutput(name: "perceptron_xor_net", caption: try prose.text("net.caption", ["h1": w[0], "h2": w[1], "out": w[2]]),
                            figure: figure, csv: CSVTable.text(["net", "x1", "x2", "xor", "h1", "h2", "output"], rows))
    }

    func csvRows(_ name: String, _ net: TwoLayerNet) -> [[String]] {
        PerceptronRuns.inputs.enumerated().map { k, x in
            let h = net.hidden(x)
            return [name, "\(Int(x[0]))", "\(Int(x[1]))", "\(LogicGate.xor.outputs[k])", CSVTable.number(h.0), CSVTable.number(h.1),
                    CSVTable.number(net.output(h))]
        }
    }

    /// The input plane: the net's output, the lines where each hidden unit switches, the four inputs.
    func inputPanel(_ net: TwoLayerNet, _ s: Surface, title: String, lines: [String], points: Bool) throws -> Axes {
        var a = Axes(title: title, xLabel: "x₁", yLabel: "x₂", xLimits: -0.5...1.5, yLimits: -0.5...1.5, grid: false)
        a.equalAspect = true
        a.marks = PlaneMarks.region(s, colorBar: nil)
        for (k, (color, dash)) in [(Self.h1Color, Dash.dashed), (Self.h2Color, Dash.dashDot)].enumerated() {
            let u = net.units[k]
            if let m = PlaneMarks.line(w1: u.w1, w2: u.w2, b: u.b, x: -0.5...1.5, y: -0.5...1.5, label: lines[k], color: color, width: 2.6, dash: dash) {
                a.marks.append(m)
            }
        }
        let tt = PerceptronRuns.inputs
        a.marks += PlaneMarks.points(tt.map { $0[0] }, tt.map { $0[1] }, LogicGate.xor.outputs, size: 6, names: points ? (prose.line("net.xor1", [:]),
            prose.line("net.xor0", [:])) : nil)
        return a
    }

    /// The hidden plane: the four inputs at their hidden outputs (inputs that land together share a label) and the output unit's region.
    func hiddenPanel(_ net: TwoLayerNet, title: String, labels: (String, String)) throws -> Axes {
        var a = Axes(title: title, xLabel: labels.0, yLabel: labels.1, xLimits: -0.15...1.15, yLimits: -0.15...1.15, grid: false)
        a.equalAspect = true
        a.marks = PlaneMarks.region(net.surface(-0.15...1.15, 81, hiddenPlane: true), colorBar: try prose.text("net.colorbar"))
        let tt = PerceptronRuns.inputs, h = tt.map(net.hidden)
        a.marks += PlaneMarks.points(h.map(\.0), h.map(\.1), LogicGate.xor.outputs, size: 6)
        var done = Set<Int>()
        for k in tt.indices where !done.contains(k) {
            let group = tt.indices.filter { abs(h[$0].0 - h[k].0) < 0.08 && abs(h[$0].1 - h[k].1) < 0.08 }
            done.formUnion(group)
            let text = group.map { "(\(Int(tt[$0][0])),\(Int(tt[$0][1])))" }.joined(separator: prose.line("net.and", [:]))
            let above = h[k].1 < 0.6
            a.marks.append(.text(TextMark(x: h[k].0, y: h[k].1 + (above ? 0.07 : -0.07), text: text, anchor: above ? .above : .below,
                                          color: net.output(h[k]) > 0.5 ? .black : .white, size: 10)))
        }
        return a
    }

    /// Each attempt's loss over the epochs.
    func xorLoss(_ nets: [XORNetRecord]) throws -> FigureOutput {
        var a = Axes(title: try prose.text("net_loss.title"), xLabel: try prose.text("net_loss.x_axis"), yLabel: try prose.text("net_loss.y_axis"),
                     yScale: .log)
        var rows: [[String]] = []
        for (k, n) in nets.enumerated() {
            let steps = n.run.steps("train/batch_loss").map(Double.init), v = n.run.values("train/batch_loss")
            a.marks.append(.line(LineMark(x: steps, y: v, label: n.run.label, color: Theme.okabeIto[k % 8], width: 1.8)))
            rows += zip(steps, v).map { [n.run.name, "\(Int($0))", CSVTable.number($1)] }
        }
        a.referenceLines = [ReferenceLine(.horizontal, at: log(2), label: try prose.text("net_loss.reference"))]
        return FigureOutput(name: "perceptron_xor_loss", caption: try prose.text("net_loss.caption"),
                            figure: Figure(width: 700, height: 360, axes: [a]), csv: CSVTable.text(["run", "epoch", "loss"], rows))
    }

    /// Facts and findings of the nets.
    func netFacts(_ nets: [XORNetRecord], into out: inout SectionParts) throws {
        for n in nets {
            out.facts.append(Fact(try prose.text("fact.net_accuracy", ["run": n.run.name]), n.accuracy, formatNumber(n.accuracy * 100, significant: 3) + " %"))
            out.facts.append(Fact(try prose.text("fact.net_loss", ["run": n.run.name]), n.loss))
        }
        guard let last = nets.last else { return }
        let epochs = "\((last.run.end?.step ?? 0) + 1)"
        guard last.solved, let outGate = last.outputGate, last.hiddenGates.count == 2 else {
            out.findings.append(try prose.text("finding.net_failed", ["attempts": "\(nets.count)",
                                                                      "best": formatNumber((nets.map(\.accuracy).max() ?? .nan) * 100, significant: 3)]))
            return
        }
        let h = last.hiddenGates
        let notes = Set(h) == ["NAND", "OR"] && outGate == "AND"
        // A gate of two inputs reads as a function, AND(NAND, OR); an expression in h₁ and h₂ gets the hidden gates substituted.
        let wrap = { (s: String) in s.contains(" ") ? "(\(s))" : s }
        let composite = outGate.contains("h₁") || outGate.contains("h₂")
        let formula = composite ? outGate.replacingOccurrences(of: "h₁", with: wrap(h[0])).replacingOccurrences(of: "h₂", with: wrap(h[1]))
                                : "\(outGate)(\(h[0]), \(h[1]))"
        var sentence = try prose.text("finding.net_solved", ["epochs": epochs, "loss": formatNumber(last.loss, significant: 2), "h1": h[0],
                                                             "h2": h[1], "out": composite ? outGate : try prose.text("finding.gate_of_hidden",
                                                                 ["gate": outGate]), "formula": formula])
        sentence += " " + (try prose.text(notes ? "finding.net_notes" : "finding.net_other"))
        if nets.count > 1 {
            sentence += " " + (try prose.text("finding.net_retried", ["failed": "\(nets.count - 1)",
                                                                       "accuracy": formatNumber((nets.first?.accuracy ?? .nan) * 100, significant: 3)]))
        }
        out.findings.append(sentence)
    }
}

import Foundation
import NNEvents
import NNPlot

/// A figure of the report with its caption and its numbers as CSV.
public struct FigureOutput {
    /// Stable file name without extension, e.g. `vanishing_grad_norms`.
    public var name: String
    public var caption: String
    public var figure: Figure
    /// The plotted numbers.
    public var csv: String
}

/// A measured fact: a label and a number (with its unit or meaning).
public struct Fact: Sendable {
    public var label: String
    public var value: Double?
    public var text: String
    public init(_ label: String, _ value: Double?, _ text: String? = nil) {
        self.label = label
        self.value = value
        self.text = text ?? value.map { formatNumber($0) } ?? "not measured"
    }
}

/// One study's section of the report.
public struct Section {
    public var id: String
    public var title: String
    /// What to look at (teaching text, independent of the run).
    public var intro: String
    /// Sentences stating what this run measured.
    public var findings: [String]
    public var figures: [FigureOutput]
    public var facts: [Fact]
    /// Each run's diagnoses.
    public var diagnoses: [(run: String, results: [Diagnosis])]
    /// Settings table: header then rows.
    public var settings: [[String]]
}

/// CSV text from a header and rows (fields with commas or quotes are quoted).
func csv(_ header: [String], _ rows: [[String]]) -> String {
    func field(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
    return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
}

/// `Double` as CSV text: shortest round-trip form.
func num(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }

/// Settings rows of training runs.
func settingsRows(_ runs: [EventStore.Run]) -> [[String]] {
    [["run", "model", "initialiser", "optimiser", "settings", "batch", "steps", "seed", "data"]] + runs.map { r in
        let s = r.start
        let layers = s?.layers ?? []
        let hidden = layers.filter { $0.kind == "dense" }.map { "\($0.outputs)" }.joined(separator: "-")
        let inputs = layers.first?.inputs ?? 0
        // With batch norm the dense layers are affine only and the activation is a layer of its own.
        var act = (layers.first { $0.kind == "activation" } ?? layers.first)?.activation ?? ""
        if layers.contains(where: { $0.kind == "batch_norm" }) { act += " + batch norm" }
        if layers.contains(where: { $0.kind == "dropout" }) { act += " + dropout" }
        let settings = (s?.optimizerSettings ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \(formatNumber($0.value))" }.joined(separator: ", ")
        let steps = r.end.map { "\($0.step + 1)" } ?? ""
        return [r.name, "\(inputs)-\(hidden) \(act)", s?.layers.first?.initializer ?? "", s?.optimizer ?? "", settings,
                "\(s?.batchSize ?? 0)", steps, "\(s?.seed ?? 0)", s?.dataset ?? ""]
    }
}

/// The label a run's legend shows: the part of its name after the study prefix.
func shortName(_ r: EventStore.Run) -> String { String(r.name.split(separator: "/").last ?? Substring(r.name)) }

/// Mean of the last `fraction` of a series (the "final" value of a noisy batch loss).
func tailMean(_ v: [Double], fraction: Double = 0.05) -> Double {
    let f = v.filter(\.isFinite)
    guard !f.isEmpty else { return .nan }
    let k = max(1, Int(Double(f.count) * fraction))
    return f.suffix(k).reduce(0, +) / Double(k)
}

/// A colour per depth (viridis), shallow dark to deep light.
func depthColor(_ k: Int, of n: Int) -> Color { ColorMap.viridis.color(at: n > 1 ? 0.9 * Double(k) / Double(n - 1) : 0) }

/// Loss curves of runs: raw batch loss faint, TensorBoard-smoothed on top.
func lossCurves(_ runs: [EventStore.Run], labels: [String], title: String, name: String, caption: String,
                reference: ReferenceLine? = nil, yLimits: ClosedRange<Double>? = nil, logY: Bool = false) -> FigureOutput {
    var a = Axes(title: title, xLabel: "step", yLabel: logY ? "batch loss (cross-entropy, log)" : "batch loss (cross-entropy)", yScale: logY ? .log : .linear)
    a.yLimits = yLimits
    var rows: [[String]] = []
    for (k, r) in runs.enumerated() {
        let steps = r.steps("train/batch_loss").map(Double.init), v = r.values("train/batch_loss")
        let sm = smoothed(v, weight: 0.9)
        let col = Theme.okabeIto[k % Theme.okabeIto.count]
        a.marks.append(.line(LineMark(x: steps, y: v, color: col.opacity(0.22), width: 0.8)))
        a.marks.append(.line(LineMark(x: steps, y: sm, label: labels[k], color: col, width: 1.8)))
        for (i, s) in steps.enumerated() { rows.append([r.name, "\(Int(s))", num(v[i]), num(sm[i])]) }
    }
    if let reference { a.referenceLines = [reference] }
    return FigureOutput(name: name, caption: caption, figure: Figure(title: nil, width: 620, height: 340, axes: [a]),
                        csv: csv(["run", "step", "batch_loss", "smoothed_0.9"], rows))
}

/// The held-out accuracy at the end of a run, as a percentage.
func accuracyFact(_ r: EventStore.Run) -> Fact {
    let acc = r.values("val/accuracy").last
    return Fact("\(r.name): test accuracy at the end", acc, acc.map { formatNumber($0 * 100, significant: 3) + " %" })
}

import Foundation
import NNEvents
import NNPlot

/// A section for runs of any other study (a custom config, another engine's events): loss,
/// per-layer gradient norms and activation spread, and the diagnoses.
func genericSection(study: String, runs: [EventStore.Run]) -> Section {
    var figures: [FigureOutput] = []
    let slug = study.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: " ", with: "_")
    let withLoss = runs.filter { !$0.values("train/batch_loss").isEmpty }
    if !withLoss.isEmpty {
        figures.append(lossCurves(withLoss, labels: withLoss.map(shortName), title: "Training loss", name: "\(slug)_loss",
                                  caption: "Batch loss at every recorded step (faint) and smoothed (weight 0.9)."))
    }
    for (q, label, log) in [(Quantity.weightGradient, "‖∂L/∂W‖", true), (.activation, "activation std", true)] {
        var rows: [[String]] = []
        let panels = runs.compactMap { r -> Axes? in
            let layers = r.layers(with: q)
            guard !layers.isEmpty else { return nil }
            var a = Axes(title: shortName(r), xLabel: "step", yLabel: label, yScale: log ? .log : .linear)
            for (k, l) in layers.enumerated() {
                let s = r.stats[l]![q]!
                let y = q == .weightGradient ? s.map(\.l2) : s.map(\.std)
                a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: y, label: l, color: depthColor(k, of: layers.count), width: 1.1)))
                rows += zip(s, y).map { [r.name, l, "\($0.step)", num($1)] }
            }
            return a
        }
        guard !panels.isEmpty else { continue }
        figures.append(FigureOutput(name: "\(slug)_\(q.rawValue)", caption: "\(label) of each layer over training (log scale), coloured by depth.",
                                    // One panel per run, three to a row.
                                    figure: Figure(title: label.prefix(1).uppercased() + label.dropFirst() + " by layer", width: 900,
                                                   height: 40 + 280 * Double((panels.count + 2) / 3),
                                                   rows: (panels.count + 2) / 3, columns: min(panels.count, 3), axes: panels),
                                    csv: csv(["run", "layer", "step", q == .weightGradient ? "grad_l2" : "activation_std"], rows)))
    }
    var facts: [Fact] = []
    for r in runs {
        facts.append(Fact("\(r.name): final batch loss (mean of last 5 %)", tailMean(r.values("train/batch_loss"))))
        if let acc = r.values("val/accuracy").last { facts.append(Fact("\(r.name): held-out accuracy at the end", acc)) }
        if let end = r.end { facts.append(Fact("\(r.name): outcome", nil, end.status + (end.quantity.map { " (\($0) at step \(end.step))" } ?? ""))) }
    }
    return Section(id: slug, title: "Study: \(study)", intro: "Runs recorded under the study name '\(study)'.", findings: [],
                   figures: figures, facts: facts, diagnoses: runs.map { ($0.name, Diagnoses.all($0)) }, settings: settingsRows(runs))
}

/// The report's sections for every run of a store, in the order vanishing, init, optimisers, others.
public func reportSections(_ store: EventStore) -> [Section] {
    let byStudy = Dictionary(grouping: store.runs) { $0.start?.study ?? "unknown" }
    var sections: [Section] = []
    if let v = byStudy["vanishing"] { sections.append(vanishingSection(v)) }
    if byStudy["init-histograms"] != nil || byStudy["init-training"] != nil {
        sections.append(initSection(histogramRuns: byStudy["init-histograms"] ?? [], trainingRuns: byStudy["init-training"] ?? []))
    }
    if byStudy["optimizer-paths"] != nil || byStudy["optimizer-training"] != nil || byStudy["optimizer-projection"] != nil {
        sections.append(optimizerSection(pathRuns: byStudy["optimizer-paths"] ?? [], trainingRuns: byStudy["optimizer-training"] ?? [],
                                         projectionRuns: byStudy["optimizer-projection"] ?? []))
    }
    let known: Set<String> = ["vanishing", "init-histograms", "init-training", "optimizer-paths", "optimizer-training", "optimizer-projection"]
    for study in byStudy.keys.filter({ !known.contains($0) }).sorted() { sections.append(genericSection(study: study, runs: byStudy[study]!)) }
    return sections
}

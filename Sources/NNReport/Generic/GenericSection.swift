import NNEvents
import NNPlot

/// The section for runs of any study without a builder of its own (a custom config, another
/// engine's events): loss, per-layer gradient norms and activation spread, and the diagnoses.
public enum GenericSection {
    /// The section for `runs`, all recorded under the study name `study`.
    public static func make(study: String, runs: [EventStore.Run]) -> Section {
        let slug = Slug.make(study)
        var figures: [FigureOutput] = []
        let withLoss = runs.filter { !$0.values("train/batch_loss").isEmpty }
        if !withLoss.isEmpty {
            let curves = LossCurves(title: "Training loss", name: "\(slug)_loss",
                                    caption: "Batch loss at every recorded step (faint) and smoothed (weight 0.9).")
            figures.append(curves.figure(withLoss, labels: withLoss.map(\.label)))
        }
        let curves = TrainValidationCurves(title: "Training and validation at each evaluation", name: "\(slug)_train_validation",
                                           caption: "Loss and accuracy of a sample of the training data (dashed) and of the validation set "
                                               + "(solid) at each evaluation. A validation curve that turns up while the training one "
                                               + "keeps falling is overfitting.")
        if let f = curves.figure(runs, labels: runs.map(\.label)) { figures.append(f) }
        for (q, label) in [(Quantity.weightGradient, "‖∂L/∂W‖"), (.activation, "activation std")] {
            if let f = layerFigure(runs, quantity: q, label: label, slug: slug) { figures.append(f) }
        }
        return Section(id: slug, title: "Study: \(study)", intro: "Runs recorded under the study name '\(study)'.", findings: [],
                       figures: figures, facts: facts(runs), diagnoses: runs.map { ($0.name, Diagnoses.all($0)) },
                       settings: SettingsTable.rows(runs))
    }

    /// One panel per run (three to a row) with a line per layer, on a log axis.
    static func layerFigure(_ runs: [EventStore.Run], quantity q: Quantity, label: String, slug: String) -> FigureOutput? {
        var rows: [[String]] = []
        let panels = runs.compactMap { r -> Axes? in
            let layers = r.layers(with: q)
            guard !layers.isEmpty else { return nil }
            var a = Axes(title: r.label, xLabel: "step", yLabel: label, yScale: .log)
            for (k, l) in layers.enumerated() {
                let s = r.stats[l]?[q] ?? []
                let y = q == .weightGradient ? s.map(\.l2) : s.map(\.std)
                a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: y, label: l,
                                              color: RunSummary.depthColor(k, of: layers.count), width: 1.1)))
                rows += zip(s, y).map { [r.name, l, "\($0.step)", CSVTable.number($1)] }
            }
            return a
        }
        guard !panels.isEmpty else { return nil }
        let title = label.prefix(1).uppercased() + label.dropFirst() + " by layer"
        let figure = Figure(title: title, width: 900, height: 40 + 280 * Double((panels.count + 2) / 3),
                            rows: (panels.count + 2) / 3, columns: min(panels.count, 3), axes: panels)
        return FigureOutput(name: "\(slug)_\(q.rawValue)", caption: "\(label) of each layer over training (log scale), coloured by depth.",
                            figure: figure,
                            csv: CSVTable.text(["run", "layer", "step", q == .weightGradient ? "grad_l2" : "activation_std"], rows))
    }

    static func facts(_ runs: [EventStore.Run]) -> [Fact] {
        var facts: [Fact] = []
        for r in runs {
            facts.append(Fact("\(r.name): final batch loss (mean of last 5 %)", r.finalBatchLoss()))
            if !(r.values("test/accuracy") + r.values("val/accuracy")).isEmpty { facts.append(r.accuracyFact) }
            if let end = r.end {
                facts.append(Fact("\(r.name): outcome", nil, end.status + (end.quantity.map { " (\($0) at step \(end.step))" } ?? "")))
            }
        }
        return facts
    }
}

import NNEvents
import NNPlot

/// The section for runs of any study without a builder of its own (a custom config, another
/// engine's events): loss, per-layer gradient norms and activation spread, and the diagnoses.
public enum GenericSection {
    /// The section for `runs`, all recorded under the study name `study`, in the current language.
    public static func make(study: String, runs: [EventStore.Run]) -> Section {
        let slug = Slug.make(study)
        var figures: [FigureOutput] = []
        let withLoss = runs.filter { !$0.values("train/batch_loss").isEmpty }
        if !withLoss.isEmpty {
            let curves = LossCurves(title: ReportText.text("generic.loss.title"), name: "\(slug)_loss", caption: ReportText.text("generic.loss.caption"))
            figures.append(curves.figure(withLoss, labels: withLoss.map(\.label)))
        }
        let curves = TrainValidationCurves(title: ReportText.text("generic.curves.title"), name: "\(slug)_train_validation",
                                           caption: ReportText.text("generic.curves.caption"))
        if let f = curves.figure(runs, labels: runs.map(\.label)) { figures.append(f) }
        for (q, key) in [(Quantity.weightGradient, "gradient"), (.activation, "activation")] {
            if let f = layerFigure(runs, quantity: q, key: key, slug: slug) { figures.append(f) }
        }
        return Section(id: slug, title: ReportText.text("generic.title", ["study": study]), intro: ReportText.text("generic.intro", ["study": study]),
                       findings: [], figures: figures, facts: facts(runs), diagnoses: runs.map { ($0.name, Diagnoses.all($0)) },
                       settings: SettingsTable.rows(runs))
    }

    /// One panel per run (three to a row) with a line per layer, on a log axis.
    static func layerFigure(_ runs: [EventStore.Run], quantity q: Quantity, key: String, slug: String) -> FigureOutput? {
        let label = ReportText.text("generic.\(key).axis")
        var rows: [[String]] = []
        let panels = runs.compactMap { r -> Axes? in
            let layers = r.layers(with: q)
            guard !layers.isEmpty else { return nil }
            var a = Axes(title: r.label, xLabel: ReportText.text("axis.step"), yLabel: label, yScale: .log)
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
        let figure = Figure(title: ReportText.text("generic.\(key).title"), width: 900, height: 40 + 280 * Double((panels.count + 2) / 3),
                            rows: (panels.count + 2) / 3, columns: min(panels.count, 3), axes: panels)
        return FigureOutput(name: "\(slug)_\(q.rawValue)", caption: ReportText.text("generic.\(key).caption"),
                            figure: figure,
                            csv: CSVTable.text(["run", "layer", "step", q == .weightGradient ? "grad_l2" : "activation_std"], rows))
    }

    static func facts(_ runs: [EventStore.Run]) -> [Fact] {
        var facts: [Fact] = []
        for r in runs {
            facts.append(r.finalLossFact)
            if !(r.values("test/accuracy") + r.values("val/accuracy")).isEmpty { facts.append(r.accuracyFact) }
            if let end = r.end {
                let status = Diagnoses.statusText(end.status)
                let detail = end.quantity.map { ReportText.text("generic.outcome_detail", ["status": status, "quantity": Diagnoses.quantityText($0),
                                                                                          "step": "\(end.step)"]) }
                facts.append(Fact(ReportText.text("generic.outcome", ["run": r.name]), nil, detail ?? status))
            }
        }
        return facts
    }
}

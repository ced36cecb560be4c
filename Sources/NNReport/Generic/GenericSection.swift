import NNEvents
import NNPlot

/// The section for runs of any study without a builder of its own (a custom config, another
/// engine's events): what the events hold, with no study to explain it. Loss and accuracy with
/// training and validation on one chart (``GenericCurves``), every other scalar tag (``ScalarPanels``),
/// per-layer norms (``LayerNorms``) and
/// activation spread, per-layer histograms over training (``LayerHistograms``), the diagnoses that
/// can be computed from what is there, and the settings, other tools' hyperparameters included.
public enum GenericSection {
    /// The section for `runs`, all recorded under the study name `study`, in the current language.
    public static func make(study: String, runs: [EventStore.Run]) -> Section {
        let slug = Slug.make(study)
        var figures: [FigureOutput] = []
        // With repeats, the per-layer figures, diagnoses and settings show each run once (its first seed).
        let primaries = Repeats.primaries(runs)
        let withLoss = runs.filter { !$0.values("train/batch_loss").isEmpty }
        if !withLoss.isEmpty {
            let curves = LossCurves(title: ReportText.text("generic.loss.title"), name: "\(slug)_loss", caption: ReportText.text("generic.loss.caption"))
            figures.append(curves.figure(withLoss, labels: withLoss.map(\.label)))
        }
        if Repeats.any(runs) {
            let curves = TrainValidationCurves(title: ReportText.text("generic.curves.title"), name: "\(slug)_train_validation",
                                               caption: ReportText.text("generic.curves.caption"))
            if let f = curves.figure(runs, labels: runs.map(\.label)) { figures.append(f) }
        } else if let f = GenericCurves.figure(runs, name: "\(slug)_train_validation") {
            figures.append(f)
        }
        if let f = ScalarPanels.figure(primaries, name: "\(slug)_scalars") { figures.append(f) }
        if let f = LayerNorms.figure(primaries, slug: slug) { figures.append(f) }
        if let f = layerFigure(primaries, quantity: .activation, key: "activation", slug: slug) { figures.append(f) }
        figures += LayerHistograms.figures(primaries, slug: slug)
        let repeated = Repeats.any(runs)
        return Section(id: slug, title: ReportText.text("generic.title", ["study": study]), intro: ReportText.text("generic.intro", ["study": study]),
                       findings: repeated ? seedFindings(runs) : [], figures: figures, facts: repeated ? repeatedFacts(runs) : facts(runs),
                       diagnoses: primaries.map { ($0.name, Diagnoses.all($0) + Diagnoses.training($0)) }, settings: settings(primaries))
    }

    /// The settings table, with a column of the runs' other settings (`run_start`'s `settings`, e.g. another tool's
    /// hyperparameters) when some run has them.
    static func settings(_ runs: [EventStore.Run]) -> [[String]] {
        var table = SettingsTable.rows(runs)
        guard runs.contains(where: { !($0.start?.settings.isEmpty ?? true) }) else { return table }
        table[0].append(ReportText.text("settings.other"))
        for (k, r) in runs.enumerated() {
            table[k + 1].append((r.start?.settings ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return table
    }

    /// Per run and its repeats: the spread of the final loss and accuracy over the seeds, and how they ended.
    static func repeatedFacts(_ runs: [EventStore.Run]) -> [Fact] {
        Repeats.groups(runs).flatMap { group -> [Fact] in
            let name = group[0].name
            let losses = group.map { $0.finalBatchLoss() }
            var out = [Fact("\(name): final batch loss (mean of last 5 %)", losses.filter(\.isFinite).isEmpty ? nil : losses.filter(\.isFinite).reduce(0, +)
                                / Double(losses.filter(\.isFinite).count), Repeats.spread(losses, significant: 4))]
            let accuracy = group.map { $0.values("test/accuracy").last ?? $0.values("val/accuracy").last ?? .nan }
            if accuracy.contains(where: \.isFinite) {
                let test = group.allSatisfy { !$0.values("test/accuracy").isEmpty }
                out.append(Fact("\(name): \(test ? "test accuracy (evaluated once, at the end)" : "held-out accuracy at the end")",
                                accuracy.filter(\.isFinite).reduce(0, +) / Double(accuracy.filter(\.isFinite).count),
                                Repeats.spread(accuracy, scale: 100, unit: " %")))
            }
            let ends = Dictionary(grouping: group.compactMap(\.end?.status)) { $0 }.map { "\($0.key) \($0.value.count)" }.sorted()
            out.append(Fact("\(name): outcome over \(group.count) seeds", nil, ends.joined(separator: ", ")))
            return out
        }
    }

    /// For each run with repeats, the diagnoses that fired in every seed and those that fired in some only.
    static func seedFindings(_ runs: [EventStore.Run]) -> [String] {
        Repeats.groups(runs).filter { $0.count > 1 }.compactMap { group -> String? in
            var fired: [String: Int] = [:]
            for r in group { for d in Diagnoses.all(r) + Diagnoses.training(r) where d.fired { fired[d.name, default: 0] += 1 } }
            let all = fired.filter { $0.value == group.count }.keys.sorted(), some = fired.filter { $0.value < group.count }.sorted { $0.key < $1.key }
            guard !fired.isEmpty else { return "\(group[0].name): no diagnosis fired in any of its \(group.count) seeds." }
            var s = "\(group[0].name) (\(group.count) seeds):"
            if !all.isEmpty { s += " in every seed: \(all.joined(separator: ", "))." }
            if !some.isEmpty { s += " Not in every seed: " + some.map { "\($0.key) in \($0.value) of \(group.count)" }.joined(separator: ", ") + "." }
            return s
        }
    }

    /// One panel per run (three to a row) with a line per layer, on a log axis.
    static func layerFigure(_ runs: [EventStore.Run], quantity q: Quantity, key: String, slug: String) -> FigureOutput? {
        let label = ReportText.text("generic.\(key).axis")
        var csv = CSVText(header: ["run", "layer", "step", q == .weightGradient ? "grad_l2" : "activation_std"]), decimated = false
        let panels = runs.compactMap { r -> Axes? in
            let layers = r.layers(with: q)
            guard !layers.isEmpty else { return nil }
            var a = Axes(title: r.label, xLabel: ReportText.text("axis.step"), yLabel: label, yScale: .log)
            for (k, l) in layers.enumerated() {
                let s = r.stats[l]?[q] ?? []
                decimated = decimated || s.count < (r.summary(l, q)?.count ?? 0)
                let y = q == .weightGradient ? s.map(\.l2) : s.map(\.std)
                a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: y, label: l,
                                              color: RunSummary.depthColor(k, of: layers.count), width: 1.1)))
                for (p, value) in zip(s, y) { csv.add([r.name, l, "\(p.step)", CSVTable.number(value)]) }
            }
            return a
        }
        guard !panels.isEmpty else { return nil }
        let figure = Figure(title: ReportText.text("generic.\(key).title"), width: 900, height: 40 + 280 * Double((panels.count + 2) / 3),
                            rows: (panels.count + 2) / 3, columns: min(panels.count, 3), axes: panels)
        return FigureOutput(name: "\(slug)_\(q.rawValue)", caption: ReportText.text("generic.\(key).caption") + CurveDecimation.note(decimated),
                            figure: figure, csv: csv.text)
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

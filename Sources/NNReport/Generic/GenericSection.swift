import NNEvents
import NNPlot

/// The section for runs of any study without a builder of its own (a custom config, another
/// engine's events): loss, per-layer gradient norms and activation spread, and the diagnoses.
public enum GenericSection {
    /// The section for `runs`, all recorded under the study name `study`.
    public static func make(study: String, runs: [EventStore.Run]) -> Section {
        let slug = study.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: " ", with: "_")
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
        // With repeats, the per-layer figures, diagnoses and settings show each run once (its first seed).
        let primaries = Repeats.primaries(runs)
        for (q, label) in [(Quantity.weightGradient, "‖∂L/∂W‖"), (.activation, "activation std")] {
            if let f = layerFigure(primaries, quantity: q, label: label, slug: slug) { figures.append(f) }
        }
        let repeated = Repeats.any(runs)
        return Section(id: slug, title: "Study: \(study)", intro: "Runs recorded under the study name '\(study)'.",
                       findings: repeated ? seedFindings(runs) : [], figures: figures, facts: repeated ? repeatedFacts(runs) : facts(runs),
                       diagnoses: primaries.map { ($0.name, Diagnoses.all($0)) }, settings: SettingsTable.rows(primaries))
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

import Foundation
import NNEvents
import NNPlot
import NNReport

/// The regularised nets' figures, facts and findings: training against validation accuracy,
/// the gap between them over the epochs, the epoch the training set was learnt by heart.
struct RegularizationFigures {
    let prose: Prose
    /// The four nets, each with its repeats.
    let groups: [[EventStore.Run]]

    /// Gaps closer than this (in accuracy, 0.02 = 2 points) to the unregularised net's count as the same.
    static let tolerance = 0.02

    /// Training and validation colours.
    static let colors = (train: Theme.okabeIto[0], val: Theme.okabeIto[1])

    /// The net's name in figures and facts, from its prose.
    func name(_ group: [EventStore.Run]) throws -> String {
        let short = group.first?.shortName ?? ""
        // A custom run recorded under this study's name has no prose of its own: its label.
        return prose.keys.contains("net." + short) ? try prose.text("net." + short) : (group.first?.label ?? short)
    }

    /// The band's meaning, for captions.
    var band: String { (groups.first?.count ?? 1) > 1 ? (try? prose.text("band", ["seeds": "\(groups[0].count)"])) ?? "" : "" }

    /// The training and validation sample counts of a run, for legends.
    func sampleCounts(_ r: EventStore.Run?) throws -> [String: String] {
        let splits = r?.start?.splits ?? [:]
        return ["train": "\(splits["train"] ?? 0)", "val": "\(splits["validation"] ?? 0)"]
    }

    /// The first epoch (from 1) with training accuracy 100 %, per seed (nil: never).
    static func firstPerfect(_ r: EventStore.Run) -> Int? {
        (r.scalars["train/accuracy"] ?? []).first { $0.value >= 1 }.map { ($0.epoch ?? 0) + 1 }
    }

    /// One panel per net: training (dashed) and validation (solid) accuracy after every epoch.
    func curves() throws -> FigureOutput {
        var rows: [[String]] = []
        var axes: [Axes] = []
        for (k, group) in groups.enumerated() {
            var a = Axes(title: try name(group), xLabel: k >= groups.count - 2 ? try prose.text("axis.epoch") : nil,
                         yLabel: k % 2 == 0 ? try prose.text("axis.accuracy") : nil, yLimits: 0...1.05)
            // One legend, in the last panel: its upper left is empty (the curves rise slowest there).
            let labelled = k == groups.count - 1
            a.legend = labelled
            let train = EpochSeries(group, "train/accuracy"), val = EpochSeries(group, "val/accuracy")
            let counts = try sampleCounts(group.first)
            a.marks += train.marks(label: labelled ? try prose.text("legend.train", counts) : nil, color: Self.colors.train, dash: .dashed)
            a.marks += val.marks(label: labelled ? try prose.text("legend.val", counts) : nil, color: Self.colors.val)
            rows += train.rows(group[0].name, "training") + val.rows(group[0].name, "validation")
            if let t = train.mean.last, let v = val.mean.last, let e = val.epochs.last {
                a.marks.append(.text(TextMark(x: e, y: (t + v) / 2, text: try prose.text("curves.gap", ["gap": formatNumber((t - v) * 100, significant: 2)]),
                                              anchor: .right, color: .black)))
            }
            let perfect = group.compactMap(Self.firstPerfect)
            if let first = perfect.min(), let end = train.epochs.last {
                a.referenceLines = [ReferenceLine(.vertical, at: Double(first), color: Self.colors.train)]
                a.marks.append(.text(TextMark(x: Double(first), y: 0.45, text: try prose.text("curves.perfect", ["epoch": "\(first)"]),
                                              anchor: Double(first) > end / 2 ? .right : .left, color: Self.colors.train)))
            }
            axes.append(a)
        }
        let figure = Figure(title: try prose.text("curves.title"), width: 900, height: 600, rows: (axes.count + 1) / 2, columns: 2, axes: axes,
                            sharedX: true, sharedY: true)
        return FigureOutput(name: "regularization_curves", caption: try prose.text("curves.caption", ["band": band]), figure: figure,
                            csv: CSVTable.text(EpochSeries.header, rows))
    }

    /// The gap between training and validation accuracy after every epoch, every net on one axes.
    func gaps() throws -> FigureOutput {
        var a = Axes(title: try prose.text("gaps.title"), xLabel: try prose.text("axis.epoch"), yLabel: try prose.text("axis.gap"))
        var rows: [[String]] = []
        for (k, group) in groups.enumerated() {
            var byEpoch: [Int: [Double]] = [:]
            for r in group {
                let val = Dictionary((r.scalars["val/accuracy"] ?? []).map { ($0.epoch ?? $0.step, $0.value) }) { a, _ in a }
                for t in r.scalars["train/accuracy"] ?? [] {
                    if let v = val[t.epoch ?? t.step] { byEpoch[(t.epoch ?? t.step) + 1, default: []].append((t.value - v) * 100) }
                }
            }
            let epochs = byEpoch.keys.sorted()
            let values = epochs.map { byEpoch[$0] ?? [] }
            let color = Theme.okabeIto[(k + 2) % Theme.okabeIto.count]
            if group.count > 1 {
                a.marks.append(.band(BandMark(x: epochs.map(Double.init), lower: values.map { $0.min() ?? .nan }, upper: values.map { $0.max() ?? .nan },
                                              color: color, opacity: 0.15)))
            }
            a.marks.append(.line(LineMark(x: epochs.map(Double.init), y: values.map(finiteMean), label: try name(group), color: color, width: 1.8)))
            rows += zip(epochs, values).map { [group[0].name, "\($0)", CSVTable.number(finiteMean($1))] }
        }
        a.referenceLines = [ReferenceLine(.horizontal, at: 0)]
        return FigureOutput(name: "regularization_gap", caption: try prose.text("gaps.caption", ["band": band]),
                            figure: Figure(width: 700, height: 360, axes: [a]), csv: CSVTable.text(["run", "epoch", "gap_points"], rows))
    }

    /// The facts of every net and the findings comparing them.
    func facts(into out: inout SectionParts) throws {
        var gaps: [String: Double] = [:]
        var values: [String: String] = [:]
        var display: [String: String] = [:]
        var seedGaps: [String: [Double]] = [:]
        for group in groups {
            let net = try name(group), short = group.first?.shortName ?? ""
            display[short] = net
            let train = lastValues(group, "train/accuracy"), val = lastValues(group, "val/accuracy")
            let gap = zip(train, val).map { $0 - $1 }
            gaps[short] = finiteMean(gap)
            seedGaps[short] = gap
            let perfect = group.map(Self.firstPerfect)
            let reached = perfect.compactMap { $0 }
            let epochText = reached.isEmpty ? try prose.text("fact.never") : Repeats.spread(reached.map(Double.init), significant: 3)
                + (group.count > 1 ? try prose.text("fact.reached_in", ["held": "\(reached.count)", "seeds": "\(group.count)"]) : "")
            out.facts += [Fact(try prose.text("fact.final", ["net": net]), finiteMean(train),
                               try prose.text("fact.final_value", ["train": Repeats.spread(train, scale: 100, unit: " %"),
                                                                   "val": Repeats.spread(val, scale: 100, unit: " %")])),
                          Fact(try prose.text("fact.gap", ["net": net]), finiteMean(gap), Repeats.spread(gap, significant: 3, scale: 100,
                                                                                          unit: prose.line("unit.points", or: " points"))),
                          Fact(try prose.text("fact.perfect", ["net": net]), reached.isEmpty ? nil : finiteMean(reached.map(Double.init)), epochText),
                          Fact(try prose.text("fact.test", ["net": net]), finiteMean(lastValues(group, "test/accuracy")),
                               Repeats.spread(lastValues(group, "test/accuracy"), scale: 100, unit: " %"))]
            values[short + "_gap"] = formatNumber((gaps[short] ?? .nan) * 100, significant: 3)
            values[short + "_train"] = formatNumber(finiteMean(train) * 100, significant: 3)
            values[short + "_val"] = formatNumber(finiteMean(val) * 100, significant: 3)
            values[short + "_perfect"] = reached.isEmpty ? try prose.text("fact.never_short")
                : try prose.text("finding.at_epoch", ["epoch": formatNumber(finiteMean(reached.map(Double.init)), significant: 3)])
                + (try seedsClause(reached.count, of: group.count, prose: prose))
        }
        guard let base = gaps["none"], values["none_gap"] != nil else { return }
        var none = values.filter { $0.key.hasPrefix("none") }
        let threshold = ["threshold": compactNumber(Diagnoses.gapThreshold * 100, significant: 3)]
        let baseGaps = seedGaps["none"] ?? []
        let overfitted = baseGaps.filter { $0 > Diagnoses.gapThreshold }.count
        var verdict = threshold
        verdict["seeds"] = try seedsClause(base > Diagnoses.gapThreshold ? overfitted : baseGaps.count - overfitted, of: baseGaps.count, prose: prose)
        none["none_verdict"] = try prose.text(base > Diagnoses.gapThreshold ? "finding.overfitted" : "finding.not_overfitted", verdict)
        out.findings.append(try prose.text("finding.overfit", none))
        let cures = groups.compactMap(\.first).map(\.shortName).filter { $0 != "none" }
        // Each cure's name, and with repeats in how many seeds its gap was also narrower than the same seed's without.
        func names(annotated: Bool = false, _ keep: (Double) -> Bool) -> String {
            cures.filter { gaps[$0].map(keep) ?? false }.map { c -> String in
                let own = seedGaps[c] ?? [], held = zip(own, baseGaps).filter { $0 < $1 - Self.tolerance }.count
                guard annotated else { return display[c] ?? c }
                return (display[c] ?? c) + ((try? seedsClause(held, of: min(own.count, baseGaps.count), prose: prose)) ?? "")
            }.joined(separator: ", ")
        }
        let t = Self.tolerance
        let smaller = names(annotated: true) { $0 < base - t }, same = names { abs($0 - base) <= t }, larger = names { $0 > base + t }
        var cure: [String: String] = ["smaller": smaller.isEmpty ? try prose.text("fact.none") : smaller,
                                      "same": same.isEmpty ? "" : try prose.text("finding.same", ["list": same]),
                                      "larger": larger.isEmpty ? "" : try prose.text("finding.not_smaller", ["list": larger])]
        for (k, v) in values where !k.hasPrefix("none") { cure[k.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "")] = v }
        guard ["weight_decay_gap", "dropout_015_gap", "dropout_02_gap"].allSatisfy({ cure[$0] != nil }) else { return }
        out.findings.append(try prose.text("finding.cures", cure))
    }
}

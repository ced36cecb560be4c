import Foundation
import NNEvents
import NNPlot
import NNReport

/// Early stopping: on the overfitting net (with the full-length run beside it) and on the
/// notes' Keras regression example; the epoch it stopped and the epoch whose weights it kept,
/// and the test score of the kept weights against the last ones.
struct EarlyStoppingFigures {
    let prose: Prose

    /// The epochs a run recorded for early stopping: restored (kept) and stopped, counted from 1.
    static func epochs(_ r: EventStore.Run) -> (restored: Int, stopped: Int)? {
        guard let kept = r.values("early_stopping/restored_epoch").last, let stop = r.values("early_stopping/stopped_epoch").last else { return nil }
        return (Int(kept), Int(stop))
    }

    /// Vertical lines at the kept and the stopping epoch of the group's first run, spanning
    /// `range`, named in the legend (labels beside the lines would run off the plot near its end).
    func markers(_ r: EventStore.Run?, range: ClosedRange<Double>) throws -> [Mark] {
        guard let r, let e = Self.epochs(r) else { return [] }
        let y = [range.lowerBound, range.upperBound]
        return [.line(LineMark(x: [Double(e.restored), Double(e.restored)], y: y, label: try prose.text("stop.kept", ["epoch": "\(e.restored)"]),
                               color: .grey, width: 1.2, dash: .dashed)),
                .line(LineMark(x: [Double(e.stopped), Double(e.stopped)], y: y, label: try prose.text("stop.stopped", ["epoch": "\(e.stopped)"]),
                               color: .red, width: 1.2, dash: .dotted))]
    }

    /// One panel per measure: the run's training (dashed) and validation (solid) curve, the
    /// full-length run's validation curve faint behind, the two epochs marked.
    func panels(_ group: [EventStore.Run], full: [EventStore.Run], measures: [(String, String)], legends: (String, String),
                rows: inout [[String]]) throws -> [Axes] {
        try measures.enumerated().map { k, m -> Axes in
            var a = Axes(title: try prose.text("stop.panel." + m.0), xLabel: try prose.text("axis.epoch"), yLabel: try prose.text(m.1))
            if !full.isEmpty {
                let f = EpochSeries(full, "val/\(m.0)")
                a.marks.append(.line(LineMark(x: f.epochs, y: f.mean, label: try prose.text("legend.full_val"), color: Color(hex: "BBBBBB"), width: 1.2)))
                rows += f.rows(full[0].name, "validation " + m.0)
            }
            let train = EpochSeries(group, "train/\(m.0)"), val = EpochSeries(group, "val/\(m.0)")
            a.marks += train.marks(label: legends.0, color: RegularizationFigures.colors.train, dash: .dashed)
            a.marks += val.marks(label: legends.1, color: RegularizationFigures.colors.val)
            rows += train.rows(group[0].name, "training " + m.0) + val.rows(group[0].name, "validation " + m.0)
            let ys = (train.lower + train.upper + val.lower + val.upper).filter(\.isFinite)
            a.marks += try markers(group.first, range: (ys.min() ?? 0)...(ys.max() ?? 1))
            // One legend, in the first panel: its upper right is empty once the loss has come down.
            a.legend = k == 0
            return a
        }
    }

    /// The overfitting net with early stopping.
    func overfitting(_ runs: [EventStore.Run], full: [EventStore.Run], into out: inout SectionParts) throws {
        let group = Repeats.groups(runs).first ?? runs
        var rows: [[String]] = []
        let counts = try RegularizationFigures(prose: prose, groups: []).sampleCounts(group.first)
        let axes = try panels(group, full: full, measures: [("loss", "axis.loss"), ("accuracy", "axis.accuracy")],
                              legends: (try prose.text("legend.train", counts), try prose.text("legend.val", counts)), rows: &rows)
        out.figures.append(FigureOutput(name: "early_stopping", caption: try prose.text("stop.caption"),
                                        figure: Figure(title: try prose.text("stop.title"), width: 900, height: 360, columns: 2, axes: axes),
                                        csv: CSVTable.text(EpochSeries.header, rows)))
        let e = group.compactMap(Self.epochs)
        let kept = lastValues(group, "test/accuracy"), last = lastValues(group, "test_last/accuracy")
        let fullTest = lastValues(full, "test/accuracy")
        out.facts += [Fact(try prose.text("fact.stopped"), finiteMean(e.map { Double($0.stopped) }), Repeats.spread(e.map { Double($0.stopped) })),
                      Fact(try prose.text("fact.kept"), finiteMean(e.map { Double($0.restored) }), Repeats.spread(e.map { Double($0.restored) })),
                      Fact(try prose.text("fact.test_kept"), finiteMean(kept), Repeats.spread(kept, scale: 100, unit: " %")),
                      Fact(try prose.text("fact.test_last"), finiteMean(last), Repeats.spread(last, scale: 100, unit: " %")),
                      Fact(try prose.text("fact.test_full"), finiteMean(fullTest), Repeats.spread(fullTest, scale: 100, unit: " %"))]
        guard !e.isEmpty else { return }
        let better = zip(kept, last).filter { $0 > $1 }.count
        let verdict = e.allSatisfy { $0.restored == $0.stopped } ? "finding.kept_last"
            : (better == kept.count ? "finding.kept_better" : (better == 0 ? "finding.kept_not_better" : "finding.kept_mixed"))
        out.findings.append(try prose.text("finding.stop", [
            "stopped": Repeats.spread(e.map { Double($0.stopped) }), "kept": Repeats.spread(e.map { Double($0.restored) }),
            "test_kept": formatNumber(finiteMean(kept) * 100, significant: 3), "test_last": formatNumber(finiteMean(last) * 100, significant: 3),
            "test_full": formatNumber(finiteMean(fullTest) * 100, significant: 3),
            "full_epochs": "\(full.first.flatMap { $0.scalars["val/accuracy"]?.count } ?? 0)",
            "verdict": try prose.text(verdict, ["held": "\(better)", "seeds": "\(kept.count)"]),
        ]))
    }

    /// The notes' Keras regression example.
    func regression(_ runs: [EventStore.Run], into out: inout SectionParts) throws {
        let group = Repeats.groups(runs).first ?? runs
        var rows: [[String]] = []
        let counts = try RegularizationFigures(prose: prose, groups: []).sampleCounts(group.first)
        var axes = try panels(group, full: [], measures: [("loss", "axis.mse")],
                              legends: (try prose.text("legend.regression_train", counts), try prose.text("legend.regression_val", counts)),
                              rows: &rows)
        axes[0].title = try prose.text("regression.panel")
        axes[0].yScale = .log
        let data = Prose.datasetText(group.first?.start?.dataset ?? "")
        out.figures.append(FigureOutput(name: "regression_early_stopping", caption: try prose.text("regression.caption", ["data": data]),
                                        figure: Figure(title: try prose.text("regression.title"), width: 700, height: 380, axes: axes),
                                        csv: CSVTable.text(EpochSeries.header, rows)))
        let e = group.compactMap(Self.epochs)
        let kept = lastValues(group, "test/loss"), last = lastValues(group, "test_last/loss")
        let epochs = group.compactMap { $0.scalars["val/loss"]?.count }
        out.facts += [Fact(try prose.text("fact.regression_data"), nil, data),
                      Fact(try prose.text("fact.regression_epochs"), finiteMean(e.map { Double($0.stopped) }),
                           try prose.text("fact.regression_epochs_value", ["stopped": Repeats.spread(e.map { Double($0.stopped) }),
                                                                           "kept": Repeats.spread(e.map { Double($0.restored) })])),
                      Fact(try prose.text("fact.regression_test"), finiteMean(kept),
                           try prose.text("fact.regression_test_value", ["kept": Repeats.spread(kept, significant: 3),
                                                                         "last": Repeats.spread(last, significant: 3)]))]
        guard let first = e.first else { return }
        let stoppedEarly = group.filter { $0.end?.status == "stopped_early" }.count
        let key = stoppedEarly == 0 ? "finding.regression_ran_out" : "finding.regression_stopped"
        out.findings.append(try prose.text(key, ["stopped": "\(first.stopped)", "kept": "\(first.restored)",
                                                 "epochs": "\(epochs.max() ?? 0)", "kept_mse": formatNumber(finiteMean(kept), significant: 3),
                                                 "last_mse": formatNumber(finiteMean(last), significant: 3),
                                                 "seeds": try seedsClause(stoppedEarly == 0 ? group.count : stoppedEarly, of: group.count, prose: prose)]))
    }
}

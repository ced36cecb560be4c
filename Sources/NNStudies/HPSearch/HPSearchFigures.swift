import Foundation
import NNEvents
import NNPlot
import NNReport

/// The hyper-parameter search's figures, facts and findings.
struct HPSearchFigures {
    let prose: Prose
    /// Every trial, best first.
    let trials: [HPTrial]

    /// The share of the trials, best first, that count as "good": the region to search next.
    static let goodShare = 0.1
    /// How many trials the curves figure shows.
    static let shown = 20

    /// The good trials: the best tenth (at least one).
    var good: [HPTrial] { Array(trials.prefix(max(1, Int((Double(trials.count) * Self.goodShare).rounded())))) }

    /// The band's meaning, for captions.
    var band: String { (trials.first?.runs.count ?? 1) > 1 ? (try? prose.text("band", ["seeds": "\(trials[0].runs.count)"])) ?? "" : "" }

    /// The 20 best trials' curves: training dashed, validation solid, one panel each, ranked.
    func top() throws -> FigureOutput {
        let shown = Array(trials.prefix(Self.shown))
        let columns = 4
        var rows: [[String]] = []
        let colors = (train: Theme.okabeIto[0], val: Theme.okabeIto[1])
        let counts = trials.first?.runs.first?.start?.splits ?? [:]
        let axes = try shown.enumerated().map { k, t -> Axes in
            let title = try prose.text("top.panel", ["rank": "\(k + 1)", "val": formatNumber(t.score * 100, significant: 2),
                                                     "lr": compactNumber(t.learningRate), "wd": compactNumber(t.weightDecay)])
            var a = Axes(title: title, xLabel: k >= shown.count - columns ? try prose.text("axis.epoch") : nil,
                         yLabel: k % columns == 0 ? try prose.text("axis.accuracy") : nil, yLimits: 0...1)
            let labelled = k == shown.count - 1
            a.legend = labelled
            let train = EpochSeries(t.runs, "train/accuracy"), val = EpochSeries(t.runs, "val/accuracy")
            a.marks += train.marks(label: labelled ? try prose.text("legend.train", ["train": "\(counts["train"] ?? 0)",
                                                                                 "val": "\(counts["validation"] ?? 0)"]) : nil,
                                   color: colors.train, dash: .dashed, width: 1.3)
            a.marks += val.marks(label: labelled ? try prose.text("legend.val", ["val": "\(counts["validation"] ?? 0)"]) : nil,
                                 color: colors.val, width: 1.5)
            rows += train.rows(t.runs[0].name, "training") + val.rows(t.runs[0].name, "validation")
            return a
        }
        let rowCount = (axes.count + columns - 1) / columns
        let figure = Figure(title: try prose.text("top.title", ["count": "\(shown.count)", "total": "\(trials.count)"]), width: 1000,
                            height: 60 + 175 * Double(rowCount), rows: rowCount, columns: columns, axes: axes, sharedX: true, sharedY: true)
        return FigureOutput(name: "hpsearch_top", caption: try prose.text("top.caption", ["band": band]), figure: figure,
                            csv: CSVTable.text(EpochSeries.header, rows))
    }

    /// Colour bins of the validation accuracy, for the scatter's legend: lower bound and label.
    static let bins: [(Double, String)] = [(0.8, "80–100 %"), (0.6, "60–80 %"), (0.4, "40–60 %"), (0.2, "20–40 %"), (0, "0–20 %")]

    /// Every trial on the lr–weight-decay plane (both log), coloured by validation accuracy, the good ones outlined.
    func scatter() throws -> FigureOutput {
        var a = Axes(title: try prose.text("scatter.title"), xLabel: try prose.text("axis.rate"), yLabel: try prose.text("axis.decay"),
                     xScale: .log, yScale: .log)
        for (k, bin) in Self.bins.enumerated() {
            let upper = k == 0 ? Double.infinity : Self.bins[k - 1].0
            let members = trials.filter { ($0.score.isFinite ? $0.score : 0) >= bin.0 && ($0.score.isFinite ? $0.score : 0) < upper }
            guard !members.isEmpty else { continue }
            a.marks.append(.scatter(ScatterMark(x: members.map(\.learningRate), y: members.map(\.weightDecay),
                                                label: try prose.text("scatter.bin", ["range": bin.1]),
                                                color: ColorMap.viridis.color(at: 0.95 - 0.95 * Double(k) / Double(Self.bins.count - 1)), size: 4.5)))
        }
        let g = good
        if let lrs = range(g.map(\.learningRate)), let wds = range(g.map(\.weightDecay)) {
            // The box around the good trials, a little wider than the points so it does not cut through them.
            let (x0, x1, y0, y1) = (lrs.lowerBound / 1.25, lrs.upperBound * 1.25, wds.lowerBound / 1.4, wds.upperBound * 1.4)
            a.marks.append(.path(PathMark(x: [x0, x1, x1, x0, x0], y: [y0, y0, y1, y1, y0],
                                          label: try prose.text("scatter.good", ["count": "\(g.count)"]),
                                          color: .red, marker: nil, arrows: false, width: 1.4)))
        }
        if let best = trials.first {
            a.marks.append(.scatter(ScatterMark(x: [best.learningRate], y: [best.weightDecay], label: try prose.text("scatter.best"),
                                                color: .black, size: 7, marker: .plus)))
        }
        let rows = trials.enumerated().map { k, t in
            ["\(k + 1)", t.runs[0].name, CSVTable.number(t.learningRate), CSVTable.number(t.weightDecay), CSVTable.number(t.score)]
        }
        return FigureOutput(name: "hpsearch_scatter", caption: try prose.text("scatter.caption", ["count": "\(g.count)"]),
                            figure: Figure(width: 720, height: 460, axes: [a]),
                            csv: CSVTable.text(["rank", "run", "learning_rate", "weight_decay", "final_validation_accuracy"], rows))
    }

    /// The smallest and largest positive finite value.
    func range(_ v: [Double]) -> ClosedRange<Double>? {
        let f = v.filter { $0.isFinite && $0 > 0 }
        guard let lo = f.min(), let hi = f.max() else { return nil }
        return lo...hi
    }
}

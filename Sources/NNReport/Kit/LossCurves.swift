import NNEvents
import NNPlot

/// Loss curves of runs: raw batch loss faint, TensorBoard-smoothed on top.
public struct LossCurves {
    /// The figure's title.
    public var title: String
    /// Its file name.
    public var name: String
    /// Its caption.
    public var caption: String
    /// A reference line (ln 10, say).
    public var reference: ReferenceLine?
    /// Fixed y limits.
    public var yLimits: ClosedRange<Double>?
    /// Log y axis.
    public var logY = false

    /// Loss curves with a title, file name and caption.
    public init(title: String, name: String, caption: String, reference: ReferenceLine? = nil,
                yLimits: ClosedRange<Double>? = nil, logY: Bool = false) {
        self.title = title; self.name = name; self.caption = caption; self.reference = reference
        self.yLimits = yLimits; self.logY = logY
    }

    /// The figure for `runs`, with one legend label per run. Runs repeated with other seeds
    /// (``Repeats``) are drawn as one smoothed mean line per run with the band of its seeds.
    public func figure(_ runs: [EventStore.Run], labels: [String]) -> FigureOutput {
        if Repeats.any(runs) { return repeatedFigure(runs, labels: labels) }
        let yLabel = ReportText.text(logY ? "axis.batch_loss_log" : "axis.batch_loss")
        var a = Axes(title: title, xLabel: ReportText.text("axis.step"), yLabel: yLabel, yScale: logY ? .log : .linear)
        a.yLimits = yLimits
        var csv = CSVText(header: ["run", "step", "batch_loss", "smoothed_0.9"]), decimated = false
        for (k, r) in runs.enumerated() {
            let all = r.steps("train/batch_loss").map(Double.init), raw = r.values("train/batch_loss")
            let smoothed = Smoothing.exponential(raw, weight: 0.9), keep = CurveDecimation.indices(steps: all, [raw, smoothed])
            decimated = decimated || keep.count < all.count
            let steps = CurveDecimation.pick(all, keep), v = CurveDecimation.pick(raw, keep), sm = CurveDecimation.pick(smoothed, keep)
            let col = Theme.okabeIto[k % Theme.okabeIto.count]
            a.marks.append(.line(LineMark(x: steps, y: v, color: col.opacity(0.22), width: 0.8)))
            a.marks.append(.line(LineMark(x: steps, y: sm, label: labels[k], color: col, width: 1.8)))
            for (i, s) in steps.enumerated() {
                csv.add([r.name, "\(Int(s))", CSVTable.number(v[i]), CSVTable.number(sm[i])])
            }
        }
        if let reference { a.referenceLines = [reference] }
        return FigureOutput(name: name, caption: caption + CurveDecimation.note(decimated), figure: Figure(title: nil, width: 620, height: 340, axes: [a]),
                            csv: csv.text)
    }

    /// Each run and its repeats as the mean of their smoothed batch losses, with the band from the
    /// smallest to the largest; the legend says how many seeds.
    func repeatedFigure(_ runs: [EventStore.Run], labels: [String]) -> FigureOutput {
        let yLabel = logY ? "batch loss (cross-entropy, log)" : "batch loss (cross-entropy)"
        var a = Axes(title: title, xLabel: "step", yLabel: yLabel, yScale: logY ? .log : .linear)
        a.yLimits = yLimits
        var rows: [[String]] = []
        for (k, group) in Repeats.groups(runs).enumerated() {
            let b = Repeats.band(group, "train/batch_loss") { Smoothing.exponential($0, weight: 0.9) }
            let x = b.steps.map(Double.init), col = Theme.okabeIto[k % Theme.okabeIto.count]
            let label = (runs.firstIndex { $0 === group[0] }).map { labels[$0] } ?? group[0].label
            a.marks.append(.band(BandMark(x: x, lower: b.lower, upper: b.upper, color: col, opacity: 0.2)))
            a.marks.append(.line(LineMark(x: x, y: b.mean, label: "\(label) (\(group.count) seeds)", color: col, width: 1.8)))
            rows += b.steps.indices.map {
                [group[0].name, "\(b.steps[$0])", CSVTable.number(b.mean[$0]), CSVTable.number(b.lower[$0]), CSVTable.number(b.upper[$0]),
                 "\(b.counts[$0])"]
            }
        }
        if let reference { a.referenceLines = [reference] }
        return FigureOutput(name: name, caption: caption + " With repeats: the mean of the seeds' smoothed losses, shaded from the smallest to the largest.",
                            figure: Figure(title: nil, width: 620, height: 340, axes: [a]),
                            csv: CSVTable.text(["run", "step", "smoothed_mean", "smoothed_min", "smoothed_max", "seeds"], rows))
    }
}

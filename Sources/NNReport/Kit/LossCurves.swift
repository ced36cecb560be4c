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

    /// The figure for `runs`, with one legend label per run.
    public func figure(_ runs: [EventStore.Run], labels: [String]) -> FigureOutput {
        let yLabel = ReportText.text(logY ? "axis.batch_loss_log" : "axis.batch_loss")
        var a = Axes(title: title, xLabel: ReportText.text("axis.step"), yLabel: yLabel, yScale: logY ? .log : .linear)
        a.yLimits = yLimits
        var rows: [[String]] = []
        for (k, r) in runs.enumerated() {
            let steps = r.steps("train/batch_loss").map(Double.init), v = r.values("train/batch_loss")
            let sm = Smoothing.exponential(v, weight: 0.9)
            let col = Theme.okabeIto[k % Theme.okabeIto.count]
            a.marks.append(.line(LineMark(x: steps, y: v, color: col.opacity(0.22), width: 0.8)))
            a.marks.append(.line(LineMark(x: steps, y: sm, label: labels[k], color: col, width: 1.8)))
            for (i, s) in steps.enumerated() {
                rows.append([r.name, "\(Int(s))", CSVTable.number(v[i]), CSVTable.number(sm[i])])
            }
        }
        if let reference { a.referenceLines = [reference] }
        return FigureOutput(name: name, caption: caption, figure: Figure(title: nil, width: 620, height: 340, axes: [a]),
                            csv: CSVTable.text(["run", "step", "batch_loss", "smoothed_0.9"], rows))
    }
}

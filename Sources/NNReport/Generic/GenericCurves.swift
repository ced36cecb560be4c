import NNEvents
import NNPlot

/// Loss and accuracy of any runs, training and validation on one chart per metric, as TensorBoard
/// draws scalars: each step's batch value faint, its smoothed curve bold, and the evaluations
/// (`train/*` dashed, `val/*` solid, with markers) on top, one colour per run in the order given.
public enum GenericCurves {
    /// TensorBoard's default smoothing weight.
    static let smoothing = 0.9

    /// The figure for `runs` (its file named `name`), or nil when the runs have no loss or accuracy series beyond the batch
    /// losses (which the section's loss figure shows).
    public static func figure(_ runs: [EventStore.Run], name: String) -> FigureOutput? {
        let more = ["train/batch_accuracy", "train/loss", "train/accuracy", "val/loss", "val/accuracy"]
        guard runs.contains(where: { r in more.contains { !r.values($0).isEmpty } }) else { return nil }
        let metrics = ["loss", "accuracy"].filter { m in
            runs.contains { !($0.values("train/batch_\(m)") + $0.values("train/\(m)") + $0.values("val/\(m)")).isEmpty }
        }
        guard !metrics.isEmpty else { return nil }
        var rows: [[String]] = [], hasBatches = false
        let panels = metrics.map { metric -> Axes in
            let x = StepAxis.label(runs, ["train/batch_\(metric)", "train/\(metric)", "val/\(metric)"])
            var a = Axes(title: ReportText.text("curves.\(metric)"), xLabel: x, yLabel: ReportText.text("axis.\(metric)"))
            a.legend = metric == metrics[0]
            for (k, r) in runs.enumerated() {
                let color = Theme.okabeIto[k % Theme.okabeIto.count]
                let batch = "train/batch_\(metric)"
                let v = r.values(batch), steps = r.steps(batch).map(Double.init)
                if !v.isEmpty {
                    hasBatches = true
                    let sm = Smoothing.exponential(v, weight: smoothing)
                    a.marks.append(.line(LineMark(x: steps, y: v, color: color.opacity(0.25), width: 0.8)))
                    a.marks.append(.line(LineMark(x: steps, y: sm, label: ReportText.text("generic.curves.batch", ["run": r.label]),
                                                  color: color, width: 2.2)))
                    rows += zip(steps, zip(v, sm)).map { [r.name, batch, "\(Int($0))", CSVTable.number($1.0), CSVTable.number($1.1)] }
                }
                for (split, dash, marker) in [("train", Dash.dashed, MarkerShape.square), ("val", .solid, .circle)] {
                    let name = "\(split)/\(metric)"
                    let y = r.values(name), x = r.steps(name).map(Double.init)
                    guard !y.isEmpty else { continue }
                    let label = ReportText.text(split == "val" ? "curves.validation" : "curves.training", ["run": r.label])
                    a.marks.append(.line(LineMark(x: x, y: y, label: label, color: color, width: 1.6, dash: dash, marker: marker,
                                                  markEvery: max(1, y.count / 30))))
                    rows += zip(x, y).map { [r.name, name, "\(Int($0))", CSVTable.number($1), ""] }
                }
            }
            return a
        }
        let figure = Figure(title: ReportText.text("generic.metrics.title"), width: 900, height: 360, columns: panels.count, axes: panels)
        return FigureOutput(name: name, caption: ReportText.text(hasBatches ? "generic.metrics.caption" : "generic.metrics.caption_epochs"),
                            figure: figure,
                            csv: CSVTable.text(["run", "series", "step", "value", "smoothed_0.9"], rows))
    }
}

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
        var csv = CSVText(header: ["run", "series", "step", "value", "smoothed_0.9"]), hasBatches = false, decimated = false
        let panels = metrics.map { metric -> Axes in
            let x = StepAxis.label(runs, ["train/batch_\(metric)", "train/\(metric)", "val/\(metric)"])
            var a = Axes(title: ReportText.text("curves.\(metric)"), xLabel: x, yLabel: ReportText.text("axis.\(metric)"))
            a.legend = metric == metrics[0]
            for (k, r) in runs.enumerated() {
                let color = Theme.okabeIto[k % Theme.okabeIto.count]
                let batch = "train/batch_\(metric)"
                let raw = r.values(batch), all = r.steps(batch).map(Double.init)
                if !raw.isEmpty {
                    hasBatches = true
                    let smoothed = Smoothing.exponential(raw, weight: smoothing), keep = CurveDecimation.indices(steps: all, [raw, smoothed])
                    decimated = decimated || keep.count < all.count
                    let steps = CurveDecimation.pick(all, keep), v = CurveDecimation.pick(raw, keep), sm = CurveDecimation.pick(smoothed, keep)
                    a.marks.append(.line(LineMark(x: steps, y: v, color: color.opacity(0.25), width: 0.8)))
                    a.marks.append(.line(LineMark(x: steps, y: sm, label: ReportText.text("generic.curves.batch", ["run": r.label]),
                                                  color: color, width: 2.2)))
                    for (s, (value, smoothed)) in zip(steps, zip(v, sm)) {
                        csv.add([r.name, batch, "\(Int(s))", CSVTable.number(value), CSVTable.number(smoothed)])
                    }
                }
                for (split, dash, marker) in [("train", Dash.dashed, MarkerShape.square), ("val", .solid, .circle)] {
                    let name = "\(split)/\(metric)"
                    let values = r.values(name), steps = r.steps(name).map(Double.init), keep = CurveDecimation.indices(steps: steps, [values])
                    guard !values.isEmpty else { continue }
                    decimated = decimated || keep.count < steps.count
                    let y = CurveDecimation.pick(values, keep), x = CurveDecimation.pick(steps, keep)
                    let label = ReportText.text(split == "val" ? "curves.validation" : "curves.training", ["run": r.label])
                    a.marks.append(.line(LineMark(x: x, y: y, label: label, color: color, width: 1.6, dash: dash, marker: marker,
                                                  markEvery: max(1, y.count / 30))))
                    for (s, value) in zip(x, y) { csv.add([r.name, name, "\(Int(s))", CSVTable.number(value), ""]) }
                }
            }
            return a
        }
        let figure = Figure(title: ReportText.text("generic.metrics.title"), width: 900, height: 360, columns: panels.count, axes: panels)
        let caption = ReportText.text(hasBatches ? "generic.metrics.caption" : "generic.metrics.caption_epochs") + CurveDecimation.note(decimated)
        return FigureOutput(name: name, caption: caption, figure: figure, csv: csv.text)
    }
}

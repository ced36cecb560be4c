import NNEvents
import NNPlot

/// Loss and accuracy of the training data and the validation set at each evaluation, two panels
/// side by side (`train/*` and `val/*` scalars): the picture of over- and underfitting.
public struct TrainValidationCurves {
    /// The figure's title.
    public var title: String
    /// Its file name.
    public var name: String
    /// Its caption.
    public var caption: String

    /// Curves with a title, file name and caption.
    public init(title: String, name: String, caption: String) { self.title = title; self.name = name; self.caption = caption }

    /// The figure for `runs` (solid: validation, dashed: training, one colour per run), or nil
    /// when no run has validation scalars.
    public func figure(_ runs: [EventStore.Run], labels: [String]) -> FigureOutput? {
        let withValidation = runs.indices.filter { !runs[$0].values("val/loss").isEmpty }
        guard !withValidation.isEmpty else { return nil }
        var rows: [[String]] = []
        let panels = ["loss", "accuracy"].map { metric -> Axes in
            var a = Axes(title: ReportText.text("curves.\(metric)"), xLabel: ReportText.text("axis.step"), yLabel: ReportText.text("axis.\(metric)"))
            for k in withValidation {
                let r = runs[k], color = Theme.okabeIto[k % Theme.okabeIto.count]
                for (split, dash) in [("train", Dash.dashed), ("val", Dash.solid)] {
                    let steps = r.steps("\(split)/\(metric)").map(Double.init), v = r.values("\(split)/\(metric)")
                    guard !v.isEmpty else { continue }
                    let label = ReportText.text(split == "val" ? "curves.validation" : "curves.training", ["run": labels[k]])
                    a.marks.append(.line(LineMark(x: steps, y: v, label: label, color: color, width: 1.6, dash: dash, marker: .circle)))
                    rows += zip(steps, v).map { [r.name, split == "val" ? "validation" : "training", metric, "\(Int($0))", CSVTable.number($1)] }
                }
            }
            return a
        }
        return FigureOutput(name: name, caption: caption, figure: Figure(title: title, width: 900, height: 340, columns: 2, axes: panels),
                            csv: CSVTable.text(["run", "split", "metric", "step", "value"], rows))
    }
}

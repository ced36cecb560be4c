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
        if Repeats.any(runs) { return repeatedFigure(runs, labels: labels) }
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

    /// Each run and its repeats as their mean at each evaluation, with the band from the smallest
    /// to the largest value.
    func repeatedFigure(_ runs: [EventStore.Run], labels: [String]) -> FigureOutput? {
        let groups = Repeats.groups(runs).filter { g in g.contains { !$0.values("val/loss").isEmpty } }
        guard !groups.isEmpty else { return nil }
        var rows: [[String]] = []
        let panels = [("loss", "loss (cross-entropy)"), ("accuracy", "accuracy")].map { metric, yLabel -> Axes in
            var a = Axes(title: metric == "loss" ? "Loss" : "Accuracy", xLabel: "step", yLabel: yLabel)
            for (k, group) in groups.enumerated() {
                let color = Theme.okabeIto[k % Theme.okabeIto.count]
                let label = (runs.firstIndex { $0 === group[0] }).map { labels[$0] } ?? group[0].label
                for (split, dash) in [("train", Dash.dashed), ("val", Dash.solid)] {
                    let b = Repeats.band(group, "\(split)/\(metric)")
                    guard !b.steps.isEmpty else { continue }
                    let x = b.steps.map(Double.init)
                    a.marks.append(.band(BandMark(x: x, lower: b.lower, upper: b.upper, color: color, opacity: 0.15)))
                    a.marks.append(.line(LineMark(x: x, y: b.mean, label: "\(label): \(split == "val" ? "validation" : "training") (\(group.count) seeds)",
                                                  color: color, width: 1.6, dash: dash)))
                    rows += b.steps.indices.map {
                        [group[0].name, split == "val" ? "validation" : "training", metric, "\(b.steps[$0])", CSVTable.number(b.mean[$0]),
                         CSVTable.number(b.lower[$0]), CSVTable.number(b.upper[$0])]
                    }
                }
            }
            return a
        }
        return FigureOutput(name: name, caption: caption + " With repeats: the mean over the seeds, shaded from the smallest to the largest value.",
                            figure: Figure(title: title, width: 900, height: 340, columns: 2, axes: panels),
                            csv: CSVTable.text(["run", "split", "metric", "step", "mean", "min", "max"], rows))
    }
}

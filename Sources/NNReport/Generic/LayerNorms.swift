import NNEvents
import NNPlot

/// Per-layer norms over training, where the events hold them: ‖W‖ (`weight`), ‖∂L/∂W‖
/// (`weight_grad`) and the update's size relative to the weights, ‖ΔW‖/‖W‖ (`update`), one row
/// of panels per run, one line per layer coloured by depth, on log axes.
public enum LayerNorms {
    /// The figure (`<slug>_norms`), or nil when no run has any of these quantities.
    public static func figure(_ runs: [EventStore.Run], slug: String) -> FigureOutput? {
        var axes: [Axes] = [], csv = CSVText(header: ["run", "layer", "quantity", "step", "value"]), columns = 0, decimated = false
        for r in runs {
            let present = [Quantity.weight, .weightGradient, .update].filter { !r.layers(with: $0).isEmpty }
            columns = max(columns, present.count)
            for q in present {
                var a = Axes(title: "\(r.label): \(ReportText.text("generic.norms.\(q.rawValue)"))", xLabel: ReportText.text("axis.step"),
                             yLabel: ReportText.text("generic.norms.\(q.rawValue)"), yScale: .log)
                let layers = r.layers(with: q)
                // The first panel names the layers; another whose layers differ (another tool's tags: `fc1/weight`,
                // `fc1/weight_grad`) names its own.
                a.legend = q == present[0] || layers != r.layers(with: present[0])
                for (k, l) in layers.enumerated() {
                    let s = r.stats[l]?[q] ?? []
                    decimated = decimated || s.count < (r.summary(l, q)?.count ?? 0)
                    let y = s.map { q == .update ? ($0.updateRatio ?? .nan) : $0.l2 }
                    a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: y, label: l, color: RunSummary.depthColor(k, of: layers.count),
                                                  width: 1.3)))
                    for (p, value) in zip(s, y) { csv.add([r.name, l, q.rawValue, "\(p.step)", CSVTable.number(value)]) }
                }
                if q == .update { a.referenceLines = [ReferenceLine(.horizontal, at: 1e-3, label: "10⁻³")] }
                axes.append(a)
            }
        }
        guard !axes.isEmpty else { return nil }
        let rowsCount = runs.filter { r in [Quantity.weight, .weightGradient, .update].contains { !r.layers(with: $0).isEmpty } }.count
        let figure = Figure(title: ReportText.text("generic.norms.title"), width: 900, height: 40 + 280 * Double(rowsCount), rows: rowsCount,
                            columns: columns, axes: axes)
        return FigureOutput(name: "\(slug)_norms", caption: ReportText.text("generic.norms.caption") + CurveDecimation.note(decimated), figure: figure,
                            csv: csv.text)
    }
}

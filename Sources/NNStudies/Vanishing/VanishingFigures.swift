import Foundation
import NNEvents
import NNPlot
import NNReport

/// The vanishing-gradient study's figures, from its runs' events.
struct VanishingFigures {
    let prose: Prose
    let runs: [EventStore.Run]

    /// Every layer's gradient-norm series (layer names in depth order).
    func norms(_ r: EventStore.Run) -> [(layer: String, stats: [LayerStats])] {
        r.layers(with: .weightGradient).map { ($0, r.stats[$0]?[.weightGradient] ?? []) }
    }

    /// σ and σ′ with the chain-rule bound over depth.
    func derivative() throws -> FigureOutput {
        let xs = stride(from: -8.0, through: 8.0, by: 0.05).map { $0 }
        let sig = xs.map { 1 / (1 + exp(-$0)) }
        var a1 = Axes(title: try prose.text("derivative.left_title"), xLabel: "x", yLabel: try prose.text("derivative.value_axis"))
        a1.marks = [.line(LineMark(x: xs, y: sig, label: "σ(x)")),
                    .line(LineMark(x: xs, y: sig.map { $0 * (1 - $0) }, label: "σ′(x) = σ(1 − σ)", dash: .dashed))]
        a1.referenceLines = [ReferenceLine(.horizontal, at: 0.25, label: try prose.text("derivative.max_label"))]
        let depth = (1...10).map(Double.init)
        var a2 = Axes(title: try prose.text("derivative.right_title"), xLabel: try prose.text("derivative.depth_axis"), yLabel: "∏ σ′ ≤ 0.25ᵏ",
                      yScale: .log)
        a2.marks = [.line(LineMark(x: depth, y: depth.map { pow(0.25, $0) }, label: "sigmoid: 0.25ᵏ", marker: .circle)),
                    .line(LineMark(x: depth, y: depth.map { _ in 1 }, label: try prose.text("derivative.relu_label"), dash: .dashed))]
        let rows = zip(xs, sig).map { [CSVTable.number($0), CSVTable.number($1), CSVTable.number($1 * (1 - $1))] }
        return FigureOutput(name: "vanishing_sigmoid_derivative", caption: try prose.text("derivative.caption"),
                            figure: Figure(title: try prose.text("derivative.title"), width: 760, height: 300, columns: 2, axes: [a1, a2]),
                            csv: CSVTable.text(["x", "sigmoid", "sigmoid_derivative"], rows))
    }

    /// The CSV rows of every layer's gradient norm at every step.
    var normRows: [[String]] {
        runs.flatMap { r in norms(r).flatMap { l, s in s.map { [r.name, l, "\($0.step)", CSVTable.number($0.l2)] } } }
    }

    /// Per-layer gradient norm over steps, one panel per run.
    func gradientNorms() throws -> FigureOutput {
        let first = try prose.text("legend.first_layer"), output = try prose.text("legend.output_layer"), yLabel = try prose.text("grad_norms.axis")
        let panels = runs.map { r -> Axes in
            let layers = norms(r)
            let labelled = r === runs.last   // one legend for the figure, in its last panel
            let layer = r.start?.layers.first
            let title = r.start.map { _ in "\(layer?.activation ?? "") + \(InitializationStudy.label(layer?.initializer ?? ""))" } ?? r.name
            var a = Axes(title: title, xLabel: ReportText.text("axis.step"), yLabel: yLabel, yScale: .log)
            for (k, (_, s)) in layers.enumerated() {
                let label = labelled && (k == 0 || k == layers.count - 1) ? (k == 0 ? first : output) : nil
                a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: s.map(\.l2), label: label,
                                              color: RunSummary.depthColor(k, of: layers.count), width: 1.1)))
            }
            return a
        }
        let figure = Figure(title: try prose.text("grad_norms.title"), width: 900, height: 320, columns: panels.count, axes: panels, sharedY: true)
        return FigureOutput(name: "vanishing_grad_norms", caption: try prose.text("grad_norms.caption"), figure: figure,
                            csv: CSVTable.text(["run", "layer", "step", "grad_l2"], normRows))
    }

    /// Layer x step heatmap of the gradient norm, on one log colour scale.
    func heatmap() throws -> FigureOutput {
        let all = runs.flatMap { r in norms(r).flatMap { $0.stats.map(\.l2) } }.filter { $0 > 0 && $0.isFinite }
        let limits = (all.min() ?? 1e-8)...(all.max() ?? 1)
        let out = try prose.text("layer.out")
        let heat = runs.map { r -> Axes in
            let layers = norms(r)
            let series = layers.map { $0.stats.map(\.l2) }
            let steps = series.first?.count ?? 0
            var a = Axes(title: r.shortName, xLabel: ReportText.text("axis.step"), yLabel: ReportText.text("axis.layer"))
            let lastStep = Double(layers.first?.stats.last?.step ?? steps)
            a.marks = [.heatmap(HeatmapMark(values: series, xRange: 0...max(1, lastStep), yRange: -0.5...(Double(layers.count) - 0.5),
                                            logColor: true, colorLimits: limits, colorBarLabel: r === runs.last ? "‖∂L/∂W‖" : nil))]
            a.yCategories = layers.indices.map { $0 == layers.count - 1 ? out : "L\($0 + 1)" }
            a.grid = false
            return a
        }
        return FigureOutput(name: "vanishing_heatmap", caption: try prose.text("heatmap.caption"),
                            figure: Figure(title: try prose.text("heatmap.title"), width: 900, height: 300, columns: heat.count, axes: heat),
                            csv: CSVTable.text(["run", "layer", "step", "grad_l2"], normRows))
    }

    /// Mean gradient norm by depth, every net on one log axis.
    func byDepth() throws -> FigureOutput {
        var axes = Axes(title: try prose.text("by_depth.title"), xLabel: ReportText.text("axis.layer"), yLabel: try prose.text("by_depth.axis"),
                        yScale: .log)
        let out = try prose.text("layer.out")
        var rows: [[String]] = []
        for r in runs {
            let layers = norms(r)
            let means = layers.map { $0.stats.map(\.l2).reduce(0, +) / Double($0.stats.count) }
            axes.marks.append(.line(LineMark(x: layers.indices.map(Double.init), y: means, label: r.shortName, marker: .circle)))
            axes.xCategories = layers.indices.map { $0 == layers.count - 1 ? out : "L\($0 + 1)" }
            rows += zip(layers, means).map { [r.name, $0.layer, CSVTable.number($1)] }
        }
        return FigureOutput(name: "vanishing_by_depth", caption: try prose.text("by_depth.caption"),
                            figure: Figure(width: 620, height: 340, axes: [axes]), csv: CSVTable.text(["run", "layer", "mean_grad_l2"], rows))
    }

    /// Loss curves with ln 10 marked.
    func loss() throws -> FigureOutput {
        let curves = LossCurves(title: try prose.text("loss.title"), name: "vanishing_loss", caption: try prose.text("loss.caption"),
                                reference: ReferenceLine(.horizontal, at: log(10), label: "ln 10"))
        return curves.figure(runs, labels: runs.map(\.shortName))
    }
}

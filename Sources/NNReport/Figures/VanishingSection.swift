import Foundation
import NNEvents
import NNPlot

/// The vanishing-gradient study's section, from its runs' events.
func vanishingSection(_ runs: [EventStore.Run]) -> Section {
    var figures: [FigureOutput] = []
    // 1. σ and σ′ with the chain-rule product over depth.
    let xs = stride(from: -8.0, through: 8.0, by: 0.05).map { $0 }
    let sig = xs.map { 1 / (1 + exp(-$0)) }
    var a1 = Axes(title: "σ(x) and its derivative", xLabel: "x", yLabel: "value")
    a1.marks = [.line(LineMark(x: xs, y: sig, label: "σ(x)")), .line(LineMark(x: xs, y: sig.map { $0 * (1 - $0) }, label: "σ′(x) = σ(1 − σ)", dash: .dashed))]
    a1.referenceLines = [ReferenceLine(.horizontal, at: 0.25, label: "max σ′ = 0.25")]
    let depth = Array(1...10)
    var a2 = Axes(title: "Upper bound of the chain-rule product", xLabel: "layers back from the output", yLabel: "∏ σ′ ≤ 0.25ᵏ", yScale: .log)
    a2.marks = [.line(LineMark(x: depth.map(Double.init), y: depth.map { pow(0.25, Double($0)) }, label: "sigmoid: 0.25ᵏ", marker: .circle)),
                .line(LineMark(x: depth.map(Double.init), y: depth.map { _ in 1 }, label: "ReLU (active unit): 1ᵏ", dash: .dashed))]
    figures.append(FigureOutput(name: "vanishing_sigmoid_derivative", caption: "The sigmoid's slope is at most 0.25, so backpropagating through k sigmoid layers multiplies the gradient by at most 0.25ᵏ (right, log scale); an active ReLU passes it unchanged.",
                                figure: Figure(title: "Why sigmoid gradients shrink with depth", width: 760, height: 300, columns: 2, axes: [a1, a2]),
                                csv: csv(["x", "sigmoid", "sigmoid_derivative"], zip(xs, sig).map { [num($0), num($1), num($1 * (1 - $1))] })))

    // 2. Per-layer gradient norm over steps, one panel per run.
    var rows: [[String]] = []
    let panels = runs.map { r -> Axes in
        let layers = r.layers(with: .weightGradient)
        let labelled = r === runs.last   // one legend for the figure, in its last panel
        var a = Axes(title: r.start.map { "\($0.layers.first?.activation ?? "") + \(initLabel($0.layers.first?.initializer ?? ""))" } ?? r.name,
                     xLabel: "step", yLabel: "‖∂L/∂W‖ (log)", yScale: .log)
        for (k, l) in layers.enumerated() {
            let s = r.stats[l]![.weightGradient]!
            a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: s.map(\.l2), label: labelled && (k == 0 || k == layers.count - 1) ? (k == 0 ? "first layer" : "output layer") : nil,
                                          color: depthColor(k, of: layers.count), width: 1.1)))
            rows += s.map { [r.name, l, "\($0.step)", num($0.l2)] }
        }
        return a
    }
    figures.append(FigureOutput(name: "vanishing_grad_norms", caption: "Weight-gradient norm of every layer at every step (log scale), coloured by depth: dark = first layer, light = output layer. In the sigmoid net the lines fan out by orders of magnitude; in the ReLU net they stay together.",
                                figure: Figure(title: "Per-layer gradient norm during training", width: 900, height: 320, columns: panels.count, axes: panels, sharedY: true),
                                csv: csv(["run", "layer", "step", "grad_l2"], rows)))

    // 3. Heatmap layer x step of log10 gradient norm.
    let allNorms = runs.flatMap { r in r.layers(with: .weightGradient).flatMap { r.stats[$0]![.weightGradient]!.map(\.l2) } }.filter { $0 > 0 && $0.isFinite }
    let limits = (allNorms.min() ?? 1e-8)...(allNorms.max() ?? 1)
    let heat = runs.map { r -> Axes in
        let layers = r.layers(with: .weightGradient)
        let series = layers.map { r.stats[$0]![.weightGradient]!.map(\.l2) }
        let steps = series.first?.count ?? 0
        var a = Axes(title: shortName(r), xLabel: "step", yLabel: "layer")
        let lastStep = Double(r.stats[layers.first ?? ""]?[.weightGradient]?.last?.step ?? steps)
        a.marks = [.heatmap(HeatmapMark(values: series, xRange: 0...max(1, lastStep), yRange: -0.5...(Double(layers.count) - 0.5),
                                        logColor: true, colorLimits: limits, colorBarLabel: r === runs.last ? "‖∂L/∂W‖" : nil))]
        a.yCategories = layers.enumerated().map { k, _ in k == layers.count - 1 ? "out" : "L\(k + 1)" }
        a.grid = false
        return a
    }
    figures.append(FigureOutput(name: "vanishing_heatmap", caption: "The same norms as one picture per net: rows are layers (L1 = first, out = output layer), columns are steps, colour is the gradient norm on a shared log scale.",
                                figure: Figure(title: "Gradient norm by layer and step", width: 900, height: 300, columns: heat.count, axes: heat),
                                csv: csv(["run", "layer", "step", "grad_l2"], rows)))

    // 4. Mean gradient norm by depth, both nets on one log axis.
    var byDepth = Axes(title: "Mean ‖∂L/∂W‖ over training, by layer", xLabel: "layer", yLabel: "mean gradient norm (log)", yScale: .log)
    var depthRows: [[String]] = []
    var ratios: [(String, Double, Double)] = []
    for r in runs {
        let layers = r.layers(with: .weightGradient)
        let means = layers.map { l in r.stats[l]![.weightGradient]!.map(\.l2).reduce(0, +) / Double(r.stats[l]![.weightGradient]!.count) }
        byDepth.marks.append(.line(LineMark(x: (0..<layers.count).map(Double.init), y: means, label: shortName(r), marker: .circle)))
        byDepth.xCategories = layers.enumerated().map { k, _ in k == layers.count - 1 ? "out" : "L\(k + 1)" }
        depthRows += zip(layers, means).map { [r.name, $0, num($1)] }
        let v = Diagnoses.vanishing(r)
        let first = r.stats[layers.first ?? ""]?[.weightGradient]?.first?.l2 ?? .nan
        let lastHidden = layers.count > 2 ? layers[layers.count - 2] : layers.last ?? ""
        let step0 = first / (r.stats[lastHidden]?[.weightGradient]?.first?.l2 ?? .nan)
        ratios.append((r.name, step0, v.value ?? .nan))
    }
    figures.append(FigureOutput(name: "vanishing_by_depth", caption: "Mean weight-gradient norm of each layer over the whole run. A falling line towards L1 is the vanishing gradient: the first layers learn slowest.",
                                figure: Figure(width: 620, height: 340, axes: [byDepth]), csv: csv(["run", "layer", "mean_grad_l2"], depthRows)))

    // 5. Loss curves.
    figures.append(lossCurves(runs, labels: runs.map(shortName), title: "Training loss (raw and smoothed)", name: "vanishing_loss",
                              caption: "Batch loss at every step (faint) and its TensorBoard-style smoothing (weight 0.9). ln 10 ≈ 2.30 is the loss of guessing uniformly among 10 classes.",
                              reference: ReferenceLine(.horizontal, at: log(10), label: "ln 10")))

    var facts: [Fact] = []
    var findings: [String] = []
    for (name, step0, mean) in ratios {
        facts.append(Fact("\(name): ‖∇W₁‖ / ‖∇W_last hidden‖ at step 0", step0))
        facts.append(Fact("\(name): same ratio of the means over the run", mean))
    }
    for r in runs {
        facts.append(Fact("\(r.name): final batch loss (mean of last 5 %)", tailMean(r.values("train/batch_loss"))))
        facts.append(accuracyFact(r))
    }
    let sigRatio = ratios.first { $0.0.contains("sigmoid") }, relu = ratios.first { $0.0.contains("relu") }
    if let sig = sigRatio, let relu {
        let gap = relu.2 / sig.2
        if sig.2 < Diagnoses.vanishingRatio && relu.2 >= Diagnoses.vanishingRatio {
            findings.append("In this run the sigmoid net's first layer received \(formatNumber(sig.2, significant: 2)) times the gradient of its last hidden layer (averaged over training), the ReLU net's \(formatNumber(relu.2, significant: 2)) times: the ReLU net's first layer gets \(formatNumber(gap, significant: 2)) times more gradient relative to its deep layers. The sigmoid gradients vanish; the ReLU ones do not.")
        } else {
            findings.append("This run does not show the expected contrast: the first-to-last gradient ratio is \(formatNumber(sig.2, significant: 2)) for sigmoid and \(formatNumber(relu.2, significant: 2)) for ReLU (the vanishing rule fires below \(formatNumber(Diagnoses.vanishingRatio))).")
        }
    }
    return Section(id: "vanishing", title: StudyKind.vanishing.title,
                   intro: "Backpropagation multiplies the gradient by each layer's local slope on its way to the input. The sigmoid's slope is at most 0.25, so ten sigmoid layers can shrink the gradient by up to 0.25¹⁰ ≈ 10⁻⁶ before it reaches the first layer, which then barely learns. ReLU's slope is 1 wherever a unit is active. Look at how far apart the per-layer lines are, and at the first columns of the heatmaps.",
                   findings: findings, figures: figures, facts: facts, diagnoses: runs.map { ($0.name, Diagnoses.all($0)) },
                   settings: settingsRows(runs))
}

import Foundation
import NNEngine
import NNEvents
import NNPlot

/// The optimiser study's section: paths on the test function and training curves.
func optimizerSection(pathRuns: [EventStore.Run], trainingRuns: [EventStore.Run], projectionRuns: [EventStore.Run] = []) -> Section {
    var figures: [FigureOutput] = []
    var facts: [Fact] = []
    var findings: [String] = []
    if !pathRuns.isEmpty {
        let paths = pathRuns.map { (name: shortName($0), points: $0.trajectory.map { ($0.x, $0.y) }) }
        var fig = OptimizerPaths.figure(paths, columns: 3, width: 900, height: 520, filled: true, gridSize: 121)
        for k in fig.axes.indices { fig.axes[k].yLimits = -5...5; fig.axes[k].equalAspect = false }
        fig.title = "Optimiser paths on f(x, y) = x²/20 + y², 30 steps from (−7, 2)"
        let rows = pathRuns.flatMap { r in r.trajectory.map { [shortName(r), "\($0.step)", num($0.x), num($0.y), num($0.value ?? .nan)] } }
        figures.append(FigureOutput(name: "optimizer_paths", caption: "Each optimiser's 30 steps (red, arrows show direction) over the contours of f; the minimum is at the cross. Settings: SGD lr 0.95, Momentum lr 0.1 (μ 0.9), Nesterov lr 0.1 (μ 0.9), AdaGrad lr 1.5, RMSProp lr 0.3 (ρ 0.99), Adam lr 0.3 (β₁ 0.9, β₂ 0.999).",
                                    figure: fig, csv: csv(["optimizer", "step", "x", "y", "f"], rows)))
        let g = OptimizerPaths.grid(121)
        var overlay = Axes(title: "All six paths", xLabel: "x", yLabel: "y", xLimits: -8...1, yLimits: -2.5...2.5, grid: false)
        overlay.marks = [.contour(ContourMark(x: g.x, y: g.y, values: g.values, levels: [0.25, 0.5, 1, 2, 3], lineColor: Color(hex: "BBBBBB"), labelLevels: false))]
        for (k, p) in paths.enumerated() {
            overlay.marks.append(.path(PathMark(x: p.points.map(\.0), y: p.points.map(\.1), label: p.name, color: Theme.okabeIto[k % 8], marker: .circle, arrows: false, width: 1.3)))
        }
        overlay.marks.append(.scatter(ScatterMark(x: [0], y: [0], color: .black, size: 5, marker: .plus)))
        figures.append(FigureOutput(name: "optimizer_paths_overlay", caption: "The same paths in one plot, zoomed on the region they cross.",
                                    figure: Figure(width: 700, height: 400, axes: [overlay]), csv: csv(["optimizer", "step", "x", "y", "f"], rows)))
        for r in pathRuns {
            guard let last = r.trajectory.last else { continue }
            facts.append(Fact("\(shortName(r)): distance from the minimum after \(last.step) steps", (last.x * last.x + last.y * last.y).squareRoot()))
        }
        let dist = pathRuns.compactMap { r in r.trajectory.last.map { (shortName(r), ($0.x * $0.x + $0.y * $0.y).squareRoot()) } }.sorted { $0.1 < $1.1 }
        if let best = dist.first, let worst = dist.last {
            findings.append("After 30 steps \(best.0) ended closest to the minimum (distance \(formatNumber(best.1, significant: 2))), \(worst.0) farthest (\(formatNumber(worst.1, significant: 2))). SGD zig-zags across the narrow y direction because the gradient points across the valley, not along it.")
        }
    }
    if !trainingRuns.isEmpty {
        func label(_ r: EventStore.Run) -> String {
            let name = OptimizerKind(rawValue: shortName(r))?.displayName ?? shortName(r)
            return r.start.flatMap { $0.optimizerSettings["learning_rate"] }.map { "\(name) (lr \($0))" } ?? name
        }
        figures.append(lossCurves(trainingRuns, labels: trainingRuns.map(label),
                                  title: "Training loss on MNIST, 784-100-100-100-100-10 ReLU + He", name: "optimizer_loss",
                                  caption: "Batch loss of the six optimisers (lr 0.01; Adam 0.001 as in the book), raw (faint) and smoothed (bold), same initial weights and batches; log scale so that early spikes and late differences both show.",
                                  logY: true))
        for r in trainingRuns {
            let v = r.values("train/batch_loss"), steps = r.steps("train/batch_loss")
            if let k = v.indices.max(by: { v[$0] < v[$1] }), v[k] > 2 * (v.first ?? 1) {
                findings.append("\(label(r)) spiked: its batch loss peaked at \(formatNumber(v[k], significant: 3)) at step \(steps[k]) (it started at \(formatNumber(v.first ?? .nan, significant: 3))). Its squared-gradient average starts at zero, so its first steps are about lr / √(1 − ρ) = 10 × lr per weight.")
            }
        }
        var finals: [(String, Double)] = []
        for r in trainingRuns {
            let f = tailMean(r.values("train/batch_loss"))
            finals.append((shortName(r), f))
            facts.append(Fact("\(r.name): final batch loss (mean of last 5 %)", f))
            facts.append(accuracyFact(r))
        }
        finals.sort { $0.1 < $1.1 }
        if let b = finals.first, let w = finals.last {
            findings.append("On MNIST, \(b.0) reached the lowest final loss (\(formatNumber(b.1, significant: 3))) and \(w.0) the highest (\(formatNumber(w.1, significant: 3))) in this run.")
        }
    }
    for r in projectionRuns {
        guard let surface = r.surfaces.first, r.trajectory.count >= 3 else { continue }
        let finite = surface.values.flatMap { $0 }.filter(\.isFinite).sorted()
        guard let lo = finite.first, let hi = finite.last, hi > lo else { continue }
        // Levels spaced evenly in log(loss) between the surface's minimum and its 95th percentile.
        let top = finite[Int(Double(finite.count - 1) * 0.95)]
        let levels = (0..<10).map { exp(log(lo) + (log(max(top, lo * 1.0001)) - log(lo)) * Double($0) / 9) }
        var a = Axes(title: "\(r.start.map { "\($0.layers.first.map { "\($0.inputs)" } ?? "")-\($0.layers.dropLast().map { "\($0.outputs)" }.joined(separator: "-"))-\($0.layers.last?.outputs ?? 0)" } ?? "") ReLU, \(OptimizerKind(rawValue: r.start?.optimizer ?? "")?.displayName ?? (r.start?.optimizer ?? "")) (lr \(r.start?.optimizerSettings["learning_rate"] ?? .nan))",
                     xLabel: surface.xLabel, yLabel: surface.yLabel, grid: false)
        a.marks = [.contour(ContourMark(x: surface.x, y: surface.y, values: surface.values, levels: levels, filled: true,
                                        lineColor: Color(hex: "777777"), labelLevels: true, colorBar: false)),
                   .path(PathMark(x: r.trajectory.map(\.x), y: r.trajectory.map(\.y), label: "weights during training (projected)", color: .red)),
                   .scatter(ScatterMark(x: [r.trajectory[0].x], y: [r.trajectory[0].y], label: "start", color: .black, size: 4, marker: .square)),
                   .scatter(ScatterMark(x: [0], y: [0], label: "end", color: .black, size: 5, marker: .plus))]
        let ex1 = surface.xLabel.split(separator: "(").last.map { "(" + $0 } ?? "", ex2 = surface.yLabel.split(separator: "(").last.map { "(" + $0 } ?? ""
        let rows = r.trajectory.map { [r.name, "\($0.step)", num($0.x), num($0.y), num($0.value ?? .nan)] }
        figures.append(FigureOutput(
            name: "optimizer_weight_path_projection",
            caption: "Beyond the book (Li et al. 2018): every weight of a real network, snapshotted \(r.trajectory.count) times during training, projected on the two directions along which the path varied most (axes; the percentages are the shares of the path's variance they capture), over the training loss evaluated on that plane (contours, log-spaced levels). What it can show: how directly the optimiser travelled and whether it stalled. What it cannot: the network has \(r.start?.parameterCount ?? 0) weights, so this is one 2-D slice through a \(r.start?.parameterCount ?? 0)-dimensional landscape; valleys and walls off the plane are invisible, and the loss under a projected point is not the loss the network had at that step (that is in the CSV).",
            figure: Figure(title: "A real network's weight path on its two principal directions", width: 640, height: 440, axes: [a]),
            csv: csv(["run", "step", "pc1", "pc2", "training_loss_at_snapshot"], rows)))
        facts.append(Fact("\(r.name): share of the path's variance on PC1 and PC2", nil, "\(ex1.dropFirst().dropLast()), \(ex2.dropFirst().dropLast())"))
        if let f = r.trajectory.first?.value, let l = r.trajectory.last?.value {
            facts.append(Fact("\(r.name): training loss at the first and last snapshot", nil, "\(formatNumber(f, significant: 3)) → \(formatNumber(l, significant: 3))"))
        }
    }
    return Section(id: "optimizers", title: StudyKind.optimizers.title,
                   intro: "f(x, y) = x²/20 + y² is a long, narrow valley: the slope in y is 20 times the slope in x. Plain SGD with a step large enough to make progress along x overshoots along y and zig-zags. Momentum accumulates velocity along the valley; AdaGrad and RMSProp divide each coordinate's step by its own gradient history, so the steep y direction gets small steps; Adam does both. The same optimisers then train a real network.",
                   findings: findings, figures: figures, facts: facts, diagnoses: trainingRuns.map { ($0.name, Diagnoses.all($0)) },
                   settings: settingsRows(trainingRuns + projectionRuns))
}

import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport

/// The optimiser study's figures, with the facts and findings read off them.
struct OptimizerFigures {
    let prose: Prose

    /// Each optimiser's path over the contours, one panel each, then all in one plot.
    func paths(_ pathRuns: [EventStore.Run], into out: inout SectionParts) throws {
        let paths = pathRuns.map { (name: $0.shortName, points: $0.trajectory.map { ($0.x, $0.y) }) }
        var fig = OptimizerPaths.figure(paths, columns: 3, width: 900, height: 520, filled: true, gridSize: 121)
        for k in fig.axes.indices { fig.axes[k].yLimits = -5...5; fig.axes[k].equalAspect = false }
        fig.title = try prose.text("paths.title")
        let rows = pathRuns.flatMap { r in
            r.trajectory.map { [r.shortName, "\($0.step)", CSVTable.number($0.x), CSVTable.number($0.y), CSVTable.number($0.value ?? .nan)] }
        }
        let csv = CSVTable.text(["optimizer", "step", "x", "y", "f"], rows)
        out.figures.append(FigureOutput(name: "optimizer_paths", caption: try prose.text("paths.caption"), figure: fig, csv: csv))
        let g = OptimizerPaths.grid(121)
        var overlay = Axes(title: try prose.text("overlay.title"), xLabel: "x", yLabel: "y", xLimits: -8...1, yLimits: -2.5...2.5, grid: false)
        overlay.marks = [.contour(ContourMark(x: g.x, y: g.y, values: g.values, levels: [0.25, 0.5, 1, 2, 3], lineColor: Color(hex: "BBBBBB"),
                                              labelLevels: false))]
        for (k, p) in paths.enumerated() {
            overlay.marks.append(.path(PathMark(x: p.points.map(\.0), y: p.points.map(\.1), label: p.name, color: Theme.okabeIto[k % 8],
                                                marker: .circle, arrows: false, width: 1.3)))
        }
        overlay.marks.append(.scatter(ScatterMark(x: [0], y: [0], color: .black, size: 5, marker: .plus)))
        out.figures.append(FigureOutput(name: "optimizer_paths_overlay", caption: try prose.text("overlay.caption"),
                                        figure: Figure(width: 700, height: 400, axes: [overlay]), csv: csv))
        let dist = pathRuns.compactMap { r in r.trajectory.last.map { (r.shortName, $0.step, ($0.x * $0.x + $0.y * $0.y).squareRoot()) } }
        for (name, step, d) in dist { out.facts.append(Fact(try prose.text("fact.distance", ["optimizer": name, "steps": "\(step)"]), d)) }
        let sorted = dist.sorted { $0.2 < $1.2 }
        if let best = sorted.first, let worst = sorted.last {
            out.findings.append(try prose.text("finding.paths", ["best": best.0, "best_distance": formatNumber(best.2, significant: 2),
                                                                 "worst": worst.0, "worst_distance": formatNumber(worst.2, significant: 2)]))
        }
    }

    /// The optimiser's display name and learning rate.
    func label(_ r: EventStore.Run) -> String {
        let name = OptimizerKind(rawValue: r.shortName)?.displayName ?? r.shortName
        return r.start.flatMap { $0.optimizerSettings["learning_rate"] }.map { prose.line("legend.lr", ["optimizer": name, "lr": "\($0)"]) } ?? name
    }

    /// Loss curves on MNIST, spikes, and the final losses.
    func training(_ runs: [EventStore.Run], into out: inout SectionParts) throws {
        let curves = LossCurves(title: try prose.text("loss.title"), name: "optimizer_loss", caption: try prose.text("loss.caption"), logY: true)
        out.figures.append(curves.figure(runs, labels: runs.map(label)))
        for r in runs {
            let v = r.values("train/batch_loss"), steps = r.steps("train/batch_loss")
            if let k = v.indices.max(by: { v[$0] < v[$1] }), v[k] > 2 * (v.first ?? 1) {
                out.findings.append(try prose.text("finding.spike", ["optimizer": label(r), "peak": formatNumber(v[k], significant: 3),
                                                                     "step": "\(steps[k])", "start": formatNumber(v.first ?? .nan, significant: 3)]))
            }
        }
        var finals: [(String, Double)] = []
        for r in runs {
            finals.append((r.shortName, r.finalBatchLoss()))
            out.facts.append(r.finalLossFact)
            out.facts.append(r.accuracyFact)
        }
        finals.sort { $0.1 < $1.1 }
        if let b = finals.first, let w = finals.last {
            out.findings.append(try prose.text("finding.final", ["best": b.0, "best_loss": formatNumber(b.1, significant: 3),
                                                                 "worst": w.0, "worst_loss": formatNumber(w.1, significant: 3)]))
        }
    }
}

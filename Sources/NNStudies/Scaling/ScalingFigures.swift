import Foundation
import NNEvents
import NNPlot
import NNReport

/// A scaling run read back from its events.
struct ScalingRecord {
    let run: EventStore.Run
    let minimum: (Double, Double)
    let minimumLoss: Double
    let lambda: (max: Double, min: Double)
    var path: [TrajectoryPoint] { run.trajectory }
    var surface: Surface? { run.surfaces.first { $0.name == "loss" } }
    var learningRate: Double { run.start?.optimizerSettings["learning_rate"] ?? .nan }

    init(_ r: EventStore.Run) {
        run = r
        func first(_ n: String) -> Double { r.values(n).first ?? .nan }
        minimum = (first("least_squares/w1"), first("least_squares/w2"))
        minimumLoss = first("least_squares/loss")
        lambda = (first("hessian/lambda_max"), first("hessian/lambda_min"))
    }

    /// The largest relative distance of each recorded point's weights from the least-squares weights.
    var errors: [Double] { path.map { ScalingRuns.relativeError(($0.x, $0.y), minimum) } }

    /// The first step at which every weight is within the tolerance (the runs always record that step).
    var convergedAt: Int? { zip(path, errors).first { $0.1 <= ScalingRuns.tolerance }?.0.step }
}

/// The feature-scaling study's figures, facts and findings.
struct ScalingFigures {
    let prose: Prose

    /// A run's name for the reader: its label in the report's language (`run.raw`, `run.standardised`).
    func label(_ r: ScalingRecord) -> String {
        r.run.name == ScalingRuns.runs[0] ? prose.line("run.raw", [:]) : r.run.name == ScalingRuns.runs[1] ? prose.line("run.standardised", [:]) : r.run.label
    }

    /// The axis labels of a run's weight plane (the events' own are English).
    func planeLabels(_ r: ScalingRecord) -> (String?, String?) {
        guard r.surface != nil else { return (nil, nil) }
        let raw = r.run.name == ScalingRuns.runs[0]
        return (prose.line(raw ? "paths.raw_x" : "paths.std_x", [:]), prose.line(raw ? "paths.raw_y" : "paths.std_y", [:]))
    }

    /// The two paths over their loss contours: an elongated bowl and a round one.
    func paths(_ runs: [ScalingRecord]) throws -> FigureOutput {
        var rows: [[String]] = []
        let axes = try runs.map { r -> Axes in
            var a = Axes(title: try panelTitle(r), xLabel: planeLabels(r).0, yLabel: planeLabels(r).1, grid: false)
            a.equalAspect = true
            if let s = r.surface, let start = r.path.first?.value, r.minimumLoss.isFinite {
                let excess = start - r.minimumLoss
                let levels = [0.003, 0.01, 0.03, 0.1, 0.3, 0.6, 1, 1.5].map { r.minimumLoss + excess * $0 }
                a.marks.append(.contour(ContourMark(x: s.x, y: s.y, values: s.values, levels: levels, filled: true,
                                                    lineColor: Color(hex: "666666"), labelLevels: false)))
                a.xLimits = (s.x.first ?? 0)...(s.x.last ?? 1); a.yLimits = (s.y.first ?? 0)...(s.y.last ?? 1)
            }
            a.marks.append(.path(PathMark(x: r.path.map(\.x), y: r.path.map(\.y), label: try prose.text("paths.path_label"), color: .red, arrows: true)))
            a.marks.append(.scatter(ScatterMark(x: [r.minimum.0], y: [r.minimum.1], label: try prose.text("paths.minimum_label"), color: .black, size: 6,
                                                marker: .plus)))
            a.legend = r.run === runs.first?.run
            rows += r.path.map { [r.run.name, "\($0.step)", CSVTable.number($0.x), CSVTable.number($0.y), CSVTable.number($0.value ?? .nan)] }
            return a
        }
        let figure = Figure(title: try prose.text("paths.title"), width: 900, height: 680, rows: max(axes.count, 1), columns: 1, axes: axes)
        return FigureOutput(name: "scaling_paths", caption: try prose.text("paths.caption"), figure: figure,
                            csv: CSVTable.text(["run", "step", "w1", "w2", "loss"], rows))
    }

    func panelTitle(_ r: ScalingRecord) throws -> String {
        let values = ["label": label(r), "steps": r.convergedAt.map { "\($0)" } ?? "—",
                      "ratio": formatNumber(r.lambda.max / r.lambda.min, significant: 3), "lr": formatNumber(r.learningRate, significant: 3)]
        return try prose.text(r.convergedAt == nil ? "paths.panel_never" : "paths.panel", values)
    }

    /// The loss above its minimum, and the weights' distance from the least-squares weights, per step.
    func loss(_ runs: [ScalingRecord]) throws -> FigureOutput {
        var excess = Axes(title: try prose.text("loss.excess_title"), xLabel: ReportText.text("axis.step"), yLabel: "L(w) − L(w*) (log)", yScale: .log)
        var error = Axes(title: try prose.text("loss.error_title"), xLabel: ReportText.text("axis.step"), yLabel: try prose.text("loss.error_axis"),
            yScale: .log)
        var rows: [[String]] = []
        for (k, r) in runs.enumerated() {
            let color = Theme.okabeIto[k % 8], steps = r.path.map { Double($0.step) }
            let ex = r.path.map { ($0.value ?? .nan) - r.minimumLoss }
            // Markers on the short run: its few steps would otherwise be a hairline at the left.
            let marker: MarkerShape? = r.path.count < 60 ? .circle : nil
            excess.marks.append(.line(LineMark(x: steps, y: ex, label: label(r), color: color, width: 1.8, marker: marker)))
            error.marks.append(.line(LineMark(x: steps, y: r.errors, label: label(r), color: color, width: 1.8, marker: marker)))
            if let c = r.convergedAt {
                error.referenceLines.append(ReferenceLine(.vertical, at: Double(c), label: "\(c)", color: color, dash: .dotted))
            }
            rows += r.path.indices.map { [r.run.name, "\(r.path[$0].step)", CSVTable.number(ex[$0]), CSVTable.number(r.errors[$0])] }
        }
        error.referenceLines.append(ReferenceLine(.horizontal, at: ScalingRuns.tolerance, label: try prose.text("loss.criterion")))
        error.legend = false   // the left panel's upper right is empty: its legend names both runs
        return FigureOutput(name: "scaling_loss", caption: try prose.text("loss.caption"),
                            figure: Figure(title: try prose.text("loss.title"), width: 900, height: 360, columns: 2, axes: [excess, error]),
                            csv: CSVTable.text(["run", "step", "excess_loss", "largest_relative_weight_error"], rows))
    }

    /// Facts and the finding.
    func facts(_ runs: [ScalingRecord], into out: inout SectionParts) throws {
        for r in runs {
            let n = r.run.name
            out.facts.append(Fact(try prose.text("fact.steps", ["run": n, "percent": formatNumber(ScalingRuns.tolerance * 100, significant: 1)]),
                                  r.convergedAt.map(Double.init), try r.convergedAt.map { "\($0)" } ?? prose.text("fact.never")))
            out.facts.append(Fact(try prose.text("fact.learning_rate", ["run": n]), r.learningRate))
            out.facts.append(Fact(try prose.text("fact.curvature", ["run": n]), r.lambda.max / r.lambda.min))
            out.facts.append(Fact(try prose.text("fact.least_squares", ["run": n]), nil,
                                  "\(formatNumber(r.minimum.0, significant: 5)), \(formatNumber(r.minimum.1, significant: 5))"))
            if let last = r.path.last {
                out.facts.append(Fact(try prose.text("fact.weights_after", ["run": n, "steps": "\(last.step)"]), nil,
                                      "\(formatNumber(last.x, significant: 5)), \(formatNumber(last.y, significant: 5))"))
            }
            let std = ["feature/std_x1", "feature/std_x2"].compactMap { r.run.values($0).first }.map { formatNumber($0, significant: 3) }
            if std.count == 2 { out.facts.append(Fact(try prose.text("fact.feature_std", ["run": n]), nil, std.joined(separator: ", "))) }
        }
        guard runs.count == 2, let raw = runs[0].convergedAt, let std = runs[1].convergedAt else { return }
        let values = ["raw": "\(raw)", "std": "\(std)", "raw_lr": formatNumber(runs[0].learningRate, significant: 3),
                      "std_lr": formatNumber(runs[1].learningRate, significant: 3),
                      "raw_ratio": formatNumber(runs[0].lambda.max / runs[0].lambda.min, significant: 3),
                      "std_ratio": formatNumber(runs[1].lambda.max / runs[1].lambda.min, significant: 3),
                      "times": formatNumber(Double(raw) / Double(max(std, 1)), significant: 2)]
        out.findings.append(try prose.text(std < raw ? "finding.faster" : "finding.not_faster", values))
    }
}

import Foundation
import NNEvents
import NNPlot
import NNReport

/// The learning-rate sweep's figures, facts and findings.
struct LearningRateFigures {
    let prose: Prose
    /// One group per learning rate (a run and its repeats), smallest rate first.
    let groups: [[EventStore.Run]]

    /// The learning rate of a run, from its `run_start`.
    static func rate(_ group: [EventStore.Run]) -> Double { group.first?.start?.optimizerSettings["learning_rate"] ?? .nan }

    func rateText(_ v: Double) -> String { compactNumber(v) }

    /// A colour per rate: dark for small, light for large.
    func color(_ k: Int) -> Color { ColorMap.viridis.color(at: groups.count > 1 ? 0.92 * Double(k) / Double(groups.count - 1) : 0) }

    /// Where the first run of a group diverged: the step and what went non-finite.
    static func divergence(_ r: EventStore.Run) -> (step: Int, quantity: String)? {
        guard let e = r.end, e.status == "diverged" else { return nil }
        return (e.step, e.quantity ?? "loss")
    }

    /// The final loss of a run: the mean of its last 5 % of finite batch losses; NaN when it diverged.
    static func finalLoss(_ r: EventStore.Run) -> Double { divergence(r) == nil ? r.finalBatchLoss() : .nan }

    /// The band's meaning, for captions.
    var band: String { (groups.first?.count ?? 1) > 1 ? (try? prose.text("band", ["seeds": "\(groups[0].count)"])) ?? "" : "" }

    /// The smoothed batch loss of every rate on one log axis, divergence marked where it happened.
    func losses() throws -> FigureOutput {
        var a = Axes(title: try prose.text("loss.title"), xLabel: try prose.text("axis.step"), yLabel: try prose.text("axis.loss"), yScale: .log)
        var rows: [[String]] = []
        var lowest = Double.infinity
        for (k, group) in groups.enumerated() {
            let b = Repeats.band(group, "train/batch_loss") { Smoothing.exponential($0, weight: 0.9) }
            let x = b.steps.map(Double.init), c = color(k)
            if group.count > 1 { a.marks.append(.band(BandMark(x: x, lower: b.lower, upper: b.upper, color: c, opacity: 0.15))) }
            a.marks.append(.line(LineMark(x: x, y: b.mean, label: try prose.text("legend.rate", ["lr": rateText(Self.rate(group))]), color: c, width: 1.7)))
            lowest = min(lowest, b.mean.filter { $0 > 0 }.min() ?? .infinity)
            rows += b.steps.indices.map { [group[0].name, CSVTable.number(Self.rate(group)), "\(b.steps[$0])", CSVTable.number(b.mean[$0])] }
            for r in group {
                guard let d = Self.divergence(r) else { continue }
                let last = Smoothing.exponential(r.values("train/batch_loss").filter(\.isFinite), weight: 0.9).last ?? log(10)
                a.marks.append(.scatter(ScatterMark(x: [Double(d.step)], y: [min(last, Self.cap)], color: c, size: 6, marker: .cross)))
            }
        }
        a.yLimits = max(1e-3, lowest * 0.7)...Self.cap
        a.referenceLines = [ReferenceLine(.horizontal, at: log(10), label: try prose.text("loss.ln10"))]
        return FigureOutput(name: "learning_rate_loss", caption: try prose.text("loss.caption", ["cap": formatNumber(Self.cap), "band": band]),
                            figure: Figure(width: 760, height: 440, axes: [a]),
                            csv: CSVTable.text(["run", "learning_rate", "step", "smoothed_batch_loss"], rows))
    }

    /// The top of the loss axis: a diverging loss leaves the plot there (its cross is drawn at this height).
    static let cap = 100.0

    /// Final training loss and final validation accuracy against the rate (log x); diverged runs as crosses.
    func finals() throws -> FigureOutput {
        var lossAxes = Axes(title: try prose.text("final.loss_title"), xLabel: try prose.text("axis.rate"), yLabel: try prose.text("axis.final_loss"),
                            xScale: .log, yScale: .log)
        var accAxes = Axes(title: try prose.text("final.acc_title"), xLabel: try prose.text("axis.rate"), yLabel: try prose.text("axis.val_accuracy"),
                           xScale: .log, yLimits: 0...1)
        let x = groups.map(Self.rate)
        let loss = groups.map { finiteMean($0.map(Self.finalLoss)) }
        let acc = groups.map { g in finiteMean(g.map { Self.divergence($0) == nil ? ($0.values("val/accuracy").last ?? .nan) : .nan }) }
        lossAxes.marks.append(.line(LineMark(x: x, y: loss, label: try prose.text("final.finished"), color: Theme.okabeIto[0], width: 1.8, marker: .circle)))
        accAxes.marks.append(.line(LineMark(x: x, y: acc, color: Theme.okabeIto[0], width: 1.8, marker: .circle)))
        let diverged = groups.indices.filter { groups[$0].contains { Self.divergence($0) != nil } }
        if !diverged.isEmpty {
            let label = try prose.text("final.diverged")
            lossAxes.marks.append(.scatter(ScatterMark(x: diverged.map { x[$0] }, y: diverged.map { _ in Self.cap }, label: label,
                                                       color: Theme.okabeIto[1], size: 6, marker: .cross)))
            accAxes.marks.append(.scatter(ScatterMark(x: diverged.map { x[$0] }, y: diverged.map { _ in 0.03 }, color: Theme.okabeIto[1], size: 6,
                                                      marker: .cross)))
        }
        lossAxes.referenceLines = [ReferenceLine(.horizontal, at: log(10), label: try prose.text("loss.ln10"))]
        accAxes.referenceLines = [ReferenceLine(.horizontal, at: 0.1, label: try prose.text("final.chance"))]
        let rows = groups.indices.map { k in
            [CSVTable.number(x[k]), CSVTable.number(loss[k]), CSVTable.number(acc[k]), "\(groups[k].filter { Self.divergence($0) != nil }.count)"]
        }
        return FigureOutput(name: "learning_rate_final", caption: try prose.text("final.caption", ["band": band]),
                            figure: Figure(title: try prose.text("final.title"), width: 900, height: 360, columns: 2, axes: [lossAxes, accAxes]),
                            csv: CSVTable.text(["learning_rate", "final_loss", "final_validation_accuracy", "diverged_runs"], rows))
    }
}

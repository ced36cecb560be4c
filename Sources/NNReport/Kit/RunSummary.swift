import NNEvents
import NNPlot

/// Short summaries of a run that several sections show.
extension EventStore.Run {
    /// The label a run's legend shows: the part of its name after the study prefix.
    public var shortName: String { String(name.split(separator: "/").last ?? Substring(name)) }

    /// The run's label for legends and panel titles: its `run_start` label, else its short name.
    public var label: String { start?.label ?? shortName }

    /// Mean of the last `fraction` of the batch losses (the "final" value of a noisy series).
    public func finalBatchLoss(fraction: Double = 0.05) -> Double { RunSummary.tailMean(values("train/batch_loss"), fraction: fraction) }

    /// The test accuracy, evaluated once at the end of the run, as a fact in per cent (files
    /// written before the test split existed: the last held-out accuracy, named as such).
    public var accuracyFact: Fact {
        let test = values("test/accuracy").last
        let acc = test ?? values("val/accuracy").last
        let label = ReportText.text(test != nil ? "fact.test_accuracy" : "fact.held_out_accuracy", ["run": name])
        return Fact(label, acc, acc.map { formatNumber($0 * 100, significant: 3) + " %" })
    }

    /// The mean of the last 5 % of the batch losses, as a fact.
    public var finalLossFact: Fact { Fact(ReportText.text("fact.final_loss", ["run": name]), finalBatchLoss()) }
}

/// Helpers for series summaries.
public enum RunSummary {
    /// Mean of the last `fraction` of the finite values of a series.
    public static func tailMean(_ v: [Double], fraction: Double = 0.05) -> Double {
        let f = v.filter(\.isFinite)
        guard !f.isEmpty else { return .nan }
        let k = max(1, Int(Double(f.count) * fraction))
        return f.suffix(k).reduce(0, +) / Double(k)
    }

    /// A colour per depth (viridis), shallow dark to deep light.
    public static func depthColor(_ k: Int, of n: Int) -> Color { ColorMap.viridis.color(at: n > 1 ? 0.9 * Double(k) / Double(n - 1) : 0) }
}

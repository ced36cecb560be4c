import NNEvents

/// How often and what an ``EventRecorder`` records.
public struct RecordingPlan: Sendable, Equatable {
    /// Per-layer statistics every N steps (0: never).
    public var statsEvery = 1
    /// Histograms every N steps (0: never).
    public var histogramsEvery = 10
    /// Quantities with statistics at every statistics step.
    public var statsQuantities: Set<Quantity> = Set(Quantity.allCases)
    /// Quantities whose statistics are recorded only at histogram steps (cheaper: weights and
    /// updates change slowly, and updates need a copy of every weight matrix).
    public var histogramStepOnlyQuantities: Set<Quantity> = []
    /// Quantities with histograms.
    public var histogramQuantities: Set<Quantity> = [.activation, .preactivation, .weightGradient, .weight]
    /// Fixed bin edges per quantity (the book's 30 bins over (0, 1) for activations, say).
    /// Quantities without fixed edges get `bins` bins chosen from the first recorded batch
    /// (its range, widened by 10 %), kept for the whole run so frames compare.
    public var fixedEdges: [Quantity: [Double]] = [:]
    /// Bins for automatically chosen edges.
    public var bins = 30
    /// Each epoch's logs as scalars (`train/loss`, `val/accuracy`, ... with their epoch). A caller
    /// that writes its own evaluation scalars under those names at each epoch turns this off.
    public var epochScalars = true
    /// The batch loss and accuracy of every Nth step (`train/batch_loss`, `train/batch_accuracy`;
    /// 0: never, for runs whose figures read only their evaluations).
    public var stepScalarsEvery = 1

    /// The default plan: statistics every step, histograms every 10 steps.
    public init(statsEvery: Int = 1, histogramsEvery: Int = 10) {
        self.statsEvery = statsEvery
        self.histogramsEvery = histogramsEvery
    }

    /// Only the losses and epoch metrics.
    public static let scalarsOnly = RecordingPlan(statsEvery: 0, histogramsEvery: 0)

    /// Activations and weight gradients every step; pre-activations, weights and updates
    /// (with the update-to-weight ratio) every `histogramsEvery` steps, with the histograms.
    public static func lean(histogramsEvery: Int = 10) -> RecordingPlan {
        var p = RecordingPlan(statsEvery: 1, histogramsEvery: histogramsEvery)
        p.histogramStepOnlyQuantities = [.preactivation, .weight, .update]
        return p
    }
}

/// Stops training when a monitored log value stops improving, with Keras 3's semantics.
///
/// After each epoch from `startFromEpoch` on: an improvement is `current - minDelta < best`
/// (mode min; `current + minDelta > best` for max), and resets the wait counter (unless a
/// `baseline` is set and not yet beaten). Otherwise the counter grows, and training stops
/// once it reaches `patience` (never at epoch 0). With monitor `loss`, patience 3 and a
/// constant loss, training stops after epoch 4 of 10. `restoreBestWeights` puts back the
/// weights of the best epoch when training ends.
public final class EarlyStopping<Scalar: Real>: Callback {
    /// The log key watched, e.g. `val_loss`.
    public let monitor: String
    /// The smallest change that counts as an improvement (absolute).
    public let minDelta: Double
    /// Epochs without improvement before stopping.
    public let patience: Int
    /// Whether smaller or larger is better.
    public let mode: MonitorMode
    /// A value the monitor must beat before the wait counter is reset.
    public let baseline: Double?
    /// Whether to restore the best epoch's weights at the end.
    public let restoreBestWeights: Bool
    /// Epochs to wait before monitoring at all.
    public let startFromEpoch: Int

    /// The best value seen so far.
    public private(set) var best: Double?
    /// The epoch of `best`.
    public private(set) var bestEpoch = 0
    /// The epoch after which training was stopped, if it was.
    public private(set) var stoppedEpoch: Int?
    private var wait = 0
    private var bestWeights: [Matrix<Scalar>]?

    /// An early-stopping callback (Keras 3 defaults).
    public init(monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, mode: MonitorMode = .auto,
                baseline: Double? = nil, restoreBestWeights: Bool = false, startFromEpoch: Int = 0) {
        self.monitor = monitor
        self.minDelta = abs(minDelta)
        self.patience = patience
        self.mode = mode.resolved(for: monitor)
        self.baseline = baseline
        self.restoreBestWeights = restoreBestWeights
        self.startFromEpoch = startFromEpoch
    }

    private func isImprovement(_ value: Double, over reference: Double?) -> Bool {
        guard let reference else { return true }
        return mode == .min ? value - minDelta < reference : value + minDelta > reference
    }

    public func trainingBegan(_ model: Sequential<Scalar>) throws {
        wait = 0
        best = nil
        bestEpoch = 0
        stoppedEpoch = nil
        bestWeights = nil
    }

    public func epochEnded(_ epoch: Int, logs: [String: Double], model: Sequential<Scalar>) throws -> String? {
        guard let current = logs[monitor] else {
            let have = logs.keys.sorted().joined(separator: ", ")
            throw ModelError.invalidSetting("EarlyStopping monitors '\(monitor)', which the logs do not have (they have \(have))")
        }
        guard epoch >= startFromEpoch else { return nil }
        if restoreBestWeights && bestWeights == nil {
            bestWeights = model.weights
            bestEpoch = epoch
        }
        wait += 1
        if isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            if restoreBestWeights { bestWeights = model.weights }
            if baseline == nil || isImprovement(current, over: baseline) { wait = 0 }
            return nil
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            return "\(monitor) did not improve for \(wait) epochs (best \(best.map { "\($0)" } ?? "-") at epoch \(bestEpoch + 1))"
        }
        return nil
    }

    public func trainingEnded(_ model: Sequential<Scalar>) throws {
        if restoreBestWeights, let w = bestWeights { try model.setWeights(w) }
    }
}

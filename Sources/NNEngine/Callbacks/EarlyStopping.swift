/// Stops training when a monitored log value stops improving, with Keras 3's semantics.
///
/// After each epoch from `startFromEpoch` on: an improvement is `current < best - minDelta`
/// (mode min; `current > best + minDelta` for max), as Keras 3 computes it
/// (`monitor_op(current - min_delta, best)` with `min_delta` negated in min mode); the first
/// best is ±∞, so a NaN never counts as an improvement. An improvement resets the wait counter
/// (unless a `baseline` is set and not beaten by it). Otherwise the counter grows, and training
/// stops once it reaches `patience` (never at epoch 0). With monitor `loss`, patience 3 and a
/// constant loss, training stops after epoch 4 of 10. `restoreBestWeights` puts back the
/// weights of the best epoch when training ends. Like Keras, `best` is kept across `fit`s of
/// the same callback; the wait counter and the best weights start again.
///
/// One departure: a monitor missing from the logs is an error (Keras warns and skips).
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

    /// The best value seen so far (±∞ before the first monitored epoch).
    public private(set) var best: Double
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
        self.best = self.mode == .min ? .infinity : -.infinity
    }

    /// Keras 3's `_is_improvement`: `monitor_op(value - min_delta, reference)`, min_delta negated in min mode.
    private func isImprovement(_ value: Double, over reference: Double) -> Bool {
        mode == .min ? value + minDelta < reference : value - minDelta > reference
    }

    /// Starts a fit: the wait counter, the stopped epoch and the best weights start again.
    public func trainingBegan(_ model: Sequential<Scalar>) throws {
        wait = 0
        bestEpoch = 0
        stoppedEpoch = nil
        bestWeights = nil
    }

    /// Watches the monitored value; returns a reason to stop when patience is exhausted.
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
            // Only restart the wait when both the best and the baseline are beaten (Keras).
            if baseline.map({ isImprovement(current, over: $0) }) ?? true { wait = 0 }
            return nil
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            return "\(monitor) did not improve for \(wait) epochs (best \(best) at epoch \(bestEpoch + 1))"
        }
        return nil
    }

    /// Restores the best epoch's weights when asked.
    public func trainingEnded(_ model: Sequential<Scalar>) throws {
        if restoreBestWeights, let w = bestWeights { try model.setWeights(w) }
    }
}

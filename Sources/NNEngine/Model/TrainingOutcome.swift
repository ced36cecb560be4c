/// How a call to `fit` ended.
public enum TrainingOutcome: Equatable, Sendable, CustomStringConvertible {
    /// Every epoch ran.
    case completed(epochs: Int)
    /// A callback stopped training after `epoch` (counted from 0).
    case stoppedEarly(epoch: Int, reason: String)
    /// A quantity became NaN or infinite at `step` (the loss, or a named parameter).
    case diverged(step: Int, quantity: String)

    /// One line, e.g. `diverged at step 12 (loss is not finite)`.
    public var description: String {
        switch self {
        case .completed(let e): "completed \(e) epochs"
        case .stoppedEarly(let e, let r): "stopped early after epoch \(e + 1): \(r)"
        case .diverged(let s, let q): "diverged at step \(s) (\(q) is not finite)"
        }
    }
}

/// What `fit` does when the loss or a parameter stops being finite.
public enum NonFinitePolicy: Sendable {
    /// End training with `.diverged` (the default).
    case stop
    /// Record it and go on (the history keeps the non-finite losses).
    case `continue`
}

/// The record of a `fit` call, as in Keras: per-epoch logs plus every step's batch loss.
public struct History: Sendable {
    /// One dictionary per epoch: `loss`, `accuracy`, `val_loss`, `val_accuracy` where tracked.
    public var epochs: [[String: Double]] = []
    /// The loss of each step's batch, before its update.
    public var stepLosses: [Double] = []
    /// How training ended.
    public var outcome: TrainingOutcome = .completed(epochs: 0)

    /// The per-epoch values of one log key, e.g. `history["val_loss"]`.
    public subscript(key: String) -> [Double] { epochs.compactMap { $0[key] } }
}

/// How `fit` holds out validation data.
public enum Validation<Scalar: Real> {
    /// No validation.
    case none
    /// Given validation samples.
    case data(Matrix<Scalar>, Target<Scalar>)
    /// The last `fraction` of the training samples, taken before shuffling (as Keras does).
    case split(Double)
}

/// Metrics a model can track besides the loss.
public enum Metric: String, Sendable, CaseIterable {
    /// Fraction of samples whose predicted class (argmax, or > 0.5 for one column) is the target's.
    case accuracy
}

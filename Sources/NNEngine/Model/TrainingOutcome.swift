/// How a training run (`fit` or a ``TrainingLoop`` run) ended.
public enum TrainingOutcome: Equatable, Sendable, CustomStringConvertible {
    /// Every step ran (a run without epochs counts as one epoch).
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

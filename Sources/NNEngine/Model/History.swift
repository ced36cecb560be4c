/// The record of a training run (a `fit` call or a ``TrainingLoop`` run), as in Keras:
/// per-epoch logs plus every step's batch loss.
public struct History: Sendable {
    /// One dictionary per epoch: `loss`, `accuracy`, `val_loss`, `val_accuracy` where tracked.
    public var epochs: [[String: Double]] = []
    /// The loss of each step's batch, before its update.
    public var stepLosses: [Double] = []
    /// Every evaluation on held-out data: after which step (the model's step number), and
    /// its logs (`loss`, `accuracy`, unprefixed).
    public var evaluations: [(step: Int, logs: [String: Double])] = []
    /// How training ended.
    public var outcome: TrainingOutcome = .completed(epochs: 0)

    /// The per-epoch values of one log key, e.g. `history["val_loss"]`.
    public subscript(key: String) -> [Double] { epochs.compactMap { $0[key] } }
}

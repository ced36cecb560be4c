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

import Foundation

/// Saves the model to a file after each epoch (Keras 3's default), or only when the monitored
/// value improves strictly on the best so far (`saveBestOnly`, starting from ±∞ or from
/// `initialValueThreshold`). The file is written to a temporary name and renamed, so a crash
/// never leaves a half-written model. A monitor missing from the logs is an error (Keras warns).
public final class ModelCheckpoint<Scalar: Real>: Callback {
    /// Where the model is written.
    public let path: String
    /// The log key watched.
    public let monitor: String
    /// Whether to save only on improvement.
    public let saveBestOnly: Bool
    /// Whether smaller or larger is better.
    public let mode: MonitorMode
    /// The best value saved so far (±∞, or the initial threshold, before the first save).
    public private(set) var best: Double
    /// The epochs (from 0) at which the file was written.
    public private(set) var savedEpochs: [Int] = []

    /// A checkpoint callback.
    public init(path: String, monitor: String = "val_loss", saveBestOnly: Bool = false, mode: MonitorMode = .auto,
                initialValueThreshold: Double? = nil) {
        self.path = path
        self.monitor = monitor
        self.saveBestOnly = saveBestOnly
        self.mode = mode.resolved(for: monitor)
        self.best = initialValueThreshold ?? (self.mode == .min ? .infinity : -.infinity)
    }

    /// Saves the model when due.
    public func epochEnded(_ epoch: Int, logs: [String: Double], model: Sequential<Scalar>) throws -> String? {
        if saveBestOnly {
            guard let current = logs[monitor] else {
                throw ModelError.invalidSetting("ModelCheckpoint monitors '\(monitor)', which the logs do not have")
            }
            guard mode == .min ? current < best : current > best else { return nil }
            best = current
        }
        try model.save(to: path)
        savedEpochs.append(epoch)
        return nil
    }
}

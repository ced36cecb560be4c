/// Hooks into `fit`, as Keras callbacks: called when training begins, after each epoch
/// (where it may stop training) and when training ends.
public protocol Callback<Scalar>: AnyObject {
    /// The scalar type of the model.
    associatedtype Scalar: Real
    /// Before the first epoch.
    func trainingBegan(_ model: Sequential<Scalar>) throws
    /// After epoch `epoch` (from 0) with its logs; return a reason to stop training.
    func epochEnded(_ epoch: Int, logs: [String: Double], model: Sequential<Scalar>) throws -> String?
    /// After the last epoch (also after an early stop or divergence).
    func trainingEnded(_ model: Sequential<Scalar>) throws
}

extension Callback {
    public func trainingBegan(_ model: Sequential<Scalar>) throws {}
    public func trainingEnded(_ model: Sequential<Scalar>) throws {}
}

/// Whether a smaller or a larger monitored value is better.
public enum MonitorMode: String, Sendable {
    /// Smaller is better (losses).
    case min
    /// Larger is better (accuracies).
    case max
    /// `max` when the monitored name contains "acc", `min` otherwise (Keras' rule).
    case auto

    func resolved(for monitor: String) -> MonitorMode {
        guard self == .auto else { return self }
        return monitor.contains("acc") ? .max : .min
    }
}

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

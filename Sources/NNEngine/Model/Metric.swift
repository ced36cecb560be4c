/// Metrics a model can track besides the loss.
public enum Metric: String, Sendable, CaseIterable {
    /// Fraction of samples whose predicted class (argmax, or > 0.5 for one column) is the target's.
    case accuracy
}

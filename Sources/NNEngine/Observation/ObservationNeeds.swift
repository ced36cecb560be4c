/// What an observer wants to see at a step. Asking for nothing costs nothing: the training
/// loop then does no extra work (no copies, no statistics).
public struct ObservationNeeds: OptionSet, Sendable, Hashable {
    /// The set's bits.
    public let rawValue: Int
    /// A set from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Each layer's pre-activation and activation of the batch.
    public static let layerOutputs = ObservationNeeds(rawValue: 1 << 0)
    /// Each parameter's value and gradient.
    public static let gradients = ObservationNeeds(rawValue: 1 << 1)
    /// Each parameter's update (value after minus value before the optimiser step).
    public static let updates = ObservationNeeds(rawValue: 1 << 2)
    /// Only the step's loss and metrics (no tensors): free.
    public static let scalars = ObservationNeeds(rawValue: 1 << 3)
    /// Everything.
    public static let all: ObservationNeeds = [.scalars, .layerOutputs, .gradients, .updates]
}

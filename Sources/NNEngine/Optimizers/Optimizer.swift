/// Updates parameters from their gradients. One update per training step; full-batch GD,
/// SGD and mini-batch GD differ only in the batch size the training loop feeds.
///
/// Optimisers keep per-parameter state (velocity, squared-gradient sums), keyed by the
/// parameter object, so one optimiser serves one model.
public protocol Optimizer<Scalar>: AnyObject {
    /// The scalar type of the parameters.
    associatedtype Scalar: Real
    /// The name used in events, e.g. `adam`.
    var name: String { get }
    /// The step size.
    var learningRate: Double { get set }
    /// Every setting, by name, for events and reports (learning rate included).
    var settings: [String: Double] { get }
    /// Applies one update to each parameter from its `gradient`.
    func update(_ parameters: [Parameter<Scalar>])
    /// Forgets all state (velocities, sums, step count).
    func reset()
}

/// Per-parameter state vectors, created on first use with the parameter's shape.
struct SlotStore<Scalar: Real> {
    private var slots: [ObjectIdentifier: [Scalar]] = [:]

    /// Runs `body` on the parameter's state buffer (zeros on first use). The buffer is handed
    /// out as raw memory so that the optimisers' update loops vectorise (an inout array
    /// would be bounds- and uniqueness-checked at every element).
    mutating func withSlot<R>(_ p: Parameter<Scalar>, _ body: (UnsafeMutableBufferPointer<Scalar>) -> R) -> R {
        let key = ObjectIdentifier(p)
        var s = slots[key] ?? Array(repeating: 0, count: p.value.count)
        slots[key] = nil
        defer { slots[key] = s }
        return s.withUnsafeMutableBufferPointer { body($0) }
    }

    mutating func removeAll() { slots.removeAll() }
}

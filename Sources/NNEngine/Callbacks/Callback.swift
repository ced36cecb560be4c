/// Hooks into training (`fit` and every ``TrainingLoop``), as Keras callbacks: called when
/// training begins, after each step, evaluation and epoch (where it may stop training) and
/// when training ends. Every hook but `epochEnded` has a default that does nothing, and
/// `epochEnded`'s default asks for nothing.
public protocol Callback<Scalar>: AnyObject {
    /// The scalar type of the model.
    associatedtype Scalar: Real
    /// Before the first step.
    func trainingBegan(_ model: Sequential<Scalar>) throws
    /// After step `step` (the model's step number, as observers see it), once its loss is
    /// known to be finite (or under `NonFinitePolicy.continue`).
    func stepEnded(step: Int, loss: Double, model: Sequential<Scalar>) throws
    /// After each evaluation on held-out data, with its logs (`loss`, `accuracy`, unprefixed),
    /// after step `step`.
    func evaluated(step: Int, logs: [String: Double], model: Sequential<Scalar>) throws
    /// After epoch `epoch` (from 0) with its logs; return a reason to stop training.
    func epochEnded(_ epoch: Int, logs: [String: Double], model: Sequential<Scalar>) throws -> String?
    /// After the last step (also after an early stop or divergence).
    func trainingEnded(_ model: Sequential<Scalar>) throws
    /// After the last step, with the outcome; the loop calls this one, whose default calls
    /// `trainingEnded(_:)`.
    func trainingEnded(_ model: Sequential<Scalar>, outcome: TrainingOutcome) throws
}

extension Callback {
    /// Does nothing.
    public func trainingBegan(_ model: Sequential<Scalar>) throws {}
    /// Does nothing.
    public func stepEnded(step: Int, loss: Double, model: Sequential<Scalar>) throws {}
    /// Does nothing.
    public func evaluated(step: Int, logs: [String: Double], model: Sequential<Scalar>) throws {}
    /// Never stops training.
    public func epochEnded(_ epoch: Int, logs: [String: Double], model: Sequential<Scalar>) throws -> String? { nil }
    /// Does nothing.
    public func trainingEnded(_ model: Sequential<Scalar>) throws {}
    /// Calls `trainingEnded(_:)`.
    public func trainingEnded(_ model: Sequential<Scalar>, outcome: TrainingOutcome) throws { try trainingEnded(model) }
}

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

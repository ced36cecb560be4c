/// A parameter's tensors in one training step.
public struct ParameterObservation<Scalar: Real>: Sendable {
    /// `layer/role`, e.g. `dense_1/W`.
    public let name: String
    /// Index of the owning layer.
    public let layerIndex: Int
    /// `W`, `b`, `gamma` or `beta`.
    public let role: String
    /// The value after this step's update.
    public let value: Matrix<Scalar>
    /// The gradient this step's update used (weight decay included).
    public let gradient: Matrix<Scalar>
    /// The value before this step's update, when `.updates` was asked for.
    public let previousValue: Matrix<Scalar>?
    /// value after − value before, when `.updates` was asked for (computed when read, so an
    /// observer that works on another thread does the subtraction there).
    public var update: Matrix<Scalar>? { previousValue.map { value - $0 } }
    /// A parameter observation.
    public init(name: String, layerIndex: Int, role: String, value: Matrix<Scalar>, gradient: Matrix<Scalar>, previousValue: Matrix<Scalar>?) {
        self.name = name; self.layerIndex = layerIndex; self.role = role; self.value = value; self.gradient = gradient
        self.previousValue = previousValue
    }
}

/// A trainable tensor of a layer together with the gradient of the loss with respect to it.
///
/// Optimisers update `value` from `gradient`; observers read both. The name is
/// `layer/role`, e.g. `dense_1/W` or `batch_norm_2/gamma`.
public final class Parameter<Scalar: Real> {
    /// `layer/role`, unique within a model.
    public let name: String
    /// `W`, `b`, `gamma` or `beta`.
    public let role: String
    /// Whether L2 weight decay applies (weights yes, biases and batch-norm shifts no).
    public let decays: Bool
    /// The current value.
    public var value: Matrix<Scalar>
    /// dLoss/dValue from the latest backward pass.
    public var gradient: Matrix<Scalar>

    /// A parameter with a zero gradient of the value's shape.
    public init(name: String, role: String, value: Matrix<Scalar>, decays: Bool) {
        self.name = name
        self.role = role
        self.value = value
        self.decays = decays
        self.gradient = Matrix(rows: value.rows, cols: value.cols)
    }
}

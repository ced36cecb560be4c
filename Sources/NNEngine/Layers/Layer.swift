/// One stage of a ``Sequential`` model: it maps a batch (rows = samples) forward and
/// carries the loss gradient backward.
///
/// Like the layers of "Deep Learning from Scratch", a layer keeps what its backward pass
/// needs from the latest forward pass. `backward` fills each parameter's `gradient` and
/// returns dLoss/dInput.
public protocol Layer<Scalar>: AnyObject {
    /// The scalar type the layer computes in.
    associatedtype Scalar: Real

    /// Unique within the model, e.g. `dense_3`; set when the model is built.
    var name: String { get set }
    /// Creates the parameters for `inputFeatures` inputs and returns the number of outputs.
    func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int
    /// The layer's output for a batch. `training` switches batch norm and dropout.
    func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar>
    /// Fills the parameters' gradients from dLoss/dOutput and returns dLoss/dInput
    /// (an empty matrix when `needInputGradient` is false, as for the first layer).
    func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar>
    /// The trainable parameters, in a fixed order.
    var parameters: [Parameter<Scalar>] { get }
    /// A description for summaries, events and model files.
    var record: LayerRecord { get }
    /// The output before the activation in the latest forward pass, when the layer has one.
    var lastPreActivation: Matrix<Scalar>? { get }
    /// The layer's output in the latest forward pass.
    var lastOutput: Matrix<Scalar>? { get }
}

extension Layer {
    /// None, for layers without an activation.
    public var lastPreActivation: Matrix<Scalar>? { nil }
}

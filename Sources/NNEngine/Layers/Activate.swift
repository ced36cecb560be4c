/// A layer that only applies an ``Activation`` (the book's `Relu`, `Sigmoid`, ... layers).
public final class Activate<Scalar: Real>: Layer {
    /// Unique within the model; set by the model when empty.
    public var name: String
    /// The non-linearity.
    public let activation: Activation
    private var features = 0
    private var x = Matrix<Scalar>(rows: 0, cols: 0)
    private var y = Matrix<Scalar>(rows: 0, cols: 0)

    /// An activation layer.
    public init(_ activation: Activation, name: String = "") {
        self.activation = activation
        self.name = name
    }

    /// Remembers the input width; the output has the same.
    public func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int {
        features = inputFeatures
        return inputFeatures
    }

    /// The activation of `x`; keeps `x` and the output for the backward pass.
    public func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == features else {
            throw ShapeError(context: "layer \(name) (\(activation)) input", expected: "(batch, \(features))", actual: "\(x.shape)")
        }
        self.x = x
        y = activation.forward(x)
        return y
    }

    /// dLoss/dInput through the activation's derivative.
    public func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar> {
        activation.backward(input: x, output: y, gradient: dy)
    }

    /// None: the layer has nothing to train.
    public var parameters: [Parameter<Scalar>] { [] }
    /// The latest input, i.e. the activation's argument.
    public var lastPreActivation: Matrix<Scalar>? { x }
    /// The latest output.
    public var lastOutput: Matrix<Scalar>? { y }
    /// Kind `activation`, with the activation's name.
    public var record: LayerRecord {
        LayerRecord(kind: "activation", name: name, inputs: features, outputs: features, activation: activation.description)
    }
}

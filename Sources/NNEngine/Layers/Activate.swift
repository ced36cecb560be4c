/// A layer that only applies an ``Activation`` (the book's `Relu`, `Sigmoid`, ... layers).
public final class Activate<Scalar: Real>: Layer {
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

    public func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int {
        features = inputFeatures
        return inputFeatures
    }

    public func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == features else {
            throw ShapeError(context: "layer \(name) (\(activation)) input", expected: "(batch, \(features))", actual: "\(x.shape)")
        }
        self.x = x
        y = activation.forward(x)
        return y
    }

    public func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar> {
        activation.backward(input: x, output: y, gradient: dy)
    }

    public var parameters: [Parameter<Scalar>] { [] }
    public var lastPreActivation: Matrix<Scalar>? { x }
    public var lastOutput: Matrix<Scalar>? { y }
    public var record: LayerRecord {
        LayerRecord(kind: "activation", name: name, inputs: features, outputs: features, activation: activation.description)
    }
}

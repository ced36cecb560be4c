/// Flattens each sample to one row. Samples are stored flat already (an image of 28 x 28
/// pixels is a row of 784), so this layer checks the size and passes the batch through.
public final class Flatten<Scalar: Real>: Layer {
    /// Unique within the model; set by the model when empty.
    public var name: String
    private var features = 0
    private var y: Matrix<Scalar>?

    /// A flatten layer.
    public init(name: String = "") { self.name = name }

    /// Remembers the input width; the output has the same.
    public func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int {
        features = inputFeatures
        return inputFeatures
    }

    /// The batch itself, once its width is checked.
    public func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == features else {
            throw ShapeError(context: "layer \(name) (flatten) input", expected: "(batch, \(features))", actual: "\(x.shape)")
        }
        y = x
        return x
    }

    /// `dy` unchanged.
    public func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar> { dy }
    /// None: the layer has nothing to train.
    public var parameters: [Parameter<Scalar>] { [] }
    /// The latest output (the latest input).
    public var lastOutput: Matrix<Scalar>? { y }
    /// Kind `flatten`.
    public var record: LayerRecord { LayerRecord(kind: "flatten", name: name, inputs: features, outputs: features) }
}

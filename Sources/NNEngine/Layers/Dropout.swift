/// Inverted dropout: in training each unit is kept with probability 1 - rate and scaled by
/// 1 / (1 - rate), so inference needs no rescaling. The mask comes from the layer's own
/// seeded generator (drawn from the model's seed when built).
public final class Dropout<Scalar: Real>: Layer {
    public var name: String
    /// The probability of dropping a unit, in [0, 1).
    public let rate: Double
    private var rng = SeededGenerator(seed: 0)
    private var mask = Matrix<Scalar>(rows: 0, cols: 0)
    private var features = 0
    private var y: Matrix<Scalar>?
    private var lastWasTraining = false
    /// When true, training-mode forward passes reuse the last mask instead of drawing a new
    /// one (gradient checks need a fixed function).
    public var reusesMask = false

    /// A dropout layer.
    public init(rate: Double, name: String = "") {
        self.rate = rate
        self.name = name
    }

    public func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int {
        guard (0..<1).contains(rate) else { throw .invalidSetting("\(name): dropout rate must be in [0, 1), got \(rate)") }
        features = inputFeatures
        self.rng = SeededGenerator(seed: rng.next())
        return inputFeatures
    }

    public func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == features else {
            throw ShapeError(context: "layer \(name) (dropout) input", expected: "(batch, \(features))", actual: "\(x.shape)")
        }
        lastWasTraining = training
        guard training, rate > 0 else { y = x; return x }
        let keep = Scalar(1 / (1 - rate))
        if !(reusesMask && mask.shape == x.shape) {
            // Drawn into a local buffer with a local copy of the generator (the same draws in the
            // same order): element by element through the layer's properties cost more than the dense layers.
            var g = rng
            let r = rate
            let values = [Scalar](unsafeUninitializedCapacity: x.count) { buffer, count in
                for i in 0..<x.count { buffer[i] = g.nextUniform() >= r ? keep : 0 }
                count = x.count
            }
            rng = g
            mask = try Matrix(rows: x.rows, cols: x.cols, values)
        }
        let out = x * mask
        y = out
        return out
    }

    public func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar> {
        (lastWasTraining && rate > 0) ? dy * mask : dy
    }

    public var parameters: [Parameter<Scalar>] { [] }
    public var lastOutput: Matrix<Scalar>? { y }
    public var record: LayerRecord {
        LayerRecord(kind: "dropout", name: name, inputs: features, outputs: features, rate: rate)
    }
}

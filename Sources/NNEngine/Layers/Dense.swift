/// A fully connected layer, y = act(x W + b) with W of shape inputs x units.
///
/// Forward keeps the input x, the pre-activation z = xW + b and the output y.
/// Backward, from dL/dy: dL/dz = act'(z) ⊙ dL/dy, dL/dW = xᵀ dL/dz, dL/db = Σ_rows dL/dz,
/// dL/dx = dL/dz Wᵀ.
public final class Dense<Scalar: Real>: Layer {
    public var name: String
    /// Number of output units.
    public let units: Int
    /// Applied after the affine map (`.identity` for logits).
    public let activation: Activation
    /// How W is drawn.
    public let initializer: Initializer
    /// Whether the layer has a bias b.
    public let useBias: Bool
    /// Inputs, known once built.
    public private(set) var inputs = 0
    /// The weights W (inputs x units).
    public private(set) var weight: Parameter<Scalar>!
    /// The bias b (1 x units), when `useBias`.
    public private(set) var bias: Parameter<Scalar>?

    private var x = Matrix<Scalar>(rows: 0, cols: 0)
    private var z = Matrix<Scalar>(rows: 0, cols: 0)
    private var y = Matrix<Scalar>(rows: 0, cols: 0)

    /// A dense layer of `units` outputs. The input size is taken from the previous layer.
    public init(_ units: Int, activation: Activation = .identity, initializer: Initializer = .glorotUniform,
                useBias: Bool = true, name: String = "") {
        self.units = units
        self.activation = activation
        self.initializer = initializer
        self.useBias = useBias
        self.name = name
    }

    public func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int {
        guard units > 0, inputFeatures > 0 else {
            throw .invalidSetting("\(name): a dense layer needs positive sizes, got \(inputFeatures)->\(units)")
        }
        inputs = inputFeatures
        let w: Matrix<Scalar> = initializer.weights(fanIn: inputFeatures, fanOut: units, using: &rng)
        weight = Parameter(name: "\(name)/W", role: "W", value: w, decays: true)
        bias = useBias ? Parameter(name: "\(name)/b", role: "b", value: Matrix(rows: 1, cols: units), decays: false) : nil
        return units
    }

    /// Replaces W (and b) with given values, e.g. the worked examples' weights.
    public func setWeights(_ w: Matrix<Scalar>, bias b: Matrix<Scalar>? = nil) throws(ShapeError) {
        guard w.rows == inputs, w.cols == units else {
            throw ShapeError(context: "\(name) weights", expected: "\(Shape(rows: inputs, cols: units))", actual: "\(w.shape)")
        }
        weight.value = w
        if let b {
            guard let bias, b.rows == 1, b.cols == units else {
                throw ShapeError(context: "\(name) bias", expected: useBias ? "(1, \(units))" : "no bias", actual: "\(b.shape)")
            }
            bias.value = b
        }
    }

    public func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == inputs else {
            throw ShapeError(context: "layer \(name) (dense \(inputs)->\(units)) input",
                             expected: "(batch, \(inputs))", actual: "\(x.shape)")
        }
        self.x = x
        if let bias {
            z.setRows(repeating: bias.value, count: x.rows)
            Matrix.multiply(x, weight.value, into: &z, accumulating: true)
        } else {
            Matrix.multiply(x, weight.value, into: &z)
        }
        y = activation.forward(z)
        return y
    }

    public func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar> {
        let dz = activation.backward(input: z, output: y, gradient: dy)
        Matrix.multiply(x, dz, transposeA: true, into: &weight.gradient)
        bias?.gradient = dz.columnSums()
        return needInputGradient ? Matrix.product(dz, weight.value, transposeB: true) : Matrix(rows: 0, cols: 0)
    }

    public var parameters: [Parameter<Scalar>] { [weight].compactMap { $0 } + (bias.map { [$0] } ?? []) }
    public var lastPreActivation: Matrix<Scalar>? { activation == .identity ? nil : z }
    public var lastOutput: Matrix<Scalar>? { y }

    public var record: LayerRecord {
        LayerRecord(kind: "dense", name: name, inputs: inputs, outputs: units, activation: activation.description,
                    initializer: initializer.description, useBias: useBias,
                    parameterCount: inputs * units + (useBias ? units : 0))
    }
}

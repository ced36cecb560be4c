/// Batch normalisation (Ioffe & Szegedy 2015) over the features of a batch.
///
/// Training: x̂ = (x - μ_B) / sqrt(σ²_B + ε) with the batch mean and (biased) variance, y = γ x̂ + β,
/// and the running statistics move by `running = momentum · running + (1 - momentum) · batch`.
/// Inference uses the running statistics. Backward follows the book's computational graph.
public final class BatchNorm<Scalar: Real>: Layer {
    public var name: String
    /// Weight of the old running statistic in each update (Keras' default 0.99).
    public let momentum: Double
    /// Added to the variance before the square root.
    public let epsilon: Double
    /// Scale γ (1 x features).
    public private(set) var gamma: Parameter<Scalar>!
    /// Shift β (1 x features).
    public private(set) var beta: Parameter<Scalar>!
    /// Running mean used at inference.
    public var runningMean = Matrix<Scalar>(rows: 0, cols: 0)
    /// Running variance used at inference.
    public var runningVariance = Matrix<Scalar>(rows: 0, cols: 0)
    private var features = 0
    private var xc = Matrix<Scalar>(rows: 0, cols: 0)
    private var xhat = Matrix<Scalar>(rows: 0, cols: 0)
    private var std = [Scalar]()
    private var y: Matrix<Scalar>?

    /// A batch-norm layer.
    public init(momentum: Double = 0.99, epsilon: Double = 1e-3, name: String = "") {
        self.momentum = momentum
        self.epsilon = epsilon
        self.name = name
    }

    public func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int {
        guard (0..<1).contains(momentum), epsilon > 0 else {
            throw .invalidSetting("\(name): momentum must be in [0, 1) and epsilon > 0")
        }
        features = inputFeatures
        gamma = Parameter(name: "\(name)/gamma", role: "gamma", value: Matrix(rows: 1, cols: features, repeating: 1), decays: false)
        beta = Parameter(name: "\(name)/beta", role: "beta", value: Matrix(rows: 1, cols: features), decays: false)
        runningMean = Matrix(rows: 1, cols: features)
        runningVariance = Matrix(rows: 1, cols: features, repeating: 1)
        return features
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == features else {
            throw ShapeError(context: "layer \(name) (batch norm) input", expected: "(batch, \(features))", actual: "\(x.shape)")
        }
        let n = x.rows, eps = Scalar(epsilon)
        var mean = runningMean, variance = runningVariance
        if training {
            mean = x.columnMeans()
            xc = x
            for i in 0..<n { for j in 0..<features { xc[i, j] -= mean[0, j] } }
            variance = (xc * xc).columnMeans()
            let m = Scalar(momentum)
            for j in 0..<features {
                runningMean[0, j] = m * runningMean[0, j] + (1 - m) * mean[0, j]
                runningVariance[0, j] = m * runningVariance[0, j] + (1 - m) * variance[0, j]
            }
        } else {
            xc = x
            for i in 0..<n { for j in 0..<features { xc[i, j] -= mean[0, j] } }
        }
        std = (0..<features).map { (variance[0, $0] + eps).squareRoot() }
        xhat = xc
        var out = xc
        for i in 0..<n {
            for j in 0..<features {
                xhat[i, j] = xc[i, j] / std[j]
                out[i, j] = gamma.value[0, j] * xhat[i, j] + beta.value[0, j]
            }
        }
        y = out
        return out
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar> {
        let n = dy.rows
        beta.gradient = dy.columnSums()
        gamma.gradient = (xhat * dy).columnSums()
        guard needInputGradient else { return Matrix(rows: 0, cols: 0) }
        var dx = Matrix<Scalar>(rows: n, cols: features)
        let invN = 1 / Scalar(n)
        for j in 0..<features {
            // dxhat = γ dy; dx = (1/N) / std · (N dxhat - Σ dxhat - xhat Σ dxhat·xhat)
            var sumD: Scalar = 0, sumDX: Scalar = 0
            for i in 0..<n {
                let d = gamma.value[0, j] * dy[i, j]
                sumD += d
                sumDX += d * xhat[i, j]
            }
            for i in 0..<n {
                let d = gamma.value[0, j] * dy[i, j]
                dx[i, j] = invN / std[j] * (Scalar(n) * d - sumD - xhat[i, j] * sumDX)
            }
        }
        return dx
    }

    public var parameters: [Parameter<Scalar>] { [gamma, beta].compactMap { $0 } }
    public var lastOutput: Matrix<Scalar>? { y }
    public var record: LayerRecord {
        LayerRecord(kind: "batch_norm", name: name, inputs: features, outputs: features, rate: momentum,
                    epsilon: epsilon, parameterCount: 2 * features)
    }
}

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
        let n = x.rows, f = features, eps = Scalar(epsilon)
        var mean = runningMean, variance = runningVariance
        // Row by row over raw buffers: the same arithmetic per element as x[i, j] loops, without
        // their bounds checks and strided access (they cost more than the dense layers).
        func centre(_ m: Matrix<Scalar>) -> Matrix<Scalar> {
            var c = x
            c.storage.withUnsafeMutableBufferPointer { cp in
                m.storage.withUnsafeBufferPointer { mp in
                    for i in 0..<n { for j in 0..<f { cp[i * f + j] -= mp[j] } }
                }
            }
            return c
        }
        if training {
            mean = x.columnMeans()
            xc = centre(mean)
            variance = (xc * xc).columnMeans()
            let m = Scalar(momentum)
            for j in 0..<features {
                runningMean[0, j] = m * runningMean[0, j] + (1 - m) * mean[0, j]
                runningVariance[0, j] = m * runningVariance[0, j] + (1 - m) * variance[0, j]
            }
        } else {
            xc = centre(mean)
        }
        std = (0..<features).map { (variance[0, $0] + eps).squareRoot() }
        xhat = xc
        var out = xc
        let g = gamma.value.storage, b = beta.value.storage, sd = std
        xc.storage.withUnsafeBufferPointer { cp in
            xhat.storage.withUnsafeMutableBufferPointer { hp in
                out.storage.withUnsafeMutableBufferPointer { op in
                    for i in 0..<n {
                        for j in 0..<f {
                            let k = i * f + j
                            hp[k] = cp[k] / sd[j]
                            op[k] = g[j] * hp[k] + b[j]
                        }
                    }
                }
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
        let f = features
        var dx = Matrix<Scalar>(rows: n, cols: f)
        let invN = 1 / Scalar(n)
        let g = gamma.value.storage, sd = std
        // dxhat = γ dy; dx = (1/N) / std · (N dxhat - Σ dxhat - xhat Σ dxhat·xhat), each column's
        // sums taken over the rows in order, row by row over raw buffers.
        var sumD = [Scalar](repeating: 0, count: f), sumDX = [Scalar](repeating: 0, count: f)
        dy.storage.withUnsafeBufferPointer { dp in
            xhat.storage.withUnsafeBufferPointer { hp in
                for i in 0..<n {
                    for j in 0..<f {
                        let d = g[j] * dp[i * f + j]
                        sumD[j] += d
                        sumDX[j] += d * hp[i * f + j]
                    }
                }
                dx.storage.withUnsafeMutableBufferPointer { xp in
                    for i in 0..<n {
                        for j in 0..<f {
                            let d = g[j] * dp[i * f + j]
                            xp[i * f + j] = invN / sd[j] * (Scalar(n) * d - sumD[j] - hp[i * f + j] * sumDX[j])
                        }
                    }
                }
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

/// A loss function: the number training minimises, and its gradient with respect to the
/// model's output (the start of backprop).
public protocol Loss<Scalar>: Sendable {
    /// The scalar type.
    associatedtype Scalar: Real
    /// The name used in events and summaries.
    var name: String { get }
    /// The loss of a batch (averaged as the loss defines) and dLoss/dOutput.
    func evaluate(_ output: Matrix<Scalar>, _ target: Target<Scalar>) throws(ShapeError) -> (value: Double, gradient: Matrix<Scalar>)
}

/// Checks that a target fits an output of `output.rows` samples.
func checkTarget<S: Real>(_ loss: String, _ output: Matrix<S>, _ target: Target<S>) throws(ShapeError) {
    guard target.count == output.rows else {
        throw ShapeError(context: "\(loss) target", expected: "\(output.rows) samples", actual: "\(target.count)")
    }
    if case .values(let t) = target, t.cols != output.cols {
        throw ShapeError(context: "\(loss) target", expected: "\(output.shape)", actual: "\(t.shape)")
    }
    if case .classes(let c) = target, let bad = c.first(where: { !(0..<output.cols).contains($0) }) {
        throw ShapeError(context: "\(loss) target", expected: "class indices in 0..<\(output.cols)", actual: "\(bad)")
    }
}

/// Mean squared error.
///
/// `.mean` (Keras): L = (1/(N·K)) Σ (o - t)². `.halfSum` (the course notes): E = ½ Σ (t - o)²,
/// summed over outputs and averaged over the N samples (for one sample, exactly the notes' E).
public struct MeanSquaredError<Scalar: Real>: Loss {
    /// How the squared errors are reduced.
    public enum Reduction: Sendable { case mean, halfSum }
    /// The reduction in use.
    public let reduction: Reduction
    /// An MSE loss.
    public init(_ reduction: Reduction = .mean) { self.reduction = reduction }
    public var name: String { reduction == .mean ? "mse" : "half_sum_squared_error" }

    public func evaluate(_ output: Matrix<Scalar>, _ target: Target<Scalar>) throws(ShapeError) -> (value: Double, gradient: Matrix<Scalar>) {
        try checkTarget(name, output, target)
        let diff = output - target.oneHot(width: output.cols)
        let n = Double(output.rows)
        switch reduction {
        case .mean:
            let count = Double(output.count)
            return (diff.sumOfSquares() / count, diff.scaled(by: Scalar(2 / count)))
        case .halfSum:
            return (0.5 * diff.sumOfSquares() / n, diff.scaled(by: Scalar(1 / n)))
        }
    }
}

/// Softmax followed by cross-entropy, computed from logits: L = -(1/N) Σ log softmax(o)_t.
///
/// log softmax is formed as (o - max) - log Σ e^(o - max), so large logits neither overflow nor
/// give log 0. The gradient is (softmax(o) - onehot(t)) / N. Targets are class indices or
/// one-hot (or any probability) rows.
public struct SoftmaxCrossEntropy<Scalar: Real>: Loss {
    /// A softmax cross-entropy loss.
    public init() {}
    public var name: String { "softmax_cross_entropy" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func evaluate(_ output: Matrix<Scalar>, _ target: Target<Scalar>) throws(ShapeError) -> (value: Double, gradient: Matrix<Scalar>) {
        try checkTarget(name, output, target)
        let n = output.rows, k = output.cols
        var grad = output.softmaxRows()
        var total = 0.0
        let invN = 1 / Scalar(n)
        switch target {
        case .classes(let c):
            for i in 0..<n {
                var m = -Scalar.infinity
                for j in 0..<k { m = max(m, output[i, j]) }
                var s = 0.0
                for j in 0..<k { s += Double(Scalar.exp(output[i, j] - m)) }
                total -= Double(output[i, c[i]] - m) - _log(s)
                grad[i, c[i]] -= 1
            }
        case .values(let t):
            for i in 0..<n {
                var m = -Scalar.infinity
                for j in 0..<k { m = max(m, output[i, j]) }
                var s = 0.0
                for j in 0..<k { s += Double(Scalar.exp(output[i, j] - m)) }
                let logZ = _log(s)
                for j in 0..<k where t[i, j] != 0 { total -= Double(t[i, j]) * (Double(output[i, j] - m) - logZ) }
            }
            grad = grad - t
        }
        return (total / Double(n), grad.scaled(by: invN))
    }
}

/// Binary cross-entropy for one output column of probabilities (after a sigmoid):
/// L = -(1/N) Σ [t log o + (1 - t) log(1 - o)], with o clipped to [1e-7, 1 - 1e-7].
/// With `fromLogits`, the output is a logit and the loss is computed stably from it.
public struct BinaryCrossEntropy<Scalar: Real>: Loss {
    /// Whether the model outputs logits rather than probabilities.
    public let fromLogits: Bool
    /// A binary cross-entropy loss.
    public init(fromLogits: Bool = false) { self.fromLogits = fromLogits }
    public var name: String { "binary_cross_entropy" }

    public func evaluate(_ output: Matrix<Scalar>, _ target: Target<Scalar>) throws(ShapeError) -> (value: Double, gradient: Matrix<Scalar>) {
        try checkTarget(name, output, target)
        let t = target.oneHot(width: output.cols)
        let n = Double(output.count)
        var grad = Matrix<Scalar>(rows: output.rows, cols: output.cols)
        var total = 0.0
        for i in 0..<output.count {
            let o = Double(output.storage[i]), y = Double(t.storage[i])
            if fromLogits {
                // max(o, 0) - o y + log(1 + e^-|o|)
                total += max(o, 0) - o * y + _log(1 + _exp(-abs(o)))
                let p = o >= 0 ? 1 / (1 + _exp(-o)) : _exp(o) / (1 + _exp(o))
                grad.storage[i] = Scalar((p - y) / n)
            } else {
                let eps = 1e-7
                let p = min(max(o, eps), 1 - eps)
                total -= y * _log(p) + (1 - y) * _log(1 - p)
                grad.storage[i] = (o <= eps || o >= 1 - eps) ? 0 : Scalar((p - y) / (p * (1 - p)) / n)
            }
        }
        return (total / n, grad)
    }
}


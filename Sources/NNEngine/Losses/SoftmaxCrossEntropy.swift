/// Softmax followed by cross-entropy, computed from logits: L = -(1/N) Σ log softmax(o)_t.
///
/// log softmax is formed as (o - max) - log Σ e^(o - max), so large logits neither overflow nor
/// give log 0. The gradient is (softmax(o) - onehot(t)) / N. Targets are class indices or
/// one-hot (or any probability) rows.
public struct SoftmaxCrossEntropy<Scalar: Real>: Loss {
    /// A softmax cross-entropy loss.
    public init() {}
    /// `softmax_cross_entropy`.
    public var name: String { "softmax_cross_entropy" }

    /// The batch loss and dLoss/dOutput; throws when the target does not fit the output.
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

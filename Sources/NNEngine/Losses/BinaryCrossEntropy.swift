/// Binary cross-entropy for one output column of probabilities (after a sigmoid):
/// L = -(1/N) Σ [t log o + (1 - t) log(1 - o)], with o clipped to [1e-7, 1 - 1e-7].
/// With `fromLogits`, the output is a logit and the loss is computed stably from it.
public struct BinaryCrossEntropy<Scalar: Real>: Loss {
    /// Whether the model outputs logits rather than probabilities.
    public let fromLogits: Bool
    /// A binary cross-entropy loss.
    public init(fromLogits: Bool = false) { self.fromLogits = fromLogits }
    /// `binary_cross_entropy`.
    public var name: String { "binary_cross_entropy" }

    /// The batch loss and dLoss/dOutput; throws when the target does not fit the output.
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

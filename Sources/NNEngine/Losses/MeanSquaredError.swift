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
    /// `mse`, or `half_sum_squared_error` for `.halfSum`.
    public var name: String { reduction == .mean ? "mse" : "half_sum_squared_error" }

    /// The batch loss and dLoss/dOutput; throws when the target does not fit the output.
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

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

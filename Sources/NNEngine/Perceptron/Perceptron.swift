/// Rosenblatt's perceptron: a step unit y = 1 if w·x + b > 0 else 0, trained by the
/// perceptron rule w ← w + lr (t - y) x, b ← b + lr (t - y), one sample at a time.
///
/// It learns any linearly separable truth table (AND, NAND, OR) and cannot learn XOR.
public struct Perceptron: Sendable {
    /// The weights, one per input.
    public var weights: [Double]
    /// The bias (the notes' b = -θ).
    public var bias: Double

    /// A perceptron with given weights and bias (the notes' hand-set gates).
    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// A perceptron with zero weights for `inputs` inputs.
    public init(inputs: Int) { self.init(weights: Array(repeating: 0, count: inputs), bias: 0) }

    /// The step unit's output for one input.
    public func predict(_ x: [Double]) -> Int {
        zip(weights, x).reduce(bias) { $0 + $1.0 * $1.1 } > 0 ? 1 : 0
    }

    /// Trains with the perceptron rule for up to `epochs` passes; returns the number of passes
    /// made (fewer when a pass had no error) and whether every sample is classified correctly.
    @discardableResult
    public mutating func train(inputs: [[Double]], targets: [Int], learningRate: Double = 0.1,
                               epochs: Int = 100) -> (epochs: Int, converged: Bool) {
        for epoch in 0..<epochs {
            var errors = 0
            for (x, t) in zip(inputs, targets) {
                let delta = Double(t - predict(x))
                if delta != 0 {
                    errors += 1
                    for i in weights.indices { weights[i] += learningRate * delta * x[i] }
                    bias += learningRate * delta
                }
            }
            if errors == 0 { return (epoch + 1, true) }
        }
        return (epochs, accuracy(inputs: inputs, targets: targets) == 1)
    }

    /// Fraction of samples classified correctly.
    public func accuracy(inputs: [[Double]], targets: [Int]) -> Double {
        Double(zip(inputs, targets).filter { predict($0) == $1 }.count) / Double(max(targets.count, 1))
    }
}

/// Stochastic gradient descent: w ← w - lr · g.
public final class SGD<Scalar: Real>: Optimizer {
    public var learningRate: Double
    /// An SGD optimiser.
    public init(learningRate: Double = 0.01) { self.learningRate = learningRate }
    public var name: String { "sgd" }
    public var settings: [String: Double] { ["learning_rate": learningRate] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(_ parameters: [Parameter<Scalar>]) {
        let lr = Scalar(learningRate)
        for p in parameters { p.value.add(p.gradient, times: -lr) }
    }

    public func reset() {}
}

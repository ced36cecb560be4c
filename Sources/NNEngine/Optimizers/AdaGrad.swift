/// AdaGrad: h ← h + g²; w ← w - lr · g / (√h + ε), ε = 1e-7 as in the book.
public final class AdaGrad<Scalar: Real>: Optimizer {
    /// The step size.
    public var learningRate: Double
    /// Added to √h.
    public let epsilon: Double
    private var h = SlotStore<Scalar>()

    /// An AdaGrad optimiser.
    public init(learningRate: Double = 0.01, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.epsilon = epsilon
    }
    /// `adagrad`.
    public var name: String { "adagrad" }
    /// The learning rate and ε.
    public var settings: [String: Double] { ["learning_rate": learningRate, "epsilon": epsilon] }

    /// One AdaGrad step on each parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(_ parameters: [Parameter<Scalar>]) {
        let lr = Scalar(learningRate), eps = Scalar(epsilon)
        for p in parameters {
            h.withSlot(p) { h in
                p.gradient.storage.withUnsafeBufferPointer { g in
                    p.value.storage.withUnsafeMutableBufferPointer { w in
                        for i in 0..<w.count {
                            h[i] += g[i] * g[i]
                            w[i] -= lr * g[i] / (h[i].squareRoot() + eps)
                        }
                    }
                }
            }
        }
    }

    /// Forgets the squared-gradient sums.
    public func reset() { h.removeAll() }
}

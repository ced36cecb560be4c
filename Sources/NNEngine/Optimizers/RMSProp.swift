/// RMSProp: h ← ρ h + (1 - ρ) g²; w ← w - lr · g / (√h + ε). The book's ρ is 0.99.
public final class RMSProp<Scalar: Real>: Optimizer {
    /// The step size.
    public var learningRate: Double
    /// The decay ρ of the squared-gradient average.
    public let decay: Double
    /// Added to √h.
    public let epsilon: Double
    private var h = SlotStore<Scalar>()

    /// An RMSProp optimiser.
    public init(learningRate: Double = 0.01, decay: Double = 0.99, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.decay = decay
        self.epsilon = epsilon
    }
    /// `rmsprop`.
    public var name: String { "rmsprop" }
    /// The learning rate, ρ and ε.
    public var settings: [String: Double] { ["learning_rate": learningRate, "decay": decay, "epsilon": epsilon] }

    /// One RMSProp step on each parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(_ parameters: [Parameter<Scalar>]) {
        let lr = Scalar(learningRate), rho = Scalar(decay), eps = Scalar(epsilon)
        for p in parameters {
            h.withSlot(p) { h in
                p.gradient.storage.withUnsafeBufferPointer { g in
                    p.value.storage.withUnsafeMutableBufferPointer { w in
                        for i in 0..<w.count {
                            h[i] = rho * h[i] + (1 - rho) * g[i] * g[i]
                            w[i] -= lr * g[i] / (h[i].squareRoot() + eps)
                        }
                    }
                }
            }
        }
    }

    /// Forgets the squared-gradient averages.
    public func reset() { h.removeAll() }
}

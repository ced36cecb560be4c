/// Nesterov's accelerated gradient: the gradient is taken at the look-ahead point w + μ v.
///
/// Written in the shifted variable (the parameter stored is the look-ahead point), with g
/// the gradient there: v ← μ v - lr · g; w ← w + μ v - lr · g, i.e. w + μ² v_old - (1 + μ) lr · g
/// (Keras' `nesterov=True`). The book's code uses the *updated* v in the μ² term, which is
/// not the look-ahead rule; nnviz follows the rule.
public final class Nesterov<Scalar: Real>: Optimizer {
    /// The step size.
    public var learningRate: Double
    /// The velocity decay μ.
    public let momentum: Double
    private var velocity = SlotStore<Scalar>()

    /// A Nesterov optimiser (the book's defaults: lr 0.01, μ 0.9).
    public init(learningRate: Double = 0.01, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }
    /// `nesterov`.
    public var name: String { "nesterov" }
    /// The learning rate and μ.
    public var settings: [String: Double] { ["learning_rate": learningRate, "momentum": momentum] }

    /// One Nesterov step on each parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(_ parameters: [Parameter<Scalar>]) {
        let lr = Scalar(learningRate), mu = Scalar(momentum)
        for p in parameters {
            velocity.withSlot(p) { v in
                p.gradient.storage.withUnsafeBufferPointer { g in
                    p.value.storage.withUnsafeMutableBufferPointer { w in
                        for i in 0..<w.count {
                            v[i] = mu * v[i] - lr * g[i]
                            w[i] += mu * v[i] - lr * g[i]
                        }
                    }
                }
            }
        }
    }

    /// Forgets the velocities.
    public func reset() { velocity.removeAll() }
}

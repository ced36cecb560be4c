/// Momentum SGD: v ← μ v - lr · g; w ← w + v.
///
/// The notes also write it as v ← μ v + g; w ← w - lr v, which gives the same steps for a
/// constant learning rate.
public final class Momentum<Scalar: Real>: Optimizer {
    /// The step size.
    public var learningRate: Double
    /// The velocity decay μ.
    public let momentum: Double
    private var velocity = SlotStore<Scalar>()

    /// A momentum optimiser (the book's defaults: lr 0.01, μ 0.9).
    public init(learningRate: Double = 0.01, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }
    /// `momentum`.
    public var name: String { "momentum" }
    /// The learning rate and μ.
    public var settings: [String: Double] { ["learning_rate": learningRate, "momentum": momentum] }

    /// One momentum step on each parameter.
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
                            w[i] += v[i]
                        }
                    }
                }
            }
        }
    }

    /// Forgets the velocities.
    public func reset() { velocity.removeAll() }
}

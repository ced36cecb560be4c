#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Adam (Kingma & Ba 2015) in the book's form, with the bias correction folded into the
/// step size: at step t, lr_t = lr · √(1 - β₂ᵗ) / (1 - β₁ᵗ);
/// m ← m + (1 - β₁)(g - m); v ← v + (1 - β₂)(g² - v); w ← w - lr_t · m / (√v + ε).
public final class Adam<Scalar: Real>: Optimizer {
    public var learningRate: Double
    /// Decay of the gradient average.
    public let beta1: Double
    /// Decay of the squared-gradient average.
    public let beta2: Double
    /// Added to √v.
    public let epsilon: Double
    /// Updates applied so far.
    public private(set) var step = 0
    private var m = SlotStore<Scalar>()
    private var v = SlotStore<Scalar>()

    /// An Adam optimiser (the book's defaults: lr 0.001, β₁ 0.9, β₂ 0.999).
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }
    public var name: String { "adam" }
    public var settings: [String: Double] {
        ["learning_rate": learningRate, "beta1": beta1, "beta2": beta2, "epsilon": epsilon]
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(_ parameters: [Parameter<Scalar>]) {
        step += 1
        let t = Double(step)
        let lrT = Scalar(learningRate * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t)))
        let b1 = Scalar(1 - beta1), b2 = Scalar(1 - beta2), eps = Scalar(epsilon)
        for p in parameters {
            m.withSlot(p) { m in
                v.withSlot(p) { v in
                    p.gradient.storage.withUnsafeBufferPointer { g in
                        p.value.storage.withUnsafeMutableBufferPointer { w in
                            for i in 0..<w.count {
                                m[i] += b1 * (g[i] - m[i])
                                v[i] += b2 * (g[i] * g[i] - v[i])
                                w[i] -= lrT * m[i] / (v[i].squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }

    public func reset() { m.removeAll(); v.removeAll(); step = 0 }
}

import CNNKernels
import NNEngine

/// Count, moments, extremes and special values of a tensor, gathered in one pass.
public struct TensorSummary: Sendable, Equatable {
    public var count = 0
    /// Finite values only.
    public var finiteCount = 0
    public var sum = 0.0
    public var sumOfSquares = 0.0
    public var min = Double.infinity
    public var max = -Double.infinity
    public var nan = 0
    public var posInf = 0
    public var negInf = 0
    public var zeros = 0
    /// Values outside the saturation band, when one was given.
    public var saturated = 0

    /// Mean of the finite values.
    public var mean: Double { finiteCount > 0 ? sum / Double(finiteCount) : .nan }
    /// Population standard deviation of the finite values.
    public var std: Double {
        guard finiteCount > 0 else { return .nan }
        let m = mean
        return Swift.max(0, sumOfSquares / Double(finiteCount) - m * m).squareRoot()
    }
    /// L2 norm of the finite values.
    public var l2: Double { sumOfSquares.squareRoot() }

    /// Summarises `m`; `saturation` counts values with |y - centre| > halfWidth (e.g. sigmoid:
    /// centre 0.5, half-width 0.47 counts y < 0.03 or y > 0.97).
    public init<S: Real>(_ m: Matrix<S>, saturation: (centre: Double, halfWidth: Double)? = nil) {
        self = Self.compute(m.storage, saturation: saturation)
    }

    init() {}

    /// The vectorised C kernel for Float and Double; the scalar reference for tensors that hold
    /// NaN or ±Inf (the kernel reports them, and the reference counts them).
    static func compute<S: Real>(_ values: [S], saturation: (centre: Double, halfWidth: Double)?) -> TensorSummary {
        var c = nn_summary()
        // Without a band, an infinite half-width: the kernel then makes no saturation test at all.
        let centre = saturation?.centre ?? 0, half = saturation?.halfWidth ?? .infinity
        // S is exactly Float or Double in these branches, so the bit-casts reinterpret, never copy.
        if S.self == Float.self {
            unsafeBitCast(values, to: [Float].self).withUnsafeBufferPointer { nn_summarize_f32($0.baseAddress, $0.count, Float(centre), Float(half), &c) }
        } else if S.self == Double.self {
            unsafeBitCast(values, to: [Double].self).withUnsafeBufferPointer { nn_summarize_f64($0.baseAddress, $0.count, centre, half, &c) }
        } else {
            return scalar(values.map(Double.init), saturation: saturation)
        }
        guard c.all_finite != 0 else { return scalar(values.map(Double.init), saturation: saturation) }
        var s = TensorSummary()
        s.count = values.count
        s.finiteCount = values.count
        s.sum = c.sum
        s.sumOfSquares = c.sum_of_squares
        s.min = values.isEmpty ? .infinity : c.min
        s.max = values.isEmpty ? -.infinity : c.max
        s.zeros = c.zeros
        s.saturated = saturation == nil ? 0 : c.saturated
        return s
    }

    /// The reference implementation, value by value.
    static func scalar(_ values: [Double], saturation: (centre: Double, halfWidth: Double)?) -> TensorSummary {
        var s = TensorSummary()
        s.count = values.count
        for v in values {
            guard v.isFinite else {
                if v.isNaN { s.nan += 1 } else if v > 0 { s.posInf += 1 } else { s.negInf += 1 }
                continue
            }
            s.finiteCount += 1
            s.sum += v; s.sumOfSquares += v * v
            s.min = Swift.min(s.min, v); s.max = Swift.max(s.max, v)
            if v == 0 { s.zeros += 1 }
            if let sat = saturation, abs(v - sat.centre) > sat.halfWidth { s.saturated += 1 }
        }
        return s
    }
}

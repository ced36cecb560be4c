/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every random draw in nnviz comes from one of these: the same seed gives the same
/// initial weights, batches, dropout masks and data sets, and so the same events and figures.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64
    /// A spare normal deviate from the last Box–Muller pair.
    private var spare: Double?

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitmix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    /// A generator for a named sub-stream (e.g. "init", "batches"), so that adding draws to
    /// one stream does not shift the others.
    public init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325   // FNV-1a of the stream name
        for b in stream.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        self.init(seed: seed ^ h)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform double in [0, 1).
    public mutating func nextUniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal deviate (Box–Muller, both values of each pair used).
    public mutating func nextNormal() -> Double {
        if let s = spare { spare = nil; return s }
        var u1 = nextUniform()
        while u1 <= 0 { u1 = nextUniform() }
        let u2 = nextUniform()
        let r = (-2 * _log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spare = r * _sin(theta)
        return r * _cos(theta)
    }

    /// A uniform integer in `0..<upperBound`.
    public mutating func nextInt(below upperBound: Int) -> Int { Int.random(in: 0..<upperBound, using: &self) }
}

extension Matrix {
    /// A matrix of independent N(0, std²) draws.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func normal(rows: Int, cols: Int, std: Double = 1,
                              using rng: inout SeededGenerator) -> Matrix {
        var m = Matrix(uninitializedRows: rows, cols: cols)
        m.storage.withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count { d[i] = Scalar(rng.nextNormal() * std) }
        }
        return m
    }

    /// A matrix of independent U[low, high) draws.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func uniform(rows: Int, cols: Int, low: Double = 0, high: Double = 1,
                               using rng: inout SeededGenerator) -> Matrix {
        var m = Matrix(uninitializedRows: rows, cols: cols)
        m.storage.withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count { d[i] = Scalar(low + (high - low) * rng.nextUniform()) }
        }
        return m
    }
}

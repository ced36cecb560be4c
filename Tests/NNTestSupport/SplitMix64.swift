/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator the tests share, so that
/// every random input a test makes is the same on every run.
public struct SplitMix64: RandomNumberGenerator {
    /// The generator's whole state: the seed, then advanced by each draw.
    public var state: UInt64

    /// A generator whose sequence is fixed by `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the next 53 bits.
    public mutating func nextUniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

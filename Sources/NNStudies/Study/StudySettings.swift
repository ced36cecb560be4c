/// Settings shared by the built-in studies; a config file or the command line can change them.
public struct StudySettings: Sendable {
    /// Seed for every random draw.
    public var seed: UInt64 = 42
    /// Fewer steps, for a first look and for tests.
    public var quick = false
    /// Steps per training run (nil: the study's default, smaller with `quick`).
    public var steps: Int?
    /// Batch size (nil: the study's default).
    public var batchSize: Int?
    /// Learning rate (nil: the study's default).
    public var learningRate: Double?
    /// Hidden layer sizes (nil: the study's default).
    public var hidden: [Int]?
    /// Epochs of the studies that count epochs (nil: the study's default, fewer with `quick`).
    public var epochs: Int?

    /// Settings with a seed and the quick flag; everything else the studies' defaults.
    public init(seed: UInt64 = 42, quick: Bool = false) { self.seed = seed; self.quick = quick }

    /// A run's steps: `full`, or the quick length `q` when quick, unless set.
    public func steps(_ full: Int, quick q: Int) -> Int { quick ? min(steps ?? q, q) : (steps ?? full) }

    /// A run's epochs: `full`, or the quick number `q` when quick, unless set.
    public func epochs(_ full: Int, quick q: Int) -> Int { quick ? min(epochs ?? q, q) : (epochs ?? full) }
}

/// Independent random batches, as the studies and the book train: each step draws
/// `batchSize` row indices with replacement from a seeded generator, one
/// `nextInt(below: rows)` per index. The steps form no epochs.
public struct RandomBatches<Scalar: Real>: BatchSource {
    /// The inputs, one row per sample.
    public let x: Matrix<Scalar>
    /// The targets, one per row of `x`.
    public let y: Target<Scalar>
    /// Rows drawn per step.
    public let batchSize: Int
    /// The number of steps.
    public let stepCount: Int
    /// The generator the indices come from.
    private var rng: SeededGenerator

    /// `steps` batches of `batchSize` rows drawn from `SeededGenerator(seed: seed, stream: "batches")`.
    public init(_ x: Matrix<Scalar>, _ y: Target<Scalar>, batchSize: Int, steps: Int, seed: UInt64) throws(ModelError) {
        try self.init(x, y, batchSize: batchSize, steps: steps, generator: SeededGenerator(seed: seed, stream: "batches"))
    }

    /// `steps` batches of `batchSize` rows drawn from `generator`.
    public init(_ x: Matrix<Scalar>, _ y: Target<Scalar>, batchSize: Int, steps: Int,
                generator: SeededGenerator) throws(ModelError) {
        try Self.checkData(x, y, context: "random batches")
        guard batchSize > 0 else { throw .invalidSetting("batch size must be positive, got \(batchSize)") }
        guard steps >= 0 else { throw .invalidSetting("steps must be >= 0, got \(steps)") }
        self.x = x
        self.y = y
        self.batchSize = batchSize
        self.stepCount = steps
        self.rng = generator
    }

    /// Always nil: random draws form no epochs.
    public var stepsPerEpoch: Int? { nil }

    /// The next draw (`step` is not used: each call draws a new batch).
    public mutating func batch(at step: Int) -> (x: Matrix<Scalar>, y: Target<Scalar>) {
        let rows = x.rows
        let idx = (0..<batchSize).map { _ in rng.nextInt(below: rows) }
        return (x.gatherRows(idx), y.gather(idx))
    }
}

/// Independent random batches, as the studies and the book train: each step draws
/// `batchSize` row indices with replacement from a seeded generator, one
/// `nextInt(below: rows)` per index. The steps form no epochs, unless `stepsPerEpoch` groups
/// them as the book counts an epoch of draws (⌈samples / batch⌉ steps), so that the loop ends
/// epochs (epoch logs, callbacks such as ``EarlyStopping``) on batches drawn the book's way.
public struct RandomBatches<Scalar: Real>: BatchSource {
    /// The inputs, one row per sample.
    public let x: Matrix<Scalar>
    /// The targets, one per row of `x`.
    public let y: Target<Scalar>
    /// Rows drawn per step.
    public let batchSize: Int
    /// The number of steps.
    public let stepCount: Int
    /// Steps counted as one epoch, or nil (the default) when the draws form no epochs.
    public let stepsPerEpoch: Int?
    /// The generator the indices come from.
    private var rng: SeededGenerator

    /// `steps` batches of `batchSize` rows drawn from `SeededGenerator(seed: seed, stream: "batches")`,
    /// grouped in epochs of `stepsPerEpoch` steps when given.
    public init(_ x: Matrix<Scalar>, _ y: Target<Scalar>, batchSize: Int, steps: Int, seed: UInt64,
                stepsPerEpoch: Int? = nil) throws(ModelError) {
        try self.init(x, y, batchSize: batchSize, steps: steps, generator: SeededGenerator(seed: seed, stream: "batches"),
                      stepsPerEpoch: stepsPerEpoch)
    }

    /// `steps` batches of `batchSize` rows drawn from `generator`, grouped in epochs of
    /// `stepsPerEpoch` steps when given.
    public init(_ x: Matrix<Scalar>, _ y: Target<Scalar>, batchSize: Int, steps: Int,
                generator: SeededGenerator, stepsPerEpoch: Int? = nil) throws(ModelError) {
        try Self.checkData(x, y, context: "random batches")
        guard batchSize > 0 else { throw .invalidSetting("batch size must be positive, got \(batchSize)") }
        guard steps >= 0 else { throw .invalidSetting("steps must be >= 0, got \(steps)") }
        if let n = stepsPerEpoch, n <= 0 { throw .invalidSetting("steps per epoch must be positive, got \(n)") }
        self.x = x
        self.y = y
        self.batchSize = batchSize
        self.stepCount = steps
        self.rng = generator
        self.stepsPerEpoch = stepsPerEpoch
    }

    /// The steps of one epoch of draws: ⌈samples / batch size⌉ (the book's `iter_per_epoch`).
    public static func stepsPerEpoch(samples: Int, batchSize: Int) -> Int { max(1, (samples + batchSize - 1) / max(batchSize, 1)) }

    /// The next draw (`step` is not used: each call draws a new batch).
    public mutating func batch(at step: Int) -> (x: Matrix<Scalar>, y: Target<Scalar>) {
        let rows = x.rows
        let idx = (0..<batchSize).map { _ in rng.nextInt(below: rows) }
        return (x.gatherRows(idx), y.gather(idx))
    }
}

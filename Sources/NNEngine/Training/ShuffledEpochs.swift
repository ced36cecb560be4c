/// Epochs over a data set, as `fit` trains: at the start of each epoch the rows are put in a
/// seeded random order (drawn from the model's batch generator, so that successive calls
/// continue one stream), then taken in that order `batchSize` at a time; an epoch's last
/// batch holds what is left (it may be smaller).
public struct ShuffledEpochs<Scalar: Real>: BatchSource {
    /// The inputs, one row per sample.
    public let x: Matrix<Scalar>
    /// The targets, one per row of `x`.
    public let y: Target<Scalar>
    /// Rows per batch (the last batch of an epoch may have fewer).
    public let batchSize: Int
    /// The number of passes over the data.
    public let epochs: Int
    /// Whether each epoch shuffles the rows (false: every epoch in row order).
    public let shuffle: Bool
    /// Batches per epoch: ⌈rows / batchSize⌉.
    public let batchesPerEpoch: Int
    /// The model whose batch generator shuffles the rows.
    private let model: Sequential<Scalar>
    /// This epoch's order of the rows.
    private var order: [Int] = []

    /// `epochs` passes over `x` and `y` in batches of `batchSize` rows (nil: all rows in one
    /// batch, i.e. full-batch gradient descent; larger than the data: the same), shuffled
    /// with `model`'s batch generator when `shuffle` is true.
    public init(_ x: Matrix<Scalar>, _ y: Target<Scalar>, batchSize: Int?, epochs: Int, shuffle: Bool = true,
                model: Sequential<Scalar>) throws(ModelError) {
        guard epochs >= 0 else { throw .invalidSetting("epochs must be >= 0, got \(epochs)") }
        try Self.checkData(x, y, context: "epoch")
        let bs = min(batchSize ?? x.rows, x.rows)
        guard bs > 0 else { throw .invalidSetting("batch size must be positive, got \(bs)") }
        self.x = x
        self.y = y
        self.batchSize = bs
        self.epochs = epochs
        self.shuffle = shuffle
        self.batchesPerEpoch = (x.rows + bs - 1) / bs
        self.model = model
    }

    /// `epochs` × `batchesPerEpoch`.
    public var stepCount: Int { epochs * batchesPerEpoch }
    /// `batchesPerEpoch`.
    public var stepsPerEpoch: Int? { batchesPerEpoch }

    /// The `step % batchesPerEpoch`-th batch of the current epoch; the first batch of an epoch
    /// draws the epoch's order.
    public mutating func batch(at step: Int) -> (x: Matrix<Scalar>, y: Target<Scalar>) {
        let k = (step % batchesPerEpoch + batchesPerEpoch) % batchesPerEpoch
        if k == 0 || order.count != x.rows { newOrder() }
        let idx = order[(k * batchSize)..<min((k + 1) * batchSize, x.rows)]
        return (x.gatherRows(idx), y.gather(idx))
    }

    /// The rows in order 0..<rows, shuffled when asked.
    private mutating func newOrder() {
        if order.count == x.rows {
            for i in order.indices { order[i] = i }
        } else {
            order = Array(0..<x.rows)
        }
        if shuffle { order.shuffle(using: &model.batchRNG) }
    }
}

/// A fixed list of batches given as row indices, one per step (the benchmarks draw theirs
/// once and train several models on the same list). The steps form no epochs.
public struct IndexBatches<Scalar: Real>: BatchSource {
    /// The inputs, one row per sample.
    public let x: Matrix<Scalar>
    /// The targets, one per row of `x`.
    public let y: Target<Scalar>
    /// The row indices of each step's batch.
    public let batches: [[Int]]

    /// One step per element of `batches`; every index must be a row of `x`.
    public init(_ x: Matrix<Scalar>, _ y: Target<Scalar>, batches: [[Int]]) throws(ModelError) {
        try Self.checkData(x, y, context: "index batches")
        for (s, b) in batches.enumerated() {
            guard !b.isEmpty else { throw .invalidSetting("batch \(s) is empty") }
            if let bad = b.first(where: { !(0..<x.rows).contains($0) }) {
                throw .invalidSetting("batch \(s) has row index \(bad), outside 0..<\(x.rows)")
            }
        }
        self.x = x
        self.y = y
        self.batches = batches
    }

    /// `batches.count`.
    public var stepCount: Int { batches.count }
    /// Always nil: the list forms no epochs.
    public var stepsPerEpoch: Int? { nil }

    /// The rows listed for `step` (the list repeats past its end).
    public mutating func batch(at step: Int) -> (x: Matrix<Scalar>, y: Target<Scalar>) {
        let idx = batches.isEmpty ? [] : batches[step % batches.count]
        return (x.gatherRows(idx), y.gather(idx))
    }
}

/// What a model is trained to output for a batch.
public enum Target<Scalar: Real>: Equatable, Sendable {
    /// One class index per sample (for softmax cross-entropy and accuracy).
    case classes([Int])
    /// One row of target values per sample: one-hot rows, regression targets or 0/1 labels.
    case values(Matrix<Scalar>)

    /// Number of samples.
    public var count: Int {
        switch self {
        case .classes(let c): c.count
        case .values(let m): m.rows
        }
    }

    /// The targets of the samples at `indices`.
    public func gather(_ indices: some Collection<Int>) -> Target {
        switch self {
        case .classes(let c): .classes(indices.map { c[$0] })
        case .values(let m): .values(m.gatherRows(indices))
        }
    }

    /// One-hot rows of `width` columns (class targets), or the values themselves.
    public func oneHot(width: Int) -> Matrix<Scalar> {
        switch self {
        case .values(let m): return m
        case .classes(let c):
            var m = Matrix<Scalar>(rows: c.count, cols: width)
            for (i, k) in c.enumerated() where (0..<width).contains(k) { m[i, k] = 1 }
            return m
        }
    }

    /// The class of each sample: the index itself, or the argmax of a value row
    /// (a single column is thresholded at 0.5).
    public var classIndices: [Int] {
        switch self {
        case .classes(let c): return c
        case .values(let m): return m.cols == 1 ? m.storage.map { $0 > 0.5 ? 1 : 0 } : m.argmaxRows()
        }
    }
}

/// A tensor in a model file: its shape and row-major values.
public struct TensorRecord: Codable, Equatable, Sendable {
    /// Rows.
    public var rows: Int
    /// Columns.
    public var cols: Int
    /// Row-major values (exact decimal round trip of the stored scalars).
    public var values: [Double]
    /// A tensor record of a matrix.
    public init<S: Real>(_ m: Matrix<S>) { rows = m.rows; cols = m.cols; values = m.storage.map(Double.init) }
    /// The tensor as a matrix; throws when the value count does not fit the shape.
    public func matrix<S: Real>(as: S.Type = S.self) throws(ShapeError) -> Matrix<S> {
        try Matrix(rows: rows, cols: cols, values.map { S($0) })
    }
}

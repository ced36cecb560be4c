/// The shape of a matrix, printed as `(rows, cols)`.
public struct Shape: Equatable, Hashable, Sendable, CustomStringConvertible, Codable {
    /// Rows (the batch dimension for activations).
    public var rows: Int
    /// Columns (features).
    public var cols: Int
    /// A shape.
    public init(rows: Int, cols: Int) { self.rows = rows; self.cols = cols }
    /// `(rows, cols)`.
    public var description: String { "(\(rows), \(cols))" }
}

/// A dense, row-major 2-D array of scalars: a batch of samples (rows) by features
/// (columns), a weight matrix (inputs by outputs) or a bias row (1 by outputs).
///
/// `Matrix` has value semantics (copy on write). Products go through BLAS
/// (`cblas_sgemm` / `cblas_dgemm`); element-wise kernels are in `Matrix+Kernels.swift`.
public struct Matrix<Scalar: Real>: Equatable, Sendable {
    /// Number of rows (samples in a batch).
    public internal(set) var rows: Int
    /// Number of columns (features or units).
    public internal(set) var cols: Int
    /// The elements, row after row.
    public var storage: [Scalar]

    /// A matrix filled with one value.
    public init(rows: Int, cols: Int, repeating value: Scalar = 0) {
        precondition(rows >= 0 && cols >= 0, "negative matrix shape")
        self.rows = rows
        self.cols = cols
        self.storage = Array(repeating: value, count: rows * cols)
    }

    /// A matrix whose elements are not yet set, for kernels that write every element before
    /// anything reads them (saves zeroing buffers that are overwritten at once).
    init(uninitializedRows rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        self.storage = Array(unsafeUninitializedCapacity: rows * cols) { _, count in count = rows * cols }
    }

    /// A matrix over the given row-major elements; throws when the count does not fit the shape.
    public init(rows: Int, cols: Int, _ elements: [Scalar]) throws(ShapeError) {
        guard rows >= 0, cols >= 0, elements.count == rows * cols else {
            throw ShapeError(context: "Matrix(rows: \(rows), cols: \(cols))",
                             expected: "\(rows * cols) elements", actual: "\(elements.count)")
        }
        self.rows = rows
        self.cols = cols
        self.storage = elements
    }

    /// A matrix from nested rows, e.g. `Matrix([[1, 2], [3, 4]])`; the rows must be equally long.
    public init(_ nested: [[Scalar]]) throws(ShapeError) {
        let cols = nested.first?.count ?? 0
        for (i, row) in nested.enumerated() where row.count != cols {
            throw ShapeError(context: "Matrix(nested:) row \(i)", expected: "\(cols) columns",
                             actual: "\(row.count)")
        }
        try self.init(rows: nested.count, cols: cols, nested.flatMap { $0 })
    }

    /// A single row.
    public init(row: [Scalar]) {
        self.rows = 1
        self.cols = row.count
        self.storage = row
    }

    /// The shape as `(rows, cols)`.
    public var shape: Shape { Shape(rows: rows, cols: cols) }

    /// Number of elements.
    @inlinable public var count: Int { storage.count }

    /// Element at `row`, `col`.
    @inlinable public subscript(row: Int, col: Int) -> Scalar {
        get { storage[row * cols + col] }
        set { storage[row * cols + col] = newValue }
    }

    /// One row as an array.
    public func row(_ i: Int) -> [Scalar] { Array(storage[i * cols ..< (i + 1) * cols]) }

    /// The rows as nested arrays (for printing and tests).
    public var nested: [[Scalar]] { (0..<rows).map(row) }

    /// The same elements in another shape with the same count.
    public func reshaped(rows: Int, cols: Int) throws(ShapeError) -> Matrix {
        try Matrix(rows: rows, cols: cols, storage)
    }

    /// The rows at `indices`, in that order (a mini-batch).
    public func gatherRows(_ indices: some Collection<Int>) -> Matrix {
        gatherRows(indexArray: Array(indices))
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func gatherRows(indexArray indices: [Int]) -> Matrix {
        var out = Matrix(uninitializedRows: indices.count, cols: cols)
        let rowBytes = cols * MemoryLayout<Scalar>.stride
        storage.withUnsafeBytes { src in
            out.storage.withUnsafeMutableBytes { dst in
                for (r, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rows, "row index \(i) out of 0..<\(rows)")
                    dst.baseAddress!.advanced(by: r * rowBytes)
                        .copyMemory(from: src.baseAddress!.advanced(by: i * rowBytes), byteCount: rowBytes)
                }
            }
        }
        return out
    }

    /// The transpose.
    public var transposed: Matrix {
        var out = Matrix(rows: cols, cols: rows)
        for i in 0..<rows { for j in 0..<cols { out.storage[j * rows + i] = storage[i * cols + j] } }
        return out
    }
}

extension Matrix: CustomStringConvertible {
    /// A short rendering with the shape and up to 6 rows.
    public var description: String {
        let shown = (0..<min(rows, 6)).map { "  " + row($0).map { "\($0)" }.joined(separator: ", ") }
        return "Matrix\(shape)\n" + shown.joined(separator: "\n") + (rows > 6 ? "\n  ..." : "")
    }
}

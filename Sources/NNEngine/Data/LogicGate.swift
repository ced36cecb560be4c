/// The truth tables of the logic gates the perceptron chapter uses.
public enum LogicGate: String, CaseIterable, Sendable {
    /// AND, NAND, OR and XOR of two inputs.
    case and, nand, or, xor

    /// The four inputs (0,0), (0,1), (1,0), (1,1).
    public static func inputs<Scalar: Real>(as: Scalar.Type = Scalar.self) -> Matrix<Scalar> {
        Matrix(row: [0, 0, 0, 1, 1, 0, 1, 1]).reshapedUnchecked(rows: 4, cols: 2)
    }

    /// The gate's outputs for the four inputs.
    public var outputs: [Int] {
        switch self {
        case .and: [0, 0, 0, 1]
        case .nand: [1, 1, 1, 0]
        case .or: [0, 1, 1, 1]
        case .xor: [0, 1, 1, 0]
        }
    }
}

extension Matrix {
    func reshapedUnchecked(rows: Int, cols: Int) -> Matrix {
        var m = self
        m.rows = rows
        m.cols = cols
        return m
    }
}

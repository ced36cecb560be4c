/// Feature scaling fitted on training data and applied to any data: standardisation
/// (zero mean, unit variance per feature) or min-max scaling to [0, 1].
public struct FeatureScaler<Scalar: Real>: Sendable {
    /// Which transform.
    public enum Kind: Sendable { case standardize, minMax }
    /// The transform fitted.
    public let kind: Kind
    /// Per-feature shift.
    public let shift: [Scalar]
    /// Per-feature divisor (1 where a feature is constant).
    public let scale: [Scalar]

    /// Fits the scaler on `x` (one row per sample).
    public init(_ kind: Kind, fittedOn x: Matrix<Scalar>) {
        self.kind = kind
        var shift = [Scalar](repeating: 0, count: x.cols), scale = [Scalar](repeating: 1, count: x.cols)
        for j in 0..<x.cols {
            let col = (0..<x.rows).map { Double(x[$0, j]) }
            switch kind {
            case .standardize:
                let mean = col.reduce(0, +) / Double(max(col.count, 1))
                let std = (col.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(col.count, 1))).squareRoot()
                shift[j] = Scalar(mean)
                scale[j] = std > 0 ? Scalar(std) : 1
            case .minMax:
                let lo = col.min() ?? 0, hi = col.max() ?? 1
                shift[j] = Scalar(lo)
                scale[j] = hi > lo ? Scalar(hi - lo) : 1
            }
        }
        self.shift = shift
        self.scale = scale
    }

    /// `(x - shift) / scale`, feature by feature.
    public func transform(_ x: Matrix<Scalar>) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == shift.count else {
            throw ShapeError(context: "feature scaler", expected: "\(shift.count) features", actual: "\(x.cols)")
        }
        var out = x
        for i in 0..<x.rows { for j in 0..<x.cols { out[i, j] = (x[i, j] - shift[j]) / scale[j] } }
        return out
    }
}

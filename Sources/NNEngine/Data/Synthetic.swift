/// Small 2-D classification sets for teaching, after TensorFlow Playground (circle, xor,
/// gauss, spiral) and scikit-learn (two moons). Labels are 0 and 1; every draw is seeded.
public enum SyntheticSet: String, CaseIterable, Sendable {
    case circle, xor, gauss, spiral, moons

    /// `count` samples with noise in [0, 1] (the Playground's 0-50 % slider as a fraction).
    public func generate<Scalar: Real>(count: Int, noise: Double, seed: UInt64,
                                       as: Scalar.Type = Scalar.self) throws(ShapeError) -> Dataset<Scalar> {
        var rng = SeededGenerator(seed: seed, stream: "synthetic-\(rawValue)")
        func u(_ a: Double, _ b: Double) -> Double { a + (b - a) * rng.nextUniform() }
        var points: [(Double, Double, Int)] = []
        let half = count / 2
        switch self {
        case .circle:
            let radius = 5.0
            for i in 0..<count {
                let inside = i < half
                let r = inside ? u(0, radius * 0.5) : u(radius * 0.7, radius)
                let angle = u(0, 2 * .pi)
                let x = r * _sin(angle), y = r * _cos(angle)
                let nx = u(-radius, radius) * noise, ny = u(-radius, radius) * noise
                let label = ((x + nx) * (x + nx) + (y + ny) * (y + ny)).squareRoot() < radius * 0.5 ? 1 : 0
                points.append((x, y, label))
            }
        case .xor:
            for _ in 0..<count {
                var x = u(-5, 5), y = u(-5, 5)
                let padding = 0.3
                x += x > 0 ? padding : -padding
                y += y > 0 ? padding : -padding
                let nx = u(-5, 5) * noise, ny = u(-5, 5) * noise
                points.append((x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0))
            }
        case .gauss:
            let variance = 0.5 + 3.5 * noise
            for i in 0..<count {
                let c = i < half ? 2.0 : -2.0
                points.append((c + rng.nextNormal() * variance.squareRoot(), c + rng.nextNormal() * variance.squareRoot(), i < half ? 1 : 0))
            }
        case .spiral:
            for (delta, label) in [(0.0, 1), (Double.pi, 0)] {
                for i in 0..<(label == 1 ? half : count - half) {
                    let r = Double(i) / Double(half) * 5
                    let t = 1.75 * Double(i) / Double(half) * 2 * .pi + delta
                    points.append((r * _sin(t) + u(-1, 1) * noise, r * _cos(t) + u(-1, 1) * noise, label))
                }
            }
        case .moons:
            for i in 0..<count {
                let upper = i < half
                let t = u(0, .pi)
                let x = upper ? _cos(t) : 1 - _cos(t)
                let y = upper ? _sin(t) : 0.5 - _sin(t)
                points.append((x + rng.nextNormal() * noise * 0.3, y + rng.nextNormal() * noise * 0.3, upper ? 0 : 1))
            }
        }
        let x = try Matrix<Scalar>(rows: points.count, cols: 2, points.flatMap { [Scalar($0.0), Scalar($0.1)] })
        return try Dataset(name: rawValue, x: x, labels: points.map(\.2), classes: 2)
    }
}

/// The truth tables of the logic gates the perceptron chapter uses.
public enum LogicGate: String, CaseIterable, Sendable {
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

extension Dataset {
    /// The peers' learnable MNIST-shaped data (`shared/bench/peers/common.py`): X ~ U[0, 1)
    /// (n x d), a fixed M ~ N(0, 1) (d x classes), label = argmax((X - 0.5) M). Centring keeps
    /// the classes balanced. Used by the benchmarks, which must match the peers' shapes.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func learnableUniform(count n: Int = 60000, features d: Int = 784, classes: Int = 10,
                                        seed: UInt64 = 0) -> Dataset {
        var rng = SeededGenerator(seed: seed, stream: "learnable-uniform")
        let x = Matrix<Scalar>.uniform(rows: n, cols: d, using: &rng)
        let m = Matrix<Scalar>.normal(rows: d, cols: classes, using: &rng)
        // (X - 0.5) M = X M - 0.5 (column sums of M) in every row: no centred copy of the set.
        var scores = Matrix.product(x, m)
        scores.addRow(m.columnSums().scaled(by: -0.5))
        let labels = scores.argmaxRows()
        return Dataset(unchecked: "learnable-uniform", x: x, labels: labels, classes: classes)
    }
}

import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// The feature-scaling study's computations: full-batch gradient descent (the engine's
/// ``Sequential`` with one bias-free linear unit, mean squared error, SGD) on a seeded linear
/// regression whose two features differ in scale by a factor of 10, once on the raw features
/// and once on standardised ones.
///
/// Each run (`scaling/raw`, `scaling/standardised`; study `scaling`) records its batch loss
/// every 50th step, the weight path as `trajectory` events (the first 20 steps, then every 5th
/// step until the weights meet the criterion, the step at which they first do, then every 10th), the loss on a grid around the path as a `surface`
/// `loss`, and scalars at step 0: `least_squares/w1`, `least_squares/w2`, `least_squares/loss`
/// (the normal equations' solution in the run's own coordinates), `hessian/lambda_max`,
/// `hessian/lambda_min` (eigenvalues of the loss's Hessian 2XᵀX/n) and `feature/std_x1`,
/// `feature/std_x2`.
public enum ScalingRuns {
    /// Samples.
    public static let samples = 200
    /// Standard deviations of the raw features, and their correlation.
    public static let featureStd = (x1: 1.0, x2: 10.0)
    public static let correlation = 0.3
    /// y = 1.5 x1 + 0.2 x2 + N(0, 0.5²), then centred with the features.
    public static let trueWeights = (w1: 1.5, w2: 0.2)
    public static let noiseStd = 0.5
    /// Converged: every weight within this fraction of its least-squares value.
    public static let tolerance = 0.01
    /// A run stops when every weight is within this fraction, or after `maxSteps`.
    public static let settled = 1e-4
    public static let maxSteps = 5000

    /// The run names.
    public static let runs = ["scaling/raw", "scaling/standardised"]

    /// The centred data: an n x 2 matrix of features and the targets.
    public static func data(seed: UInt64) throws -> (x: Matrix<Double>, y: [Double]) {
        var rng = SeededGenerator(seed: seed, stream: "scaling-data")
        var rows: [[Double]] = [], y: [Double] = []
        for _ in 0..<samples {
            let z1 = rng.nextNormal(), z2 = rng.nextNormal()
            let x1 = featureStd.x1 * z1
            let x2 = featureStd.x2 * (correlation * z1 + (1 - correlation * correlation).squareRoot() * z2)
            rows.append([x1, x2])
            y.append(trueWeights.w1 * x1 + trueWeights.w2 * x2 + noiseStd * rng.nextNormal())
        }
        let mean = [0, 1].map { j in rows.reduce(0) { $0 + $1[j] } / Double(samples) }, my = y.reduce(0, +) / Double(samples)
        let x = rows.flatMap { r in [r[0] - mean[0], r[1] - mean[1]] }
        return (try Matrix(rows: samples, cols: 2, x), y.map { $0 - my })
    }

    /// Mean squared error of ŷ = w1 x1 + w2 x2.
    static func loss(_ x: Matrix<Double>, _ y: [Double], _ w1: Double, _ w2: Double) -> Double {
        var s = 0.0
        for i in 0..<x.rows { let e = w1 * x[i, 0] + w2 * x[i, 1] - y[i]; s += e * e }
        return s / Double(x.rows)
    }

    /// XᵀX / n (2 x 2, row-major) and Xᵀy / n.
    static func moments(_ x: Matrix<Double>, _ y: [Double]) -> (a: [Double], c: [Double]) {
        var a = [0.0, 0, 0, 0], c = [0.0, 0]
        for i in 0..<x.rows {
            let u = x[i, 0], v = x[i, 1]
            a[0] += u * u; a[1] += u * v; a[3] += v * v; c[0] += u * y[i]; c[1] += v * y[i]
        }
        a[2] = a[1]
        return (a.map { $0 / Double(x.rows) }, c.map { $0 / Double(x.rows) })
    }

    /// The least-squares weights (normal equations) and the Hessian's eigenvalues (max, min).
    static func closedForm(_ x: Matrix<Double>, _ y: [Double]) -> (w: (Double, Double), lambda: (Double, Double)) {
        let (a, c) = moments(x, y)
        let det = a[0] * a[3] - a[1] * a[2]
        let w = ((a[3] * c[0] - a[1] * c[1]) / det, (a[0] * c[1] - a[2] * c[0]) / det)
        let mid = (a[0] + a[3]) / 2, r = (((a[0] - a[3]) / 2) * ((a[0] - a[3]) / 2) + a[1] * a[1]).squareRoot()
        return (w, (2 * (mid + r), 2 * (mid - r)))
    }

    /// Both runs' events.
    public static func events(seed: UInt64) throws -> [Event] {
        let (x, y) = try data(seed: seed)
        let std = (0..<2).map { j in ((0..<x.rows).reduce(0.0) { $0 + x[$1, j] * x[$1, j] } / Double(x.rows)).squareRoot() }
        var standardised = x
        for i in 0..<x.rows { for j in 0..<2 { standardised[i, j] = x[i, j] / std[j] } }
        return try run(runs[0], x, y, seed: seed) + run(runs[1], standardised, y, seed: seed)
    }

    /// `v` to `digits` significant digits (event files stay small; enough for the pictures and the criterion).
    static func significant(_ v: Double, _ digits: Int = 6) -> Double { PlaneMarks.significant(v, digits) }
}

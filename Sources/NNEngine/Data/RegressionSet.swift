/// A generated regression data set, for teaching regression nets without a download: Friedman's
/// first function (J. Friedman, "Multivariate adaptive regression splines", 1991; scikit-learn's
/// `make_friedman1`). Every feature is uniform on [0, 1]; the target is
///
///     y = 10 sin(π x₁ x₂) + 20 (x₃ − ½)² + 10 x₄ + 5 x₅ + noise · N(0, 1),
///
/// so only the first five features matter and the rest are noise the net must learn to ignore.
/// Every draw is seeded.
public struct RegressionSet: Sendable {
    /// The set's name in events and reports, e.g. `friedman1 (2000 samples, 10 features, noise 1)`.
    public var name: String
    /// One row of features per sample.
    public var x: Matrix<Float>
    /// One target per sample (a single column).
    public var y: Matrix<Float>

    /// Samples.
    public var count: Int { x.rows }

    /// Friedman #1 with `samples` rows, `features` ≥ 5 columns and Gaussian noise of std `noise`,
    /// drawn from `SeededGenerator(seed: seed, stream: "friedman1")`.
    public static func friedman1(samples: Int = 2000, features: Int = 10, noise: Double = 1, seed: UInt64) throws(ModelError) -> RegressionSet {
        guard samples > 0 else { throw .invalidSetting("a regression set needs samples, got \(samples)") }
        guard features >= 5 else { throw .invalidSetting("Friedman #1 needs at least 5 features, got \(features)") }
        var rng = SeededGenerator(seed: seed, stream: "friedman1")
        var xs = [Float](), ys = [Float]()
        xs.reserveCapacity(samples * features)
        for _ in 0..<samples {
            let row = (0..<features).map { _ in rng.nextUniform() }
            let target = 10 * _sin(Double.pi * row[0] * row[1]) + 20 * (row[2] - 0.5) * (row[2] - 0.5) + 10 * row[3] + 5 * row[4]
            xs += row.map { Float($0) }
            ys.append(Float(target + noise * rng.nextNormal()))
        }
        do {
            return RegressionSet(name: "friedman1 (\(samples) samples, \(features) features, noise \(noise.formatted))",
                                 x: try Matrix(rows: samples, cols: features, xs), y: try Matrix(rows: samples, cols: 1, ys))
        } catch { throw .shape(error) }
    }

    /// The samples at `indices`.
    public func subset(_ indices: some Collection<Int>) -> RegressionSet {
        RegressionSet(name: name, x: x.gatherRows(indices), y: y.gatherRows(indices))
    }

    /// Train / validation / test parts by fractions after a seeded shuffle (the samples are
    /// independent draws, so the shuffle only keeps the parts apart from the draw order).
    public func split(validation: Double, test: Double, seed: UInt64) throws(ModelError)
        -> (train: RegressionSet, validation: RegressionSet, test: RegressionSet) {
        guard validation >= 0, test >= 0, validation + test < 1 else {
            throw .invalidSetting("validation (\(validation)) and test (\(test)) fractions must be >= 0 and sum below 1")
        }
        var rng = SeededGenerator(seed: seed, stream: "regression-split")
        var order = Array(0..<count)
        order.shuffle(using: &rng)
        let nTest = Int((Double(count) * test).rounded()), nVal = Int((Double(count) * validation).rounded())
        let nTrain = count - nTest - nVal
        guard nTrain > 0 else { throw .invalidSetting("the split leaves no training samples") }
        return (subset(order.prefix(nTrain)), subset(order.dropFirst(nTrain).prefix(nVal)), subset(order.suffix(nTest)))
    }
}

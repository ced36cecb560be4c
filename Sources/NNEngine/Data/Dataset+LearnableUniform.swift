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

import XCTest
import NNEngine

/// The vectorised kernels against their element-by-element definitions, at lengths that
/// leave vector tails (1, 7, 9, 33, ...), for Float and Double.
final class MatrixKernelTests: XCTestCase {
    let shapes = [(1, 1), (1, 7), (3, 9), (5, 33), (128, 100), (17, 257)]

    func random<S: Real>(_ rows: Int, _ cols: Int, _ seed: UInt64, as: S.Type = S.self) -> Matrix<S> {
        var rng = SeededGenerator(seed: seed, stream: "kernel-tests")
        return .normal(rows: rows, cols: cols, using: &rng)
    }

    func checkKernels<S: Real>(_ type: S.Type) throws {
        for (k, (r, c)) in shapes.enumerated() {
            let x: Matrix<S> = random(r, c, UInt64(k))
            let g: Matrix<S> = random(r, c, UInt64(k + 100))
            let alpha: S = 0.1

            // axpy: y += a x
            var y = g
            y.add(x, times: -alpha)
            for i in 0..<x.count { XCTAssertEqual(y.storage[i], g.storage[i] + (-alpha) * x.storage[i], "axpy \(r)x\(c) [\(i)]") }

            // ReLU and leaky ReLU, forward and backward
            let relu = x.relu(), leaky = x.leakyRelu(alpha: alpha)
            let back = x.leakyReluBackward(g, alpha: alpha)
            for i in 0..<x.count {
                let v = x.storage[i]
                XCTAssertEqual(relu.storage[i], v > 0 ? v : 0)
                XCTAssertEqual(leaky.storage[i], v > 0 ? v : alpha * v)
                XCTAssertEqual(back.storage[i], v > 0 ? g.storage[i] : alpha * g.storage[i])
            }

            // Column sums: each column summed in row order, so equal to the sequential sum.
            let sums = x.columnSums()
            XCTAssertEqual(sums.shape, Shape(rows: 1, cols: c))
            for j in 0..<c {
                var s: S = 0
                for i in 0..<r { s += x[i, j] }
                XCTAssertEqual(sums[0, j], s, "column \(j) of \(r)x\(c)")
            }

            // Sum of squares in Double: equal to the sequential Double sum up to rounding.
            let sq = x.storage.reduce(0.0) { $0 + Double($1) * Double($1) }
            XCTAssertEqual(x.sumOfSquares(), sq, accuracy: 1e-12 * max(1, sq))

            // Bias add: setRows + accumulating product equals product + addRow.
            let w: Matrix<S> = random(c, 4, UInt64(k + 200))
            let b: Matrix<S> = random(1, 4, UInt64(k + 300))
            var plain = Matrix.product(x, w)
            plain.addRow(b)
            var fused = Matrix<S>(rows: 0, cols: 0)
            fused.setRows(repeating: b, count: r)
            Matrix.multiply(x, w, into: &fused, accumulating: true)
            for i in 0..<plain.count {
                XCTAssertEqual(Double(fused.storage[i]), Double(plain.storage[i]), accuracy: 1e-5 * max(1, abs(Double(plain.storage[i]))))
            }
        }
    }

    func testFloatKernelsMatchTheirDefinitions() throws { try checkKernels(Float.self) }
    func testDoubleKernelsMatchTheirDefinitions() throws { try checkKernels(Double.self) }

    func testGatherRowsCopiesTheRowsInOrder() throws {
        let x: Matrix<Float> = random(10, 7, 1)
        let idx = [3, 3, 9, 0]
        let b = x.gatherRows(idx)
        XCTAssertEqual(b.shape, Shape(rows: 4, cols: 7))
        for (r, i) in idx.enumerated() { XCTAssertEqual(b.row(r), x.row(i)) }
    }

    func testProductWithoutBiasReusesNoStaleValues() throws {
        // The output buffer is not zeroed before BLAS writes it (beta 0): a reused buffer
        // full of NaN must not leak into the product.
        let a = try Matrix<Double>([[1, 2], [3, 4]]), b = try Matrix<Double>([[5, 6], [7, 8]])
        var c = Matrix<Double>(rows: 2, cols: 2, repeating: .nan)
        Matrix.multiply(a, b, into: &c)
        XCTAssertEqual(c.nested, [[19, 22], [43, 50]])
    }

    func testLearnableUniformLabelsAreTheArgmaxOfTheCentredScores() throws {
        // The labels are formed as X M - 0.5 colsum(M); check against (X - 0.5) M in Double.
        let d = Dataset<Float>.learnableUniform(count: 500, features: 20, classes: 4, seed: 7)
        var rng = SeededGenerator(seed: 7, stream: "learnable-uniform")
        let x = Matrix<Float>.uniform(rows: 500, cols: 20, using: &rng)
        let m = Matrix<Float>.normal(rows: 20, cols: 4, using: &rng)
        XCTAssertEqual(d.x, x)
        var agree = 0
        for i in 0..<500 {
            let scores = (0..<4).map { j in (0..<20).reduce(0.0) { $0 + (Double(x[i, $1]) - 0.5) * Double(m[$1, j]) } }
            let best = scores.indices.max { scores[$0] < scores[$1] }!
            if best == d.labels[i] { agree += 1 }
        }
        XCTAssertGreaterThanOrEqual(agree, 499, "labels disagree with argmax((X - 0.5) M) beyond rounding ties")
        XCTAssertEqual(Set(d.labels).count, 4)
    }
}

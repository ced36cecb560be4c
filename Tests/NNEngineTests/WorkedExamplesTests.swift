import NNEngine
import XCTest

/// Every worked example of `shared/golden/worked-examples.md` (course notes), as numbers.
final class WorkedExamplesTests: XCTestCase {
    // §1 Perceptron logic gates with the notes' hand-set weights.
    func testHandSetGatesMatchTruthTables() {
        let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        let and = Perceptron(weights: [0.5, 0.5], bias: -0.7)
        let nand = Perceptron(weights: [-0.5, -0.5], bias: 0.7)
        let or = Perceptron(weights: [0.5, 0.5], bias: -0.4)
        XCTAssertEqual(inputs.map(and.predict), [0, 0, 0, 1])
        XCTAssertEqual(inputs.map(nand.predict), [1, 1, 1, 0])
        XCTAssertEqual(inputs.map(or.predict), [0, 1, 1, 1])
        let xor = inputs.map { and.predict([Double(nand.predict($0)), Double(or.predict($0))]) }
        XCTAssertEqual(xor, [0, 1, 1, 0])
    }

    // §2 Three-layer forward pass.
    func testThreeLayerForwardPass() throws {
        let model = try Sequential<Double>(inputFeatures: 2) {
            Dense(3, activation: .sigmoid)
            Dense(2, activation: .sigmoid)
            Dense(2)
        }
        let dense = model.layers.compactMap { $0 as? Dense<Double> }
        try dense[0].setWeights(Matrix([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), bias: Matrix(row: [0.1, 0.2, 0.3]))
        try dense[1].setWeights(Matrix([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]), bias: Matrix(row: [0.1, 0.2]))
        try dense[2].setWeights(Matrix([[0.1, 0.3], [0.2, 0.4]]), bias: Matrix(row: [0.1, 0.2]))
        let y = try model.forward(Matrix(row: [1.0, 0.5]), training: false)
        assertClose(try XCTUnwrap(dense[0].lastPreActivation).storage, [0.3, 0.7, 1.1])
        assertClose(dense[0].lastOutput!.storage, [0.5744425168, 0.6681877722, 0.7502601056])
        assertClose(dense[1].lastPreActivation!.storage, [0.5161598378, 1.2140269562])
        assertClose(dense[1].lastOutput!.storage, [0.6262493704, 0.7710106969])
        assertClose(y.storage, [0.3168270764, 0.6962790899])
    }

    // §3 Backprop by hand: 2-2-2 sigmoid net, no bias, E = ½ Σ (t - o)², lr 0.5.
    func testBackpropByHand() throws {
        let model = try Sequential<Double>(inputFeatures: 2) {
            Dense(2, activation: .sigmoid, useBias: false)
            Dense(2, activation: .sigmoid, useBias: false)
        }
        let dense = model.layers.compactMap { $0 as? Dense<Double> }
        // W is inputs x outputs: column j holds the weights into unit j.
        try dense[0].setWeights(Matrix([[0.3, 0.4], [0.25, 0.35]]))   // w1 w3 / w2 w4
        try dense[1].setWeights(Matrix([[0.45, 0.7], [0.4, 0.6]]))    // w5 w7 / w6 w8
        model.compile(loss: MeanSquaredError(.halfSum), optimizer: SGD(learningRate: 0.5))
        let x = Matrix(row: [0.1, 0.2])
        let t = Target.values(Matrix(row: [0.4, 0.6]))
        let (e, out) = try model.computeGradients(x, t)
        assertClose(dense[0].lastPreActivation!.storage, [0.08, 0.11], 1e-8)
        assertClose(dense[0].lastOutput!.storage, [0.51998934, 0.52747230], 1e-8)
        assertClose(out.storage, [0.60944600, 0.66384491], 1e-8)
        XCTAssertEqual(e, 0.02397190, accuracy: 1e-8)
        let g2 = dense[1].weight.gradient
        assertClose([g2[0, 0], g2[1, 0], g2[0, 1], g2[1, 1]], [0.02592286, 0.02629590, 0.00740844, 0.00751506], 1e-8)
        let g1 = dense[0].weight.gradient
        assertClose([g1[0, 0], g1[1, 0], g1[0, 1], g1[1, 1]], [0.00080888, 0.00161775, 0.00071009, 0.00142017], 1e-8)
        _ = try model.trainStep(x, t)
        let w2 = dense[1].weight.value, w1 = dense[0].weight.value
        XCTAssertEqual(w2[0, 0], 0.43703857, accuracy: 1e-8)
        assertClose([w1[0, 0], w1[1, 0], w1[0, 1], w1[1, 1]], [0.29959556, 0.24919112, 0.39964496, 0.34928991], 1e-8)
    }

    // §4 Computational graphs.
    func testApplesGraph() {
        var mulApple = MultiplyNode(), mulTax = MultiplyNode()
        let total = mulTax.forward(mulApple.forward(100, 2), 1.1)
        XCTAssertEqual(total, 220, accuracy: 1e-9)
        let (dApplePrice, dTax) = mulTax.backward(1)
        let (dApple, dCount) = mulApple.backward(dApplePrice)
        XCTAssertEqual(dApple, 2.2, accuracy: 1e-9)
        XCTAssertEqual(dCount, 110, accuracy: 1e-9)
        XCTAssertEqual(dTax, 200, accuracy: 1e-9)
    }

    func testApplesAndMandarinsGraph() {
        var mulApple = MultiplyNode(), mulMandarin = MultiplyNode(), mulTax = MultiplyNode()
        let add = AddNode()
        let price = mulTax.forward(add.forward(mulApple.forward(100, 2), mulMandarin.forward(150, 3)), 1.1)
        XCTAssertEqual(price, 715, accuracy: 1e-9)
        let (dSum, dTax) = mulTax.backward(1)
        let (dA, dM) = add.backward(dSum)
        XCTAssertEqual(mulApple.backward(dA).dx, 2.2, accuracy: 1e-9)
        XCTAssertEqual(mulMandarin.backward(dM).dx, 3.3, accuracy: 1e-9)
        XCTAssertEqual(dTax, 650, accuracy: 1e-9)
    }

    func testSumTimesSumGraph() {
        // e = (a + b)(b + 1) at a = 2, b = 1; b feeds two branches, so its gradients add.
        let add1 = AddNode(), add2 = AddNode()
        var mul = MultiplyNode()
        let e = mul.forward(add1.forward(2, 1), add2.forward(1, 1))
        XCTAssertEqual(e, 6)
        let (dc, dd) = mul.backward(1)
        let (da, db1) = add1.backward(dc)
        let (db2, _) = add2.backward(dd)
        XCTAssertEqual(da, 2)
        XCTAssertEqual(db1 + db2, 5)
    }

    func testSquareOfSumGraph() {
        // z = t², t = x + y: dz/dx = 2(x + y), via a multiply node fed t twice.
        for (x, y) in [(1.0, 2.0), (-3.0, 0.5)] {
            var sq = MultiplyNode()
            let t = AddNode().forward(x, y)
            _ = sq.forward(t, t)
            let (d1, d2) = sq.backward(1)
            XCTAssertEqual(AddNode().backward(d1 + d2).dx, 2 * (x + y), accuracy: 1e-12)
        }
    }

    // §5 Softmax must not overflow for large logits.
    func testSoftmaxLargeLogits() throws {
        let y = Activation.softmax.forward(Matrix<Double>(row: [1010, 1000, 990]))
        assertClose(y.storage, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], 1e-9)
        let yf = Activation.softmax.forward(Matrix<Float>(row: [1010, 1000, 990]))
        XCTAssertTrue(yf.allFinite())
        XCTAssertEqual(Double(yf.storage[0]), 0.9999546, accuracy: 1e-6)
    }
}

func assertClose(_ a: [Double], _ b: [Double], _ tol: Double = 1e-6, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "counts differ", file: file, line: line)
    for (i, (x, y)) in zip(a, b).enumerated() {
        XCTAssertEqual(x, y, accuracy: tol, "element \(i)", file: file, line: line)
    }
}

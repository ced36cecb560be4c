import NNEngine
import XCTest

/// Backprop against central differences in Float64, for every differentiable layer and loss.
final class GradientCheckTests: XCTestCase {
    func data(_ n: Int, _ d: Int, seed: UInt64) -> Matrix<Double> {
        var rng = SeededGenerator(seed: seed)
        return .normal(rows: n, cols: d, using: &rng)
    }

    func check(_ model: Sequential<Double>, _ loss: any Loss<Double>, _ x: Matrix<Double>, _ y: Target<Double>,
               file: StaticString = #filePath, line: UInt = #line) throws {
        model.compile(loss: loss, optimizer: SGD())
        let results = try gradientCheck(model, x: x, y: y)
        XCTAssertFalse(results.isEmpty, file: file, line: line)
        for r in results {
            XCTAssertGreaterThan(r.gradientNorm, 0, "\(r.parameter) has a zero gradient: the check would be vacuous", file: file, line: line)
            XCTAssertLessThan(r.relativeError, 1e-6, "\(r.parameter)", file: file, line: line)
        }
    }

    func testEveryActivationThroughDense() throws {
        let x = data(6, 4, seed: 1)
        for act in [Activation.identity, .sigmoid, .tanh, .relu, .leakyRelu(alpha: 0.1), .softmax] {
            let model = try Sequential<Double>(inputFeatures: 4, seed: 2) {
                Dense(5, activation: act, initializer: .bookHe)
                Dense(3)
            }
            try check(model, SoftmaxCrossEntropy(), x, .classes([0, 1, 2, 0, 1, 2]))
        }
    }

    func testActivationLayersBatchNormDropoutFlatten() throws {
        let x = data(8, 5, seed: 3)
        let model = try Sequential<Double>(inputFeatures: 5, seed: 4) {
            Flatten()
            Dense(6, initializer: .glorotNormal, useBias: false)   // batch norm cancels a bias
            BatchNorm()
            Activate(.tanh)
            Dropout(rate: 0.3)
            Dense(4, activation: .sigmoid, initializer: .glorotUniform)
            Activate(.leakyRelu(alpha: 0.2))
            Dense(3, initializer: .heUniform)
        }
        try check(model, SoftmaxCrossEntropy(), x, .classes([0, 1, 2, 2, 1, 0, 0, 1]))
    }

    func testLosses() throws {
        let x = data(5, 3, seed: 5)
        let y = data(5, 2, seed: 6)
        func model() throws -> Sequential<Double> {
            try Sequential<Double>(inputFeatures: 3, seed: 7) { Dense(4, activation: .tanh); Dense(2) }
        }
        try check(model(), MeanSquaredError(.mean), x, .values(y))
        try check(model(), MeanSquaredError(.halfSum), x, .values(y))
        try check(model(), SoftmaxCrossEntropy(), x, .values(Target<Double>.classes([0, 1, 1, 0, 1]).oneHot(width: 2)))
        try check(model(), BinaryCrossEntropy(fromLogits: true), x, .values(try Matrix(rows: 5, cols: 2, [1, 0, 0, 1, 1, 1, 0, 0, 1, 0])))
        let sigmoidModel = try Sequential<Double>(inputFeatures: 3, seed: 8) { Dense(4, activation: .tanh); Dense(1, activation: .sigmoid) }
        try check(sigmoidModel, BinaryCrossEntropy(), x, .values(try Matrix(rows: 5, cols: 1, [1, 0, 0, 1, 1])))
    }

    func testWeightDecayGradient() throws {
        let model = try Sequential<Double>(inputFeatures: 3, seed: 9) { Dense(4, activation: .sigmoid); Dense(2) }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(), weightDecay: 0.1)
        for r in try gradientCheck(model, x: data(4, 3, seed: 10), y: .classes([0, 1, 1, 0])) {
            XCTAssertLessThan(r.relativeError, 1e-6, r.parameter)
        }
    }

    func testCheckDetectsAWrongGradient() throws {
        // The oracle must be able to fail: a loss whose gradient is off by 10 % is caught.
        struct WrongMSE: Loss {
            var name: String { "wrong" }
            func evaluate(_ o: Matrix<Double>, _ t: Target<Double>) throws(ShapeError) -> (value: Double, gradient: Matrix<Double>) {
                let r = try MeanSquaredError<Double>().evaluate(o, t)
                return (r.value, r.gradient.scaled(by: 1.1))
            }
        }
        let model = try Sequential<Double>(inputFeatures: 2, seed: 1) { Dense(2) }
        model.compile(loss: WrongMSE(), optimizer: SGD())
        let r = try gradientCheck(model, x: data(3, 2, seed: 2), y: .values(data(3, 2, seed: 3)))
        XCTAssertGreaterThan(r.map(\.relativeError).max() ?? 0, 1e-2)
    }
}

import NNEngine
import NNTestSupport
import XCTest

/// W4 of the peer benchmarks: 30 steps on f(x, y) = x²/20 + y² from (-7, 2), compared with
/// numpy's float64 paths point for point.
final class OptimizerTrajectoryTests: XCTestCase {
    func path(_ optimizer: any Optimizer<Double>, steps: Int = 30) -> [[Double]] {
        let p = Parameter<Double>(name: "p", role: "W", value: Matrix(row: [-7, 2]), decays: false)
        var points = [p.value.storage]
        for _ in 0..<steps {
            let (x, y) = (p.value.storage[0], p.value.storage[1])
            p.gradient = Matrix(row: [x / 10, 2 * y])
            optimizer.update([p])
            points.append(p.value.storage)
        }
        return points
    }

    func testMatchesPeerOracleTo1e9() throws {
        let oracle = try XCTUnwrap(Fixtures.json("w4_trajectories.json") as? [String: [[Double]]])
        let ours: [String: any Optimizer<Double>] = [
            "SGD": SGD(learningRate: 0.95), "Momentum": Momentum(learningRate: 0.1, momentum: 0.9),
            "AdaGrad": AdaGrad(learningRate: 1.5), "Adam": Adam(learningRate: 0.3, beta1: 0.9, beta2: 0.999),
        ]
        XCTAssertEqual(Set(oracle.keys), Set(ours.keys))
        for (name, optimizer) in ours {
            let expected = try XCTUnwrap(oracle[name])
            let got = path(optimizer)
            XCTAssertEqual(got.count, 31)
            for (k, (a, b)) in zip(got, expected).enumerated() {
                XCTAssertEqual(a[0], b[0], accuracy: 1e-9, "\(name) point \(k) x")
                XCTAssertEqual(a[1], b[1], accuracy: 1e-9, "\(name) point \(k) y")
            }
        }
    }

    func testNesterovIsMomentumWithLookAheadGradient() {
        // Closed form: Nesterov with the gradient at w + μv, written in v-w form:
        // v' = μ v - lr ∇f(w + μ v); w' = w + v'. The book's update is the same sequence in the
        // shifted variable w̃ = w + μ v; compare on a 1-D quadratic f = a w²/2.
        let a = 0.8, lr = 0.1, mu = 0.9
        var w = 3.0, v = 0.0
        let p = Parameter<Double>(name: "p", role: "W", value: Matrix(row: [3.0]), decays: false)
        let nesterov = Nesterov<Double>(learningRate: lr, momentum: mu)
        for _ in 0..<20 {
            v = mu * v - lr * a * (w + mu * v)
            w += v
            p.gradient = Matrix(row: [a * p.value.storage[0]])
            nesterov.update([p])
            XCTAssertEqual(p.value.storage[0], w + mu * v, accuracy: 1e-12)
        }
    }

    func testRMSPropClosedFormFirstStep() {
        // h = (1 - ρ) g²; step = lr g / (sqrt(h) + ε) = lr / sqrt(1 - ρ) for g > 0.
        let p = Parameter<Double>(name: "p", role: "W", value: Matrix(row: [1.0]), decays: false)
        p.gradient = Matrix(row: [0.5])
        RMSProp<Double>(learningRate: 0.01, decay: 0.99, epsilon: 0).update([p])
        XCTAssertEqual(p.value.storage[0], 1 - 0.01 / 0.1, accuracy: 1e-12)
    }

    func testWeightDecayAddsLambdaW() throws {
        // One SGD step on a zero loss gradient: W ← W - lr λ W.
        let model = try Sequential<Double>(inputFeatures: 1, seed: 3) { Dense(1, initializer: .constant(2), useBias: false) }
        model.compile(loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.1), weightDecay: 0.5)
        let r = try model.trainStep(Matrix(row: [0.0]), .values(Matrix(row: [0.0])))
        XCTAssertEqual(r.loss, 0.5 * 0.5 * 4, accuracy: 1e-12)   // λ/2 W²
        XCTAssertEqual(model.weights[0].storage[0], 2 - 0.1 * 0.5 * 2, accuracy: 1e-12)
    }
}

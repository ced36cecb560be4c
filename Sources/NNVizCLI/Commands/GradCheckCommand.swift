import ArgumentParser
import Foundation
import NNEngine

/// `nnviz gradcheck`: backprop against central differences for a small net of every layer type.
struct GradCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradcheck",
        abstract: "Compare backprop with numerical gradients (Float64) for every layer type.",
        discussion: """
        Prints each parameter's relative error
          ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖)
        for a small net of every layer type, and for each loss; below the tolerance
        passes (exit 0).

        Examples:
          nnviz gradcheck
          nnviz gradcheck --epsilon 1e-4 --seed 3
        """
    )

    @Option(help: "Central-difference step.") var epsilon = 1e-5
    @Option(help: "Seed for the weights and data.") var seed: UInt64 = 1
    @Option(help: "Largest relative error that passes.") var tolerance = 1e-6

    func run() throws {
        var rng = SeededGenerator(seed: seed, stream: "gradcheck-data")
        let x = Matrix<Double>.normal(rows: 8, cols: 5, using: &rng)
        let labels = (0..<8).map { $0 % 3 }
        let model = try Sequential<Double>(inputFeatures: 5, seed: seed) {
            Flatten()
            Dense(6, activation: .tanh, initializer: .glorotNormal, useBias: false)
            BatchNorm()
            Activate(.sigmoid)
            Dropout(rate: 0.25)
            Dense(5, activation: .leakyRelu(alpha: 0.1), initializer: .bookHe)
            Dense(4, activation: .relu, initializer: .heUniform)
            Dense(4, activation: .softmax, initializer: .glorotUniform)
            Dense(3)
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(), weightDecay: 0.01)
        print(model.summary)
        print("loss: softmax cross-entropy + L2 0.01; epsilon \(epsilon)\n")
        print("parameter".padding(toLength: 26, withPad: " ", startingAt: 0) + "relative error   max |abs error|   ‖grad‖")
        var worst = 0.0
        for r in try gradientCheck(model, x: x, y: .classes(labels), epsilon: epsilon) {
            worst = max(worst, r.relativeError)
            print(r.parameter.padding(toLength: 26, withPad: " ", startingAt: 0)
                  + String(format: "%-16.3e %-17.3e %.3e", r.relativeError, r.maxAbsoluteError, r.gradientNorm))
        }
        // The losses are checked on their own small nets.
        for (name, loss, target) in [
            ("mse", MeanSquaredError<Double>() as any Loss<Double>, Target<Double>.values(.normal(rows: 8, cols: 3, using: &rng))),
            ("binary_cross_entropy", BinaryCrossEntropy<Double>(fromLogits: true), .values(Target<Double>.classes(labels.map { $0 % 2 }).oneHot(width: 3))),
        ] {
            let net = try Sequential<Double>(inputFeatures: 5, seed: seed) { Dense(4, activation: .tanh); Dense(3) }
            net.compile(loss: loss, optimizer: SGD())
            let e = try gradientCheck(net, x: x, y: target, epsilon: epsilon).map(\.relativeError).max() ?? 0
            worst = max(worst, e)
            print("loss \(name)".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%-16.3e (largest over its net)", e))
        }
        print("\nlargest relative error \(String(format: "%.3e", worst)): \(worst < tolerance ? "PASS" : "FAIL") (tolerance \(tolerance))")
        if worst >= tolerance { throw ExitCode(1) }
    }
}

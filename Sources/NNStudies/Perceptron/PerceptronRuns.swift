import Foundation
import NNEngine
import NNEvents

/// The perceptron study's computations, as events: Rosenblatt's rule (the engine's
/// ``Perceptron``) on the AND, OR, NAND and XOR truth tables, one run per gate.
///
/// Scalars of a gate run, with `step` = the number of passes over the four inputs made so far
/// (0 = before training): `perceptron/w1`, `perceptron/w2`, `perceptron/b` (the weights after
/// that pass), `perceptron/mistakes` (wrong outputs met during that pass, each followed by an
/// update); `notes/w1`, `notes/w2`,
/// `notes/b` at step 0 are the course notes' hand-set weights. A `points` event holds the truth table.
public enum PerceptronRuns {
    /// The gates, in the order of the report.
    public static let gates: [LogicGate] = [.and, .or, .nand, .xor]
    /// The notes' hand-set (w1, w2, b) (`shared/golden/worked-examples.md` §1); XOR has none.
    public static let notes: [LogicGate: (w1: Double, w2: Double, b: Double)] = [
        .and: (0.5, 0.5, -0.7), .nand: (-0.5, -0.5, 0.7), .or: (0.5, 0.5, -0.4),
    ]
    /// The perceptron rule's learning rate (the engine's default).
    public static let learningRate = 0.1
    /// Passes tried before giving up (XOR never stops earlier).
    public static let maxEpochs = 50
    /// Initial weights and bias are drawn uniformly from ±this.
    public static let initialRange = 0.5
    /// The four inputs, in the notes' order (0,0), (0,1), (1,0), (1,1).
    public static let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]

    /// The gate's display name (AND, OR, NAND, XOR).
    public static func name(_ g: LogicGate) -> String { g.rawValue.uppercased() }

    /// The run name of a gate.
    public static func run(_ g: LogicGate) -> String { "perceptron/\(name(g))" }

    /// The gate's start: (w1, w2, b) drawn from the seed.
    static func start(_ g: LogicGate, seed: UInt64) -> Perceptron {
        var rng = SeededGenerator(seed: seed, stream: "perceptron-\(g.rawValue)")
        let draw = { (rng: inout SeededGenerator) in (2 * rng.nextUniform() - 1) * initialRange }
        let w1 = draw(&rng), w2 = draw(&rng), b = draw(&rng)
        return Perceptron(weights: [w1, w2], bias: b)
    }

    /// One gate learned with the perceptron rule, recorded pass by pass.
    public static func events(_ g: LogicGate, seed: UInt64) -> [Event] {
        let run = run(g), targets = g.outputs
        var p = start(g, seed: seed)
        var out: [Event] = [
            .runStart(RunStart(run: run, study: "perceptron-gates", seed: seed,
                               layers: [LayerInfo(name: "perceptron", kind: "dense", inputs: 2, outputs: 1, activation: "step",
                                                  initializer: "uniform(\(initialRange))", parameters: 3)],
                               parameterCount: 3, optimizer: "perceptron_rule", optimizerSettings: ["learning_rate": learningRate],
                               loss: "mistakes", dataset: "\(name(g)) truth table", splits: ["train": 4], batchSize: 1,
                               producer: "nnviz \(NNVizVersion.string)", label: name(g))),
            .points(PointSet(run: run, name: "truth_table", x: inputs.map { $0[0] }, y: inputs.map { $0[1] }, labels: targets)),
        ]
        if let n = notes[g] {
            for (k, v) in [("w1", n.w1), ("w2", n.w2), ("b", n.b)] { out.append(.scalar(ScalarEvent(run: run, name: "notes/\(k)", step: 0, value: v))) }
        }
        func weights(_ step: Int, epoch: Int?) {
            for (k, v) in [("w1", p.weights[0]), ("w2", p.weights[1]), ("b", p.bias)] {
                // Ten significant digits: the sums of ±0.1 steps lose their float noise (0.217, not 0.21700000000000003).
                out.append(.scalar(ScalarEvent(run: run, name: "perceptron/\(k)", step: step, epoch: epoch, value: PlaneMarks.significant(v, 10))))
            }
        }
        weights(0, epoch: nil)
        var epochs = 0, clean = false
        while epochs < maxEpochs && !clean {
            var mistakes = 0
            for (x, t) in zip(inputs, targets) {
                if p.predict(x) != t { mistakes += 1 }
                // The engine's rule, one sample at a time: w ← w + lr (t − y) x, b ← b + lr (t − y).
                p.train(inputs: [x], targets: [t], learningRate: learningRate, epochs: 1)
            }
            epochs += 1
            clean = mistakes == 0
            weights(epochs, epoch: epochs - 1)
            out.append(.scalar(ScalarEvent(run: run, name: "perceptron/mistakes", step: epochs, epoch: epochs - 1, value: Double(mistakes))))
        }
        out.append(.runEnd(clean ? RunEnd(run: run, status: "stopped_early", step: epochs, epoch: epochs - 1, reason: "a pass without mistakes")
                                 : RunEnd(run: run, status: "completed", step: epochs, epoch: epochs - 1)))
        return out
    }

    /// The outputs (for the inputs in order) of a step unit with these weights.
    public static func truthTable(w1: Double, w2: Double, b: Double) -> [Int] {
        let p = Perceptron(weights: [w1, w2], bias: b)
        return inputs.map { p.predict($0) }
    }

    /// A name for a two-input boolean function given by its outputs on (0,0), (0,1), (1,0), (1,1).
    public static func gateName(_ outputs: [Int], a: String = "x₁", b: String = "x₂") -> String {
        switch outputs {
        case [0, 0, 0, 1]: "AND"
        case [0, 1, 1, 1]: "OR"
        case [1, 1, 1, 0]: "NAND"
        case [1, 0, 0, 0]: "NOR"
        case [0, 1, 1, 0]: "XOR"
        case [1, 0, 0, 1]: "XNOR"
        case [0, 0, 1, 1]: a
        case [0, 1, 0, 1]: b
        case [1, 1, 0, 0]: "NOT \(a)"
        case [1, 0, 1, 0]: "NOT \(b)"
        case [0, 0, 1, 0]: "\(a) AND NOT \(b)"
        case [0, 1, 0, 0]: "\(b) AND NOT \(a)"
        case [1, 1, 0, 1]: "NOT \(a) OR \(b)"
        case [1, 0, 1, 1]: "\(a) OR NOT \(b)"
        case [0, 0, 0, 0]: "always 0"
        default: "always 1"
        }
    }
}

import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// A 2-2-1 sigmoid net (the engine's ``Sequential``) trained on the four XOR inputs with
/// binary cross-entropy, full batch. A 2-2-1 net can settle in a local minimum from some
/// starts; up to `attempts` starts are tried (each from its own stream of the seed) and every
/// attempt made is recorded as a run, so the report shows failures too.
///
/// Besides the training events, each run has: `final/<unit>_<w1|w2|b>` scalars (the hidden
/// units `h1`, `h2` and the output unit `out` after training), a `points` event `hidden` (each
/// input's two hidden activations, labelled with its XOR value), the truth table as `points`
/// `truth_table`, and a `surface` `output` (the net's output on a grid over [−0.5, 1.5]²).
public enum XORNet {
    /// Passes over the four inputs (one step each).
    public static let epochs = 1000
    /// Momentum SGD (μ 0.9) with this learning rate.
    public static let learningRate = 0.5
    /// Initial weights N(0, 1²) (Glorot's scale is too small for a reliable 2-2-1 XOR).
    public static let initializer = Initializer.normal(std: 1)
    /// Starts tried at most.
    public static let attempts = 5
    /// The grid of the decision-region surface.
    static let gridSize = 61
    static let view = -0.5...1.5

    /// The run name of attempt `k` (from 1).
    public static func run(_ k: Int) -> String { "perceptron/xor-net-attempt-\(k)" }

    /// The attempts, stopping at the first that classifies all four inputs.
    public static func events(seed: UInt64) throws -> [Event] {
        var out: [Event] = []
        for k in 1...attempts {
            let (events, solved) = try attempt(k, seed: seed)
            out += events
            if solved { break }
        }
        return out
    }

    static func attempt(_ k: Int, seed: UInt64) throws -> ([Event], Bool) {
        var draw = SeededGenerator(seed: seed, stream: "xor-net-\(k)")
        let model = try Sequential<Double>(inputFeatures: 2, seed: draw.next()) {
            Dense(2, activation: .sigmoid, initializer: initializer, name: "hidden")
            Dense(1, activation: .sigmoid, initializer: initializer, name: "output")
        }
        model.compile(loss: BinaryCrossEntropy(), optimizer: Momentum(learningRate: learningRate, momentum: 0.9), metrics: [.accuracy])
        let x = try Matrix<Double>(PerceptronRuns.inputs)
        let targets = LogicGate.xor.outputs
        let y = Target<Double>.values(try Matrix(rows: 4, cols: 1, targets.map(Double.init)))
        let memory = MemorySink()
        var plan = RecordingPlan(statsEvery: 333, histogramsEvery: 0)
        plan.statsQuantities = [.activation, .weightGradient]
        let run = run(k)
        let recorder = EventRecorder<Double>(run: run, plan: plan, sinks: [memory], asynchronous: false)
        // The run's seed is the study's: the model's own seed is drawn from it (stream xor-net-k).
        recorder.start(model: model, study: "perceptron-xor-net", dataset: "XOR truth table", splits: ["train": 4], batchSize: 4,
                       seed: seed, producer: "nnviz \(NNVizVersion.string)", label: "2-2-1 sigmoid, attempt \(k)")
        for step in 0..<epochs {
            // Every 20th step is recorded (batch loss; statistics at steps 0, 333, 666, 999): the run stays small.
            let observed = step % 20 == 0 || step == epochs - 1
            _ = try model.trainStep(x, y, epoch: step, observers: observed ? [recorder] : [])
        }
        let logs = try model.evaluate(x, y)
        recorder.epochEnded(epochs - 1, logs: logs)
        let hidden = try model.layers[0].forward(x, training: false)
        recorder.emit(.points(PointSet(run: run, name: "truth_table", x: [0, 0, 1, 1], y: [0, 1, 0, 1], labels: targets)))
        recorder.emit(.points(PointSet(run: run, name: "hidden", x: (0..<4).map { hidden[$0, 0] }, y: (0..<4).map { hidden[$0, 1] },
                                       labels: targets)))
        for e in try finalWeights(model, run: run, step: epochs - 1) { recorder.emit(e) }
        recorder.emit(.surface(try surface(model, run: run)))
        recorder.finish(.completed(epochs: epochs))
        if let e = recorder.error { throw e }
        return (memory.events, (logs["accuracy"] ?? 0) == 1)
    }

    /// `final/h1_w1` … `final/out_b`: every weight after training.
    static func finalWeights(_ model: Sequential<Double>, run: String, step: Int) throws -> [Event] {
        guard let h = model.layers[0] as? Dense<Double>, let o = model.layers[1] as? Dense<Double>,
              let hb = h.bias?.value, let ob = o.bias?.value else { return [] }
        let w = h.weight.value, v = o.weight.value
        let values: [(String, Double)] = [("h1_w1", w[0, 0]), ("h1_w2", w[1, 0]), ("h1_b", hb[0, 0]),
                                          ("h2_w1", w[0, 1]), ("h2_w2", w[1, 1]), ("h2_b", hb[0, 1]),
                                          ("out_w1", v[0, 0]), ("out_w2", v[1, 0]), ("out_b", ob[0, 0])]
        return values.map { .scalar(ScalarEvent(run: run, name: "final/\($0.0)", step: step, value: $0.1)) }
    }

    /// The net's output on a grid over the view (rounded to 2 decimals: enough for the colours).
    static func surface(_ model: Sequential<Double>, run: String) throws -> Surface {
        let g = PlaneMarks.grid(view, gridSize)
        let pts = try Matrix(rows: g.count * g.count, cols: 2, g.flatMap { y in g.flatMap { x in [x, y] } })
        let p = try model.predict(pts)
        let values = (0..<g.count).map { j in (0..<g.count).map { i in PlaneMarks.rounded(p[j * g.count + i, 0], 2) } }
        return Surface(run: run, name: "output", x: g, y: g, values: values, xLabel: "x₁", yLabel: "x₂")
    }
}

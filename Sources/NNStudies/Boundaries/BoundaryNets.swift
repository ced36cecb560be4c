import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// The boundaries study's computations: TF-Playground-style 2-D sets and small nets trained on
/// them (the engine's ``Sequential``), recorded as events.
///
/// Per data set, a run `boundaries-data/<set>` (study `boundaries-data`) holds its `train` and
/// `test` points. Per net, a run `boundaries/<set>/<net>` (study `boundaries`) holds the training
/// events (batch loss every 25th step, activation statistics at the first and the last step,
/// held-out loss and accuracy every 100 steps as `val/*`, accuracy on the training points at
/// the end as `train/accuracy`) and a `surface` `p_class1_percent`: the net's probability of
/// class 1 in per cent to 2 decimals (the files stay small; a nearly flat surface, as a net
/// without hidden layers draws on circle, still places its P = 50 % line to a fraction of a
/// cell), on a grid over a square around the data.
public enum BoundaryNets {
    /// One net of the comparison.
    public struct Net: Sendable {
        /// Its part of the run name, e.g. `relu-2`.
        public var name: String
        /// Hidden layers of `width` units.
        public var depth: Int
        public var activation: Activation
        /// Its legend label.
        public var label: String
    }

    /// The data sets, in the order of the report.
    public static let sets: [SyntheticSet] = [.circle, .xor, .gauss, .spiral, .moons]
    /// Units per hidden layer.
    public static let width = 8
    /// Depth 0–3 with ReLU, then linear, sigmoid and tanh units at depth 2 (ReLU at depth 2 is in both rows).
    public static let nets: [Net] = [
        Net(name: "depth-0", depth: 0, activation: .identity, label: "no hidden layer"),
        Net(name: "relu-1", depth: 1, activation: .relu, label: "1 hidden layer, ReLU"),
        Net(name: "relu-2", depth: 2, activation: .relu, label: "2 hidden layers, ReLU"),
        Net(name: "relu-3", depth: 3, activation: .relu, label: "3 hidden layers, ReLU"),
        Net(name: "linear-2", depth: 2, activation: .identity, label: "2 hidden layers, linear"),
        Net(name: "sigmoid-2", depth: 2, activation: .sigmoid, label: "2 hidden layers, sigmoid"),
        Net(name: "tanh-2", depth: 2, activation: .tanh, label: "2 hidden layers, tanh"),
    ]
    /// Points per set (two thirds for training, one third held out).
    public static let count = 300
    public static let testFraction = 1.0 / 3
    /// The Playground's noise slider as a fraction.
    public static let noise = 0.1
    /// Full-batch Adam steps and learning rate.
    public static let steps = 300
    public static let learningRate = 0.03
    /// Grid of the decision-region surface (per axis).
    static let gridSize = 37

    /// The run names.
    public static func dataRun(_ set: SyntheticSet) -> String { "boundaries-data/\(set.rawValue)" }
    public static func run(_ set: SyntheticSet, _ net: Net) -> String { "boundaries/\(set.rawValue)/\(net.name)" }

    /// A set's training and held-out points (seeded).
    public static func data(_ set: SyntheticSet, seed: UInt64) throws -> (train: Dataset<Double>, test: Dataset<Double>) {
        let all = try set.generate(count: count, noise: noise, seed: seed, as: Double.self).shuffled(seed: seed)
        let (train, _, test) = try all.split(validation: 0, test: testFraction)
        return (train, test)
    }

    /// Every data run and net run, the nets trained side by side on `width` threads.
    public static func events(seed: UInt64, threads: Int = 2) throws -> [Event] {
        let splits = try sets.map { try data($0, seed: seed) }
        var out: [Event] = []
        for (set, d) in zip(sets, splits) { out += dataEvents(set, d, seed: seed) }
        let jobs = sets.indices.flatMap { s in nets.map { (s, $0) } }
        let results = try runSideBySide(jobs.count, width: threads) { k in
            let (s, net) = jobs[k]
            return try train(net, on: sets[s], splits[s], seed: seed)
        }
        return out + results.flatMap { $0 }
    }

    static func dataEvents(_ set: SyntheticSet, _ d: (train: Dataset<Double>, test: Dataset<Double>), seed: UInt64) -> [Event] {
        let run = dataRun(set)
        func points(_ name: String, _ s: Dataset<Double>) -> Event {
            .points(PointSet(run: run, name: name, x: (0..<s.count).map { PlaneMarks.rounded(s.x[$0, 0], 4) },
                             y: (0..<s.count).map { PlaneMarks.rounded(s.x[$0, 1], 4) }, labels: s.labels))
        }
        return [.runStart(RunStart(run: run, study: "boundaries-data", seed: seed, layers: [], parameterCount: 0, optimizer: "", optimizerSettings: [:],
                                   loss: "", dataset: "\(set.rawValue) (noise \(noise))", splits: ["train": d.train.count, "test": d.test.count],
                                   batchSize: 0, producer: "nnviz \(NNVizVersion.string)", label: set.rawValue)),
                points("train", d.train), points("test", d.test),
                .runEnd(RunEnd(run: run, status: "completed", step: 0))]
    }

    /// One net trained full-batch on one set, recorded.
    static func train(_ net: Net, on set: SyntheticSet, _ d: (train: Dataset<Double>, test: Dataset<Double>), seed: UInt64) throws -> [Event] {
        let model = try Sequential<Double>(inputFeatures: 2, seed: seed) {
            for _ in 0..<net.depth { Dense(width, activation: net.activation) }
            Dense(2)
        }
        // No accuracy metric: it would add a batch accuracy to every recorded step; accuracies are computed below.
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: Adam(learningRate: learningRate))
        let memory = MemorySink()
        // Activation statistics at the first and the last step (dead units, saturation): enough for the diagnoses that matter here.
        var plan = RecordingPlan(statsEvery: steps - 1, histogramsEvery: 0)
        plan.statsQuantities = [.activation]
        let run = run(set, net)
        let recorder = EventRecorder<Double>(run: run, plan: plan, sinks: [memory], asynchronous: false)
        recorder.start(model: model, study: "boundaries", dataset: "\(set.rawValue) (noise \(noise))",
                       splits: ["train": d.train.count, "test": d.test.count], batchSize: d.train.count,
                       producer: "nnviz \(NNVizVersion.string)", label: net.label)
        for step in 0..<steps {
            let last = step == steps - 1
            _ = try model.trainStep(d.train.x, d.train.target, epoch: step, observers: step % 25 == 0 || last ? [recorder] : [])
            if (step + 1) % 100 == 0 || last {
                let loss = try model.evaluate(d.test.x, d.test.target)["loss"] ?? .nan
                recorder.emit(.scalar(ScalarEvent(run: run, name: "val/accuracy", step: step, value: try accuracy(model, d.test))))
                recorder.emit(.scalar(ScalarEvent(run: run, name: "val/loss", step: step, value: loss)))
            }
        }
        recorder.emit(.scalar(ScalarEvent(run: run, name: "train/accuracy", step: steps - 1, value: try accuracy(model, d.train))))
        recorder.emit(.surface(try surface(model, d, run: run)))
        recorder.finish(.completed(epochs: steps))
        if let e = recorder.error { throw e }
        return memory.events
    }

    /// The fraction of `d`'s points the model classifies correctly.
    static func accuracy(_ model: Sequential<Double>, _ d: Dataset<Double>) throws -> Double {
        let predicted = try model.predictClasses(d.x)
        return Double(zip(predicted, d.labels).filter { $0 == $1 }.count) / Double(max(d.count, 1))
    }

    /// The view of a set: a square around its points (padded), so that every panel has the same shape.
    static func view(_ d: (train: Dataset<Double>, test: Dataset<Double>)) -> (ClosedRange<Double>, ClosedRange<Double>) {
        let xs = d.train.x.storage + d.test.x.storage
        return PlaneMarks.squareView(stride(from: 0, to: xs.count, by: 2).map { xs[$0] }, stride(from: 1, to: xs.count, by: 2).map { xs[$0] })
    }

    /// P(class 1) in per cent on a grid over the set's view (to 2 decimals).
    static func surface(_ model: Sequential<Double>, _ d: (train: Dataset<Double>, test: Dataset<Double>), run: String) throws -> Surface {
        let (vx, vy) = view(d)
        let gx = PlaneMarks.grid(vx, gridSize).map { PlaneMarks.rounded($0, 4) }, gy = PlaneMarks.grid(vy, gridSize).map { PlaneMarks.rounded($0, 4) }
        let pts = try Matrix(rows: gx.count * gy.count, cols: 2, gy.flatMap { y in gx.flatMap { x in [x, y] } })
        let logits = try model.predict(pts)
        let values = gy.indices.map { j in
            gx.indices.map { i in
                let k = j * gx.count + i
                // Softmax of two logits: P(1) = 1 / (1 + e^(z0 − z1)).
                return PlaneMarks.rounded(100 / (1 + exp(logits[k, 0] - logits[k, 1])), 2)
            }
        }
        return Surface(run: run, name: "p_class1_percent", x: gx, y: gy, values: values, xLabel: "x₁", yLabel: "x₂")
    }
}

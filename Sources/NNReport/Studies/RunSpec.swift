import Foundation
import NNEngine
import NNEvents

/// One training run of a study: model, optimiser, schedule and what to record.
public struct RunSpec: Sendable {
    /// Unique name, e.g. `vanishing/sigmoid-xavier`.
    public var name: String
    /// The study it belongs to (`vanishing`, `init-training`, `optimizer-training`, or a custom name).
    public var study: String
    /// Hidden layer sizes.
    public var hidden: [Int]
    public var activation: Activation
    public var initializer: Initializer
    public var optimizer: OptimizerKind
    public var learningRate: Double
    /// Optimisation steps; each draws `batchSize` samples with replacement (as the book does).
    public var steps: Int
    public var batchSize: Int
    public var seed: UInt64
    /// What the recorder records.
    public var plan: RecordingPlan
    /// Held-out loss and accuracy every N steps (and at the last step).
    public var evaluateEvery: Int
    /// A short label for legends, e.g. `sigmoid + Xavier`.
    public var label: String
    /// Snapshot all weights every N steps and record the path's projection on its two
    /// principal directions over the loss surface of that plane (nil: no projection).
    public var projectEvery: Int?
    /// Batch normalisation between each hidden layer's affine map and its activation.
    public var batchNorm = false
    /// Dropout rate after each hidden layer's activation (0: none).
    public var dropout = 0.0
    /// L2 weight decay λ (the loss gains λ/2 Σ‖W‖²; 0: none).
    public var weightDecay = 0.0

    /// A run specification.
    public init(name: String, study: String, label: String, hidden: [Int], activation: Activation, initializer: Initializer,
                optimizer: OptimizerKind, learningRate: Double, steps: Int, batchSize: Int, seed: UInt64,
                plan: RecordingPlan = .lean(), evaluateEvery: Int = 100) {
        self.name = name; self.study = study; self.label = label; self.hidden = hidden; self.activation = activation
        self.initializer = initializer; self.optimizer = optimizer; self.learningRate = learningRate; self.steps = steps
        self.batchSize = batchSize; self.seed = seed; self.plan = plan; self.evaluateEvery = evaluateEvery
    }
}

/// The data every training study uses: a seeded shuffle of a labelled set, split into
/// training and held-out test samples.
public struct StudyData: Sendable {
    public var name: String
    public var train: Dataset<Float>
    public var test: Dataset<Float>

    /// The embedded MNIST subset (or IDX files), shuffled with `seed`, 80 % train / 20 % test.
    public static func load(seed: UInt64, images: String? = nil, labels: String? = nil) throws -> StudyData {
        let d: Dataset<Float>
        if let images, let labels { d = try .idx(images: images, labels: labels, name: URL(fileURLWithPath: images).lastPathComponent) }
        else { d = try .embeddedMNIST() }
        let (train, _, test) = try d.shuffled(seed: seed).split(validation: 0, test: 0.2)
        return StudyData(name: d.name, train: train, test: test)
    }
}

/// Progress of runs that may go on side by side: a thread-safe board the CLI draws.
public protocol ProgressSink: AnyObject, Sendable {
    /// A run started.
    func began(_ run: String, steps: Int)
    /// A run reached `step` with the batch loss `loss`.
    func advanced(_ run: String, step: Int, loss: Double)
    /// A run ended.
    func ended(_ run: String, summary: String)
}

/// Trains one `RunSpec` and records it. Returns the events (also streamed to `eventsPath`).
public func execute(_ spec: RunSpec, data: StudyData, eventsPath: String?, progress: (any ProgressSink)?) throws -> [Event] {
    let model = try Sequential<Float>(inputFeatures: data.train.x.cols, seed: spec.seed) {
        for n in spec.hidden {
            if spec.batchNorm {
                Dense(n, initializer: spec.initializer)
                BatchNorm()
                Activate(spec.activation)
            } else {
                Dense(n, activation: spec.activation, initializer: spec.initializer)
            }
            if spec.dropout > 0 { Dropout(rate: spec.dropout) }
        }
        Dense(data.train.classes, initializer: spec.initializer)
    }
    model.compile(loss: SoftmaxCrossEntropy(), optimizer: spec.optimizer.make(learningRate: spec.learningRate), metrics: [.accuracy],
                  weightDecay: spec.weightDecay)
    let memory = MemorySink()
    var sinks: [any EventSink] = [memory]
    if let eventsPath { sinks.append(try JSONLinesSink(path: eventsPath)) }
    let recorder = EventRecorder<Float>(run: spec.name, plan: spec.plan, sinks: sinks)
    recorder.start(model: model, study: spec.study, dataset: data.name, splits: ["train": data.train.count, "test": data.test.count],
                   batchSize: spec.batchSize, producer: "nnviz \(NNReportInfo.version)")
    progress?.began(spec.name, steps: spec.steps)
    var snapshots: [(step: Int, weights: [Double])] = []
    if spec.projectEvery != nil { snapshots.append((0, WeightProjection.flatten(model))) }
    var rng = SeededGenerator(seed: spec.seed, stream: "batches")
    var outcome = TrainingOutcome.completed(epochs: 1)
    for step in 0..<spec.steps {
        let idx = (0..<spec.batchSize).map { _ in rng.nextInt(below: data.train.count) }
        let r = try model.trainStep(data.train.x.gatherRows(idx), .classes(idx.map { data.train.labels[$0] }), observers: [recorder])
        if step % 10 == 0 || step == spec.steps - 1 { progress?.advanced(spec.name, step: step + 1, loss: r.loss) }
        if !r.loss.isFinite { outcome = .diverged(step: step, quantity: "loss"); break }
        if let every = spec.projectEvery, (step + 1) % every == 0 || step == spec.steps - 1 {
            snapshots.append((step + 1, WeightProjection.flatten(model)))
        }
        if (step + 1) % spec.evaluateEvery == 0 || step == spec.steps - 1 {
            let logs = try model.evaluate(data.test.x, data.test.target)
            for (k, v) in logs.sorted(by: { $0.key < $1.key }) {
                recorder.emit(.scalar(ScalarEvent(run: spec.name, name: "val/\(k)", step: step, value: v)))
            }
        }
    }
    if spec.projectEvery != nil, case .completed = outcome {
        // The surface is the training loss on a fixed 1000-sample subset, for every grid point.
        let subset = data.train.subset(0..<min(1000, data.train.count))
        for e in try WeightProjection.events(run: spec.name, model: model, snapshots: snapshots, data: subset, grid: 21) { recorder.emit(e) }
    }
    recorder.finish(outcome)
    if let e = recorder.error { throw e }
    progress?.ended(spec.name, summary: { if case .diverged = outcome { "\(outcome)" } else { "completed \(spec.steps) steps" } }())
    return memory.events
}

/// Build information written into events and reports.
public enum NNReportInfo {
    /// The nnviz version.
    public static let version = "0.1.0"
}

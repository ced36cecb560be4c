import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// Trains and records one run of a study.
enum RunExecution {
    /// Trains one `RunSpec` and records it. Returns the events (also streamed to `eventsPath`).
    static func execute(_ spec: RunSpec, data: StudyData, eventsPath: String?, progress: (any ProgressSink)?) throws -> [Event] {
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
                       batchSize: spec.batchSize, producer: "nnviz \(NNVizVersion.string)", label: spec.label)
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
}

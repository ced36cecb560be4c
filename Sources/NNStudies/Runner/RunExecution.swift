import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// Trains and records one run of a study, through the engine's one training loop.
enum RunExecution {
    /// The run's network: dense layers (batch norm before each hidden activation, dropout after
    /// it, when asked), softmax cross-entropy on the classes.
    static func model(_ spec: RunSpec, data: StudyData) throws -> Sequential<Float> {
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
        return model
    }

    /// Trains one `RunSpec` and records it. Returns the events (also streamed to `eventsPath`).
    static func execute(_ spec: RunSpec, data: StudyData, eventsPath: String?, progress: (any ProgressSink)?) throws -> [Event] {
        let model = try model(spec, data: data)
        let memory = MemorySink()
        var sinks: [any EventSink] = [memory]
        if let eventsPath { sinks.append(try JSONLinesSink(path: eventsPath)) }
        let recorder = EventRecorder<Float>(run: spec.name, plan: spec.plan, sinks: sinks)
        let splits = ["train": data.train.count, "validation": data.validation.count, "test": data.test.count]
        recorder.start(model: model, study: spec.study, dataset: data.name, splits: splits,
                       batchSize: spec.batchSize, producer: "nnviz \(NNVizVersion.string)", label: spec.label)
        progress?.began(spec.name, steps: spec.steps)
        let hooks = StudyHooks(spec: spec, recorder: recorder, data: data)
        if spec.projectEvery != nil { hooks.snapshots.append((0, WeightProjection.flatten(model))) }
        // Steps drawn with replacement (as the book does): SeededGenerator(seed, stream "batches").
        let batches = try RandomBatches(data.train.x, data.train.target, batchSize: spec.batchSize, steps: spec.steps, seed: spec.seed)
        let loop = TrainingLoop<Float>(observers: [recorder], callbacks: [hooks], validation: (data.validation.x, data.validation.target),
                                       evaluation: .everySteps(spec.evaluateEvery), progressEvery: 10) { step, loss in
            progress?.advanced(spec.name, step: step + 1, loss: loss)
        }
        // The loop ends with the hooks' trainingEnded (the projection), then the recorder's (run_end).
        let outcome = try loop.run(model, on: batches).outcome
        if let e = recorder.error { throw e }
        progress?.ended(spec.name, summary: { if case .diverged = outcome { "\(outcome)" } else { "completed \(spec.steps) steps" } }())
        return memory.events
    }
}

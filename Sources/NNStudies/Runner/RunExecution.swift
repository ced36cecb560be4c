import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// Trains and records one run of a study, through the engine's one training loop.
enum RunExecution {
    /// The run's network: dense layers (batch norm before each hidden activation, dropout after
    /// it, when asked), then one output per class (or one for a regression target), trained on
    /// the run's loss.
    static func model(_ spec: RunSpec, data: RunData) throws -> Sequential<Float> {
        let model = try Sequential<Float>(inputFeatures: data.train.x.cols, seed: spec.seed) {
            for n in spec.hidden {
                if spec.batchNorm {
                    Dense(n, initializer: spec.initializer)
                    BatchNorm(momentum: spec.batchNormMomentum, epsilon: spec.batchNormEpsilon)
                    Activate(spec.activation)
                } else {
                    Dense(n, activation: spec.activation, initializer: spec.initializer)
                }
                if spec.dropout > 0 { Dropout(rate: spec.dropout) }
            }
            Dense(data.outputs, initializer: spec.initializer)
        }
        model.compile(loss: spec.loss.make(), optimizer: spec.optimizer.make(learningRate: spec.learningRate),
                      metrics: data.isClassification ? [.accuracy] : [], weightDecay: spec.weightDecay)
        return model
    }

    /// Trains one `RunSpec` and records it. Returns the events (also streamed to `eventsPath`).
    /// `dataSeed` draws a generated data set (the config's seed, as for the split of the images).
    static func execute(_ spec: RunSpec, data studyData: StudyData, dataSeed: UInt64, eventsPath: String?,
                        progress: (any ProgressSink)?) throws -> [Event] {
        let data = try RunData.make(spec, data: studyData, seed: dataSeed)
        let spec = spec.resolved(trainCount: data.train.count)
        let model = try model(spec, data: data)
        let memory = MemorySink()
        var sinks: [any EventSink] = [memory]
        if let eventsPath { sinks.append(try JSONLinesSink(path: eventsPath)) }
        var plan = spec.plan
        // With epochs the hooks write the evaluation scalars at each epoch's end themselves.
        if spec.epochs != nil { plan.epochScalars = false }
        let recorder = EventRecorder<Float>(run: spec.name, plan: plan, sinks: sinks)
        recorder.start(model: model, study: spec.study, dataset: data.name, splits: data.splits,
                       batchSize: spec.batchSize, producer: "nnviz \(NNVizVersion.string)", label: spec.label)
        progress?.began(spec.name, steps: spec.steps)
        let hooks = StudyHooks(spec: spec, recorder: recorder, data: data)
        if spec.projectEvery != nil { hooks.snapshots.append((0, WeightProjection.flatten(model))) }
        let validation = (data.validation.x, data.validation.y)
        var loop = TrainingLoop<Float>(observers: [recorder], callbacks: [hooks], validation: validation,
                                       evaluation: .everySteps(spec.evaluateEvery), progressEvery: 10) { step, loss in
            progress?.advanced(spec.name, step: step + 1, loss: loss)
        }
        // The loop ends with the hooks' trainingEnded (the projection), then the recorder's (run_end).
        let outcome: TrainingOutcome
        do {
            outcome = try train(model, spec: spec, data: data, loop: &loop)
        } catch {
            // A sink that could not write stops training (the hooks throw its error, which the
            // loop wraps): report the file's error, and leave no half-written events file.
            let cause = recorder.error ?? error
            recorder.abandon()
            throw cause
        }
        if let e = recorder.error { recorder.abandon(); throw e }
        progress?.ended(spec.name, summary: { if case .completed = outcome { "completed \(spec.steps) steps" } else { "\(outcome)" } }())
        return memory.events
    }

    /// Runs the loop over the run's batches: epochs of draws, shuffled epochs, or steps drawn with replacement.
    static func train(_ model: Sequential<Float>, spec: RunSpec, data: RunData, loop: inout TrainingLoop<Float>) throws -> TrainingOutcome {
        if spec.epochs != nil {
            loop.evaluation = .epochEnd
            let perEpoch = spec.evaluateEvery
            if spec.shuffle {
                let batches = try ShuffledEpochs(data.train.x, data.train.y, batchSize: spec.batchSize, epochs: spec.steps / perEpoch, model: model)
                return try loop.run(model, on: batches).outcome
            }
            let batches = try RandomBatches(data.train.x, data.train.y, batchSize: spec.batchSize, steps: spec.steps, seed: spec.seed,
                                            stepsPerEpoch: perEpoch)
            return try loop.run(model, on: batches).outcome
        }
        // Steps drawn with replacement (as the book does): SeededGenerator(seed, stream "batches").
        let batches = try RandomBatches(data.train.x, data.train.y, batchSize: spec.batchSize, steps: spec.steps, seed: spec.seed)
        return try loop.run(model, on: batches).outcome
    }
}

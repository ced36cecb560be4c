import NNEngine
import NNEvents
import NNRecorder

/// What a study run does around its training steps: weight snapshots for the projection; at
/// each evaluation the validation scalars (`val/*`) and the same measures on a fixed sample of
/// training data as large as the validation set (`train/loss`, `train/accuracy`); once the run
/// has completed, the test set evaluated once (`test/*`) and the projection.
final class StudyHooks: Callback {
    let spec: RunSpec
    let recorder: EventRecorder<Float>
    let data: StudyData
    let trainSample: Dataset<Float>
    /// Flattened weights after step `step` (0: the initial weights).
    var snapshots: [(step: Int, weights: [Double])] = []

    init(spec: RunSpec, recorder: EventRecorder<Float>, data: StudyData) {
        self.spec = spec
        self.recorder = recorder
        self.data = data
        trainSample = data.train.subset(0..<min(max(data.validation.count, 1), data.train.count))
    }

    func emit(_ logs: [String: Double], prefix: String, step: Int) {
        for (k, v) in logs.sorted(by: { $0.key < $1.key }) {
            recorder.emit(.scalar(ScalarEvent(run: spec.name, name: "\(prefix)/\(k)", step: step, value: v)))
        }
    }

    /// After a step with a finite loss: a snapshot every `projectEvery` steps and at the last.
    func stepEnded(step: Int, loss: Double, model: Sequential<Float>) {
        if let every = spec.projectEvery, (step + 1) % every == 0 || step == spec.steps - 1 {
            snapshots.append((step + 1, WeightProjection.flatten(model)))
        }
    }

    /// After an evaluation on the validation set: its scalars, and the training sample's.
    func evaluated(step: Int, logs: [String: Double], model: Sequential<Float>) throws {
        emit(logs, prefix: "val", step: step)
        emit(try model.evaluate(trainSample.x, trainSample.target), prefix: "train", step: step)
    }

    /// When the run completed: the test set, once; the path's projection (both before run_end).
    func trainingEnded(_ model: Sequential<Float>, outcome: TrainingOutcome) throws {
        guard case .completed = outcome else { return }
        if data.test.count > 0 { emit(try model.evaluate(data.test.x, data.test.target), prefix: "test", step: spec.steps - 1) }
        guard spec.projectEvery != nil else { return }
        // The surface is the training loss on a fixed 1000-sample subset, for every grid point.
        let subset = data.train.subset(0..<min(1000, data.train.count))
        for e in try WeightProjection.events(run: spec.name, model: model, snapshots: snapshots, data: subset, grid: 21) { recorder.emit(e) }
    }
}

import NNEngine
import NNEvents
import NNRecorder

/// What a study run does around its training steps: weight snapshots for the projection,
/// held-out scalars, and the projection itself once the run has completed.
final class StudyHooks: Callback {
    let spec: RunSpec
    let recorder: EventRecorder<Float>
    let train: Dataset<Float>
    /// Flattened weights after step `step` (0: the initial weights).
    var snapshots: [(step: Int, weights: [Double])] = []

    init(spec: RunSpec, recorder: EventRecorder<Float>, train: Dataset<Float>) {
        self.spec = spec
        self.recorder = recorder
        self.train = train
    }

    /// After a step with a finite loss: a snapshot every `projectEvery` steps and at the last.
    func stepEnded(step: Int, loss: Double, model: Sequential<Float>) {
        if let every = spec.projectEvery, (step + 1) % every == 0 || step == spec.steps - 1 {
            snapshots.append((step + 1, WeightProjection.flatten(model)))
        }
    }

    /// After an evaluation on the held-out set: its scalars, sorted by key.
    func evaluated(step: Int, logs: [String: Double], model: Sequential<Float>) {
        for (k, v) in logs.sorted(by: { $0.key < $1.key }) {
            recorder.emit(.scalar(ScalarEvent(run: spec.name, name: "val/\(k)", step: step, value: v)))
        }
    }

    /// When the run completed: the path's projection over the loss surface (before run_end).
    func trainingEnded(_ model: Sequential<Float>, outcome: TrainingOutcome) throws {
        guard spec.projectEvery != nil, case .completed = outcome else { return }
        // The surface is the training loss on a fixed 1000-sample subset, for every grid point.
        let subset = train.subset(0..<min(1000, train.count))
        for e in try WeightProjection.events(run: spec.name, model: model, snapshots: snapshots, data: subset, grid: 21) { recorder.emit(e) }
    }
}

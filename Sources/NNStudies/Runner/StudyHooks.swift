import NNEngine
import NNEvents
import NNRecorder

/// What a study run does around its training steps: weight snapshots for the projection; at
/// each evaluation the validation scalars (`val/*`) and the same measures on a fixed sample of
/// training data (`train/loss`, `train/accuracy`; as large as the validation set unless the run
/// says); early stopping after each epoch when asked; once the run has ended (completed or
/// stopped early), the test set evaluated once (`test/*`) and the projection.
///
/// With early stopping, the test set is evaluated on the weights training ended with
/// (`test_last/*`) before the best epoch's weights are put back, and on the kept weights
/// (`test/*`) after; `early_stopping/restored_epoch` and `early_stopping/stopped_epoch` count
/// epochs from 1 ("the weights after epoch 12"), and the scalars' `epoch` field from 0.
final class StudyHooks: Callback {
    let spec: RunSpec
    let recorder: EventRecorder<Float>
    let data: RunData
    let trainSample: Samples
    /// The engine's early stopping, when the run asks for it.
    let earlyStopping: EarlyStopping<Float>?
    /// Flattened weights after step `step` (0: the initial weights).
    var snapshots: [(step: Int, weights: [Double])] = []

    init(spec: RunSpec, recorder: EventRecorder<Float>, data: RunData) {
        self.spec = spec
        self.recorder = recorder
        self.data = data
        trainSample = data.train.prefix(spec.trainEvaluationSamples ?? max(data.validation.count, 1))
        earlyStopping = spec.earlyStopping.map {
            EarlyStopping(monitor: $0.monitor, minDelta: $0.minDelta, patience: $0.patience, restoreBestWeights: $0.restoreBestWeights)
        }
    }

    /// The epoch (from 0) that ends at `step`, for runs with epochs.
    func epoch(atStep step: Int) -> Int? { spec.epochs == nil ? nil : (step + 1) / max(spec.evaluateEvery, 1) - 1 }

    func emit(_ logs: [String: Double], prefix: String, step: Int) {
        for (k, v) in logs.sorted(by: { $0.key < $1.key }) {
            recorder.emit(.scalar(ScalarEvent(run: spec.name, name: "\(prefix)/\(k)", step: step, epoch: epoch(atStep: step), value: v)))
        }
    }

    /// Starts the early stopping's fit.
    func trainingBegan(_ model: Sequential<Float>) throws { try earlyStopping?.trainingBegan(model) }

    /// After a step with a finite loss: a snapshot every `projectEvery` steps and at the last.
    /// Once the recorder could not write (disk full, say), training stops here with its error.
    func stepEnded(step: Int, loss: Double, model: Sequential<Float>) throws {
        if let e = recorder.error { throw e }
        if let every = spec.projectEvery, (step + 1) % every == 0 || step == spec.steps - 1 {
            snapshots.append((step + 1, WeightProjection.flatten(model)))
        }
    }

    /// After an evaluation on the validation set: its scalars, and the training sample's.
    func evaluated(step: Int, logs: [String: Double], model: Sequential<Float>) throws {
        emit(logs, prefix: "val", step: step)
        emit(try model.evaluate(trainSample.x, trainSample.y), prefix: "train", step: step)
    }

    /// After an epoch: early stopping's verdict.
    func epochEnded(_ epoch: Int, logs: [String: Double], model: Sequential<Float>) throws -> String? {
        try earlyStopping?.epochEnded(epoch, logs: logs, model: model)
    }

    /// When the run completed or stopped early: the test set, once (and with early stopping the
    /// weights it ended with, then the restored ones); the path's projection (all before run_end).
    func trainingEnded(_ model: Sequential<Float>, outcome: TrainingOutcome) throws {
        if case .diverged = outcome { return }
        let last = model.step - 1
        if let es = earlyStopping {
            if data.test.count > 0 { emit(try model.evaluate(data.test.x, data.test.y), prefix: "test_last", step: last) }
            try es.trainingEnded(model)
            let stopped = es.stoppedEpoch.map { $0 + 1 } ?? (spec.epochs ?? 0)
            let restored = es.restoreBestWeights ? es.bestEpoch + 1 : stopped
            emit(["restored_epoch": Double(restored), "stopped_epoch": Double(stopped)], prefix: "early_stopping", step: last)
        }
        if data.test.count > 0 { emit(try model.evaluate(data.test.x, data.test.y), prefix: "test", step: last) }
        guard spec.projectEvery != nil else { return }
        // The surface is the training loss on a fixed 1000-sample subset, for every grid point.
        let subset = data.train.prefix(1000)
        for e in try WeightProjection.events(run: spec.name, model: model, snapshots: snapshots, data: subset, grid: 21) { recorder.emit(e) }
    }
}

/// The one training loop of nnviz: `fit`, the studies and the benchmarks all train through it.
///
/// It runs `model.trainStep` on each batch of a ``BatchSource``, and around the steps does
/// what training needs. At each step, in this order:
/// 1. `trainStep` on the source's batch (the observers see it as they ask);
/// 2. the batch loss joins `History.stepLosses`;
/// 3. `progress`, at every `progressEvery`th step of the run and at its last step;
/// 4. a non-finite loss ends training with `.diverged(step:quantity: "loss")` (policy `.stop`);
/// 5. the callbacks' `stepEnded`;
/// 6. with ``EvaluationSchedule/everySteps(_:)``, the evaluation when due (the callbacks' `evaluated`);
/// 7. at the end of an epoch: a non-finite parameter ends training with `.diverged` (policy
///    `.stop`); otherwise the epoch's logs (mean batch loss and accuracy, weighted by batch
///    size; `val_` logs with ``EvaluationSchedule/epochEnd``) go to the history, then to the
///    observers' and the callbacks' `epochEnded`, where a callback may stop training.
///
/// Training begins with the callbacks' `trainingBegan` and ends with their
/// `trainingEnded(_:outcome:)`, then the observers' `trainingEnded`. Nothing traps: a
/// diverging run ends with `.diverged`, errors are thrown as ``ModelError``.
///
/// Steps named in hooks and outcomes are the model's step numbers, as observers see them
/// (the count of steps the model had taken before that one; from 0 for a new model);
/// cadences count from the first step of the run. The loop adds no work per step beyond a
/// few comparisons: no allocation, no call for hooks that are not set.
public struct TrainingLoop<Scalar: Real> {
    /// Passed to every `trainStep`, told of each epoch's end and of the end of training.
    public var observers: [any TrainingObserver<Scalar>]
    /// Told when training begins and ends, after each step, epoch and evaluation.
    public var callbacks: [any Callback<Scalar>]
    /// Held-out samples to evaluate the model on (nil: no evaluation).
    public var validation: (x: Matrix<Scalar>, y: Target<Scalar>)?
    /// When to evaluate on `validation`.
    public var evaluation: EvaluationSchedule
    /// What a non-finite loss or parameter does.
    public var onNonFinite: NonFinitePolicy
    /// The cadence of `progress`, in steps of the run.
    public var progressEvery: Int
    /// Called with the step and its batch loss at steps `0, progressEvery, 2 progressEvery, ...`
    /// of the run and at its last step, before the loss is checked (so a non-finite loss is
    /// reported too).
    public var progress: ((_ step: Int, _ loss: Double) -> Void)?

    /// A loop with the given hooks; the defaults are `fit`'s.
    public init(observers: [any TrainingObserver<Scalar>] = [], callbacks: [any Callback<Scalar>] = [],
                validation: (x: Matrix<Scalar>, y: Target<Scalar>)? = nil, evaluation: EvaluationSchedule = .epochEnd,
                onNonFinite: NonFinitePolicy = .stop, progressEvery: Int = 10,
                progress: ((_ step: Int, _ loss: Double) -> Void)? = nil) {
        self.observers = observers
        self.callbacks = callbacks
        self.validation = validation
        self.evaluation = evaluation
        self.onNonFinite = onNonFinite
        self.progressEvery = progressEvery
        self.progress = progress
    }

    /// Trains `model` (compiled) on every batch of `source`, unless training stops or
    /// diverges first, and returns the history with the outcome. A completed run's outcome
    /// is `.completed(epochs:)` with the source's epoch count (1 for a source without epochs).
    public func run<Source: BatchSource<Scalar>>(_ model: Sequential<Scalar>, on source: Source) throws(ModelError) -> History {
        guard model.loss != nil, model.optimizer != nil else { throw .notCompiled }
        try check(source)
        var source = source
        let total = source.stepCount, perEpoch = source.stepsPerEpoch
        var history = History()
        history.stepLosses.reserveCapacity(total)
        try each { try $0.trainingBegan(model) }
        var sums = EpochSums()
        for s in 0..<total {
            let epoch = perEpoch.map { s / $0 } ?? 0
            let batch = source.batch(at: s)
            let step = model.step
            let r = try model.trainStep(batch.x, batch.y, epoch: epoch, observers: observers)
            history.stepLosses.append(r.loss)
            if let progress, s % progressEvery == 0 || s == total - 1 { progress(step, r.loss) }
            if !r.loss.isFinite, onNonFinite == .stop { return try end(.diverged(step: step, quantity: "loss"), model, &history) }
            if !callbacks.isEmpty { try each { try $0.stepEnded(step: step, loss: r.loss, model: model) } }
            sums.add(r, samples: batch.x.rows)
            if case .everySteps(let n) = evaluation, (s + 1) % n == 0 || s == total - 1 {
                _ = try evaluate(model, step: step, history: &history)
            }
            if let perEpoch, (s + 1) % perEpoch == 0 {
                if let stop = try endEpoch(epoch, sums, model, &history) { return try end(stop, model, &history) }
                sums = EpochSums()
            }
        }
        return try end(.completed(epochs: perEpoch.map { total / $0 } ?? 1), model, &history)
    }

    /// Refuses settings the run could not honour.
    private func check(_ source: some BatchSource<Scalar>) throws(ModelError) {
        guard progressEvery > 0 else { throw .invalidSetting("progressEvery must be positive, got \(progressEvery)") }
        if let n = source.stepsPerEpoch, n <= 0 { throw .invalidSetting("a batch source's epochs must have steps, got \(n)") }
        switch evaluation {
        case .everySteps(let n) where n <= 0:
            throw .invalidSetting("evaluation every \(n) steps: the interval must be positive")
        case .epochEnd where validation != nil && source.stepsPerEpoch == nil:
            throw .invalidSetting("evaluation at epoch ends needs a batch source with epochs (evaluate every N steps instead)")
        default: break
        }
    }

    /// Evaluates on `validation` (if any), records it and tells the callbacks.
    private func evaluate(_ model: Sequential<Scalar>, step: Int, history: inout History) throws(ModelError) -> [String: Double] {
        guard let validation else { return [:] }
        let logs = try model.evaluate(validation.x, validation.y)
        history.evaluations.append((step: step, logs: logs))
        try each { try $0.evaluated(step: step, logs: logs, model: model) }
        return logs
    }

    /// The end of epoch `epoch`: returns an outcome when training must stop.
    private func endEpoch(_ epoch: Int, _ sums: EpochSums, _ model: Sequential<Scalar>,
                          _ history: inout History) throws(ModelError) -> TrainingOutcome? {
        if onNonFinite == .stop, let bad = model.parameters.first(where: { !$0.value.allFinite() }) {
            return .diverged(step: model.step - 1, quantity: "parameter \(bad.name)")
        }
        var logs = ["loss": sums.loss / Double(sums.samples)]
        if model.metrics.contains(.accuracy) { logs["accuracy"] = sums.accuracy / Double(sums.samples) }
        if evaluation == .epochEnd, validation != nil {
            for (k, v) in try evaluate(model, step: model.step - 1, history: &history) { logs["val_" + k] = v }
        }
        history.epochs.append(logs)
        for o in observers { o.epochEnded(epoch, logs: logs) }
        var stopReason: String?
        try each { if let r = try $0.epochEnded(epoch, logs: logs, model: model) { stopReason = stopReason ?? r } }
        return stopReason.map { .stoppedEarly(epoch: epoch, reason: $0) }
    }

    /// Records the outcome and tells the callbacks, then the observers.
    private func end(_ outcome: TrainingOutcome, _ model: Sequential<Scalar>, _ history: inout History) throws(ModelError) -> History {
        history.outcome = outcome
        try each { try $0.trainingEnded(model, outcome: outcome) }
        for o in observers { o.trainingEnded(outcome) }
        return history
    }

    /// Calls `body` on each callback in order; a callback's error becomes a ``ModelError``.
    private func each(_ body: (any Callback<Scalar>) throws -> Void) throws(ModelError) {
        do { for c in callbacks { try body(c) } } catch { throw Sequential<Scalar>.wrap(error) }
    }
}

/// The running sums of an epoch's batch losses and accuracies, weighted by batch size.
private struct EpochSums {
    var loss = 0.0, accuracy = 0.0, samples = 0

    mutating func add<S>(_ r: Sequential<S>.StepResult, samples n: Int) {
        loss += r.loss * Double(n)
        accuracy += (r.accuracy ?? 0) * Double(n)
        samples += n
    }
}

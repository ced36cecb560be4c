import Dispatch
import Foundation
import NNEngine
import NNEvents

/// Records a training run as events, through the model's observation points, into sinks
/// (memory, a JSON Lines file, both).
///
/// Call `start` before training (it writes `run_start` and remembers the initial weights),
/// pass the recorder to `fit` (or `trainStep`) as an observer, and call `finish` (done for
/// you by `fit`) to write `run_end`. Sink errors are kept in `error` (observers cannot throw);
/// after the first one, nothing more is written, and training should stop: `StudyHooks` ends a
/// study's run at the next step, and `abandon()` removes what the sinks had begun.
public final class EventRecorder<Scalar: Real>: TrainingObserver, @unchecked Sendable {
    /// The run's name.
    public let run: String
    /// What is recorded when.
    public let plan: RecordingPlan
    /// Where events go.
    public let sinks: [any EventSink]
    /// The first error a sink raised, if any (safe to read from the training thread while the
    /// recording queue writes).
    public var error: (any Error)? { errorLock.withLock { firstError } }
    private var firstError: (any Error)?
    private let errorLock = NSLock()
    /// Events written so far.
    public private(set) var eventCount = 0
    private var lastStep = 0
    private var lastEpoch: Int?
    private var ended = false
    private var initialWeights: [String: Matrix<Scalar>] = [:]
    private var activations: [Int: String] = [:]
    private var edges: [String: [Double]] = [:]
    /// What `slim` keeps: index 1 for a statistics step plus 2 for a histogram step (worked out
    /// once: looking the quantities up in the plan's sets at every step cost training time).
    private let keeps: [StepTensors]
    /// Where statistics, histograms, encoding and writing happen when asynchronous: a serial
    /// queue, so events keep their order. Nil: on the training thread.
    private let queue: DispatchQueue?
    /// Batches handed to the queue and not yet processed, at most `maxInFlight`; training waits
    /// beyond that, so memory stays bounded if recording falls behind.
    private let inFlight: DispatchSemaphore
    private static var maxInFlight: Int { 4 }
    /// Work collected on the training thread and handed to the queue `batchSize` items at a
    /// time: waking the queue's thread at every step cost training ~2 % (losses-only plan).
    private var pending: [@Sendable () -> Void] = []
    private static var batchSize: Int { 8 }

    /// A recorder for the run `run`. Asynchronous recording (the default) computes statistics
    /// and writes events on a background queue while training goes on: on a machine with a
    /// free core it costs training little; the events are the same either way.
    public init(run: String, plan: RecordingPlan = RecordingPlan(), sinks: [any EventSink], asynchronous: Bool = true) {
        self.run = run
        self.plan = plan
        self.sinks = sinks
        self.queue = asynchronous ? DispatchQueue(label: "nnviz.recorder.\(run)") : nil
        self.inFlight = DispatchSemaphore(value: Self.maxInFlight)
        self.keeps = (0..<4).map { StepTensors(plan, stats: $0 & 1 != 0, hist: $0 & 2 != 0) }
    }

    /// Runs `work` on the recording queue (or here when synchronous), after everything before it.
    private func enqueue(_ work: @escaping @Sendable () -> Void) {
        guard queue != nil else { work(); return }
        pending.append(work)
        if pending.count >= Self.batchSize { submitPending() }
    }

    /// Hands the collected work to the queue as one batch.
    private func submitPending() {
        guard let queue, !pending.isEmpty else { return }
        let batch = pending
        pending = []
        inFlight.wait()
        queue.async {
            for work in batch { work() }
            self.inFlight.signal()
        }
    }

    /// Waits until every queued event is written.
    public func drain() {
        submitPending()
        queue?.sync {}
    }

    /// Writes an event to every sink (after the events already queued).
    public func emit(_ event: Event) {
        enqueue { self.write(event) }
    }

    private func write(_ event: Event) {
        guard error == nil else { return }
        eventCount += 1
        for s in sinks {
            do { try s.write(event) } catch { fail(error) }
        }
    }

    /// Keeps the first error.
    private func fail(_ e: any Error) {
        errorLock.withLock { if firstError == nil { firstError = e } }
    }

    /// Flushes every sink (after each step's events).
    public func flushSinks() {
        guard error == nil else { return }
        for s in sinks {
            do { try s.flush() } catch { fail(error) }
        }
    }

    /// Gives the run up (after an error): waits for the queued work and discards every sink's
    /// output, so no half-written file stays behind.
    public func abandon() {
        ended = true
        drain()
        for s in sinks { s.discard() }
    }

    /// Writes `run_start` for `model` and remembers its initial weights.
    public func start(model: Sequential<Scalar>, study: String, dataset: String, splits: [String: Int], batchSize: Int,
                      seed: UInt64? = nil, producer: String = "nnviz", label: String? = nil) {
        for layer in model.layers {
            for p in layer.parameters where p.role == "W" { initialWeights[p.name] = p.value }
        }
        for (i, l) in model.layers.enumerated() { activations[i] = l.record.activation }
        let layers = model.layers.map { l -> LayerInfo in
            let r = l.record
            return LayerInfo(name: r.name, kind: r.kind, inputs: r.inputs, outputs: r.outputs, activation: r.activation,
                             initializer: r.initializer, parameters: r.parameterCount)
        }
        emit(.runStart(RunStart(run: run, study: study, seed: seed ?? model.seed, layers: layers, parameterCount: model.parameterCount,
                                optimizer: model.optimizer?.name ?? "",
                                optimizerSettings: (model.optimizer?.settings ?? [:])
                                    .merging(model.weightDecay > 0 ? ["weight_decay": model.weightDecay] : [:]) { a, _ in a },
                                loss: model.loss?.name ?? "", dataset: dataset, splits: splits, batchSize: batchSize, producer: producer,
                                label: label)))
    }

    func isStatsStep(_ step: Int) -> Bool { plan.statsEvery > 0 && step % plan.statsEvery == 0 }
    func isHistogramStep(_ step: Int) -> Bool { plan.histogramsEvery > 0 && step % plan.histogramsEvery == 0 }

    public func needs(atStep step: Int) -> ObservationNeeds {
        guard isStatsStep(step) || isHistogramStep(step) else { return .scalars }
        var n: ObservationNeeds = [.scalars, .layerOutputs, .gradients]
        if plan.statsQuantities.contains(.update), isHistogramStep(step) || !plan.histogramStepOnlyQuantities.contains(.update) {
            n.insert(.updates)
        }
        return n
    }

    /// The saturation band of an activation: sigmoid y < 0.03 or y > 0.97; tanh |y| > 0.97.
    static func saturation(_ activation: String?) -> (band: (centre: Double, halfWidth: Double), rule: String)? {
        switch activation {
        case "sigmoid": ((0.5, 0.47), "sigmoid: y < 0.03 or y > 0.97")
        case "tanh": ((0, 0.97), "tanh: |y| > 0.97")
        default: nil
        }
    }

    public func observe(_ o: StepObservation<Scalar>) {
        let snapshot = slim(o)
        enqueue { self.process(snapshot) }
    }

    /// The observation without the tensors this step does not record, so that the engine's
    /// buffers are not kept (and copied on their next in-place update) for nothing.
    private func slim(_ o: StepObservation<Scalar>) -> StepObservation<Scalar> {
        let keep = keeps[(isStatsStep(o.step) ? 1 : 0) + (isHistogramStep(o.step) ? 2 : 0)]
        let empty = Matrix<Scalar>(rows: 0, cols: 0)
        // Plain loops: this runs on the training thread at every recorded step.
        var layers: [LayerObservation<Scalar>] = []
        layers.reserveCapacity(o.layers.count)
        for l in o.layers {
            layers.append(LayerObservation(index: l.index, record: l.record, preActivation: keep.preactivation ? l.preActivation : nil,
                                           activation: keep.activation ? l.activation : empty))
        }
        var params: [ParameterObservation<Scalar>] = []
        params.reserveCapacity(o.parameters.count)
        for p in o.parameters where p.role == "W" {
            params.append(ParameterObservation(name: p.name, layerIndex: p.layerIndex, role: p.role, value: keep.value ? p.value : empty,
                                               gradient: keep.gradient ? p.gradient : empty, previousValue: keep.update ? p.previousValue : nil))
        }
        return StepObservation(step: o.step, epoch: o.epoch, loss: o.loss, accuracy: o.accuracy, batchSize: o.batchSize,
                               learningRate: o.learningRate, layers: layers, parameters: params)
    }

    private func process(_ o: StepObservation<Scalar>) {
        defer { flushSinks() }
        lastStep = o.step
        lastEpoch = o.epoch
        if plan.stepScalarsEvery > 0 && o.step % plan.stepScalarsEvery == 0 {
            write(.scalar(ScalarEvent(run: run, name: "train/batch_loss", step: o.step, epoch: o.epoch, value: o.loss)))
            if let acc = o.accuracy {
                write(.scalar(ScalarEvent(run: run, name: "train/batch_accuracy", step: o.step, epoch: o.epoch, value: acc)))
            }
        }
        let stats = isStatsStep(o.step), hist = isHistogramStep(o.step)
        guard stats || hist else { return }
        if o.step == 0 { write(.scalar(ScalarEvent(run: run, name: "lr", step: 0, epoch: o.epoch, value: o.learningRate))) }
        for l in o.layers where l.record.kind != "dropout" && l.record.kind != "flatten" {
            let sat = l.record.activation.flatMap { Self.saturation($0) }
            record(l.record.name, l.index, .activation, l.activation, step: o.step, stats: stats, hist: hist, saturation: sat,
                   dead: l.record.activation == "relu" || l.record.activation?.hasPrefix("leaky") == true)
            if let pre = l.preActivation {
                record(l.record.name, l.index, .preactivation, pre, step: o.step, stats: stats, hist: hist, saturation: nil, dead: false)
            }
        }
        let names = Dictionary(o.layers.map { ($0.index, $0.record.name) }, uniquingKeysWith: { a, _ in a })
        for p in o.parameters where p.role == "W" {
            let layer = names[p.layerIndex] ?? String(p.name.split(separator: "/").first ?? "")
            record(layer, p.layerIndex, .weightGradient, p.gradient, step: o.step, stats: stats, hist: hist, saturation: nil, dead: false)
            let w = record(layer, p.layerIndex, .weight, p.value, step: o.step, stats: stats, hist: hist, saturation: nil, dead: false,
                           distance: initialWeights[p.name].map { TensorStatistics.distance(p.value, $0) })
            if let u = p.update {
                // ‖ΔW‖ / ‖W‖ from the two summaries' norms.
                let wNorm = w?.l2 ?? p.value.norm()
                record(layer, p.layerIndex, .update, u, step: o.step, stats: stats, hist: hist, saturation: nil, dead: false,
                       ratio: { l2 in l2 / max(wNorm, 1e-30) })
            }
        }
    }

    @discardableResult
    private func record(_ layer: String, _ index: Int, _ q: Quantity, _ m: Matrix<Scalar>, step: Int, stats: Bool, hist: Bool,
                        saturation: (band: (centre: Double, halfWidth: Double), rule: String)?, dead: Bool,
                        distance: @autoclosure () -> Double? = nil, ratio: ((Double) -> Double)? = nil) -> TensorSummary? {
        var summary: TensorSummary?
        guard m.count > 0 || m.rows > 0 else { return nil }
        if stats, plan.statsQuantities.contains(q), hist || !plan.histogramStepOnlyQuantities.contains(q) {
            let s = TensorSummary(m, saturation: saturation?.band)
            summary = s
            write(.layerStats(LayerStats(
                run: run, step: step, layer: layer, index: index, quantity: q, count: s.count, mean: s.mean, std: s.std,
                min: s.finiteCount > 0 ? s.min : .nan, max: s.finiteCount > 0 ? s.max : .nan, l2: s.l2, nan: s.nan, posInf: s.posInf,
                negInf: s.negInf, zeroFraction: s.count > 0 ? Double(s.zeros) / Double(s.count) : 0,
                deadFraction: dead && q == .activation ? TensorStatistics.deadUnitFraction(m) : nil,
                saturatedFraction: saturation.map { _ in s.count > 0 ? Double(s.saturated) / Double(s.count) : 0 },
                saturationRule: saturation?.rule, updateRatio: ratio.map { $0(s.l2) }, distanceFromInit: distance())))
        }
        if hist, plan.histogramQuantities.contains(q) {
            let key = "\(layer)/\(q.rawValue)"
            let e = edges[key] ?? plan.fixedEdges[q] ?? autoEdges(m)
            edges[key] = e
            let b = TensorStatistics.binned(m.storage, edges: e)
            write(.histogram(Histogram(run: run, step: step, layer: layer, index: index, quantity: q, edges: e, counts: b.counts,
                                      underflow: b.underflow, overflow: b.overflow, nan: b.nan)))
        }
        return summary
    }

    /// `plan.bins` equal bins over the batch's finite range widened by 10 % (a tiny range if constant).
    private func autoEdges(_ m: Matrix<Scalar>) -> [Double] {
        let s = TensorSummary(m)
        var lo = s.finiteCount > 0 ? s.min : -1, hi = s.finiteCount > 0 ? s.max : 1
        let pad = hi > lo ? 0.05 * (hi - lo) : max(abs(lo) * 0.05, 1e-6)
        lo -= pad; hi += pad
        return (0...plan.bins).map { lo + (hi - lo) * Double($0) / Double(plan.bins) }
    }

    public func epochEnded(_ epoch: Int, logs: [String: Double]) {
        guard plan.epochScalars else { return }
        enqueue {
            let names = ["loss": "train/loss", "accuracy": "train/accuracy", "val_loss": "val/loss", "val_accuracy": "val/accuracy"]
            for key in logs.keys.sorted() {
                self.write(.scalar(ScalarEvent(run: self.run, name: names[key] ?? key, step: self.lastStep, epoch: epoch, value: logs[key]!)))
            }
            self.flushSinks()
        }
    }

    public func trainingEnded(_ outcome: TrainingOutcome) { finish(outcome) }

    /// Writes `run_end` (once), waits for every queued event, and closes the sinks.
    public func finish(_ outcome: TrainingOutcome) {
        guard !ended else { return }
        ended = true
        enqueue {
            switch outcome {
            case .completed: self.write(.runEnd(RunEnd(run: self.run, status: "completed", step: self.lastStep, epoch: self.lastEpoch)))
            case .stoppedEarly(let epoch, let reason):
                self.write(.runEnd(RunEnd(run: self.run, status: "stopped_early", step: self.lastStep, epoch: epoch, reason: reason)))
            case .diverged(let step, let q): self.write(.runEnd(RunEnd(run: self.run, status: "diverged", step: step, epoch: self.lastEpoch, quantity: q)))
            }
            for s in self.sinks {
                do { try s.close() } catch { self.fail(error) }
            }
        }
        drain()
    }
}

/// The tensors a step keeps, by whether it is a statistics step and a histogram step.
struct StepTensors {
    var activation, preactivation, gradient, value, update: Bool

    init(_ plan: RecordingPlan, stats: Bool, hist: Bool) {
        func wanted(_ q: Quantity) -> Bool {
            (stats && plan.statsQuantities.contains(q) && (hist || !plan.histogramStepOnlyQuantities.contains(q)))
                || (hist && plan.histogramQuantities.contains(q))
        }
        activation = wanted(.activation)
        preactivation = wanted(.preactivation)
        gradient = wanted(.weightGradient)
        value = wanted(.weight) || wanted(.update)
        update = wanted(.update)
    }
}

import NNEngine
import XCTest

/// The events of a study run, as text lines (a stand-in for NNEvents' recorder).
final class EventLines: TrainingObserver {
    var lines: [String] = []
    private var ended = false
    func needs(atStep step: Int) -> ObservationNeeds { .scalars }
    func observe(_ o: StepObservation<Float>) { lines.append("batch_loss \(o.step) \(o.loss)") }
    func trainingEnded(_ outcome: TrainingOutcome) { finish(outcome) }
    func finish(_ outcome: TrainingOutcome) {
        guard !ended else { return }
        ended = true
        lines.append("run_end \(outcome)")
    }
}

/// `execute`'s work around the steps on the training loop: weight snapshots, held-out
/// scalars and, when the run completed, the projection (here a line of snapshot sums).
final class StudyHooks: Callback {
    let steps: Int, projectEvery: Int?
    let events: EventLines
    var snapshots: [(step: Int, weights: [Double])] = []
    init(steps: Int, projectEvery: Int?, events: EventLines) {
        self.steps = steps; self.projectEvery = projectEvery; self.events = events
    }
    func stepEnded(step: Int, loss: Double, model: Sequential<Float>) throws {
        if let every = projectEvery, (step + 1) % every == 0 || step == steps - 1 {
            snapshots.append((step + 1, StudyLoopTests.flatten(model)))
        }
    }
    func evaluated(step: Int, logs: [String: Double], model: Sequential<Float>) throws {
        for (k, v) in logs.sorted(by: { $0.key < $1.key }) { events.lines.append("val/\(k) \(step) \(v)") }
    }
    func trainingEnded(_ model: Sequential<Float>, outcome: TrainingOutcome) throws {
        guard projectEvery != nil, case .completed = outcome else { return }
        events.lines.append(StudyLoopTests.projection(snapshots))
    }
}

/// NNReport's `execute` was a hand-written loop; rewritten on `TrainingLoop` (as its
/// replacement does, with `StudyHooks`), a run must record the same events in the same order.
final class StudyLoopTests: XCTestCase {
    let steps = 23, batchSize = 8, evaluateEvery = 5, projectEvery = 4, seed: UInt64 = 7

    static func flatten(_ model: Sequential<Float>) -> [Double] { model.parameters.flatMap { $0.value.storage.map(Double.init) } }
    static func projection(_ snapshots: [(step: Int, weights: [Double])]) -> String {
        "projection " + snapshots.map { "\($0.step):\($0.weights.reduce(0, +))" }.joined(separator: " ")
    }

    func setUp(learningRate: Double) throws -> (Sequential<Float>, train: Dataset<Float>, test: Dataset<Float>) {
        let train = try SyntheticSet.spiral.generate(count: 100, noise: 0.1, seed: 1, as: Float.self)
        let test = try SyntheticSet.spiral.generate(count: 40, noise: 0.1, seed: 2, as: Float.self)
        let model = try Sequential<Float>(inputFeatures: 2, seed: seed) { Dense(16, activation: .relu, initializer: .bookHe); Dense(2) }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: learningRate), metrics: [.accuracy])
        return (model, train, test)
    }

    /// `execute`'s loop as it was.
    func byHand(learningRate: Double) throws -> [String] {
        let (model, train, test) = try setUp(learningRate: learningRate)
        let events = EventLines()
        var snapshots: [(step: Int, weights: [Double])] = [(0, Self.flatten(model))]
        var rng = SeededGenerator(seed: seed, stream: "batches")
        var outcome = TrainingOutcome.completed(epochs: 1)
        for step in 0..<steps {
            let idx = (0..<batchSize).map { _ in rng.nextInt(below: train.count) }
            let r = try model.trainStep(train.x.gatherRows(idx), .classes(idx.map { train.labels[$0] }), observers: [events])
            if step % 10 == 0 || step == steps - 1 { events.lines.append("progress \(step + 1) \(r.loss)") }
            if !r.loss.isFinite { outcome = .diverged(step: step, quantity: "loss"); break }
            if (step + 1) % projectEvery == 0 || step == steps - 1 { snapshots.append((step + 1, Self.flatten(model))) }
            if (step + 1) % evaluateEvery == 0 || step == steps - 1 {
                let logs = try model.evaluate(test.x, test.target)
                for (k, v) in logs.sorted(by: { $0.key < $1.key }) { events.lines.append("val/\(k) \(step) \(v)") }
            }
        }
        if case .completed = outcome { events.lines.append(Self.projection(snapshots)) }
        events.finish(outcome)
        return events.lines
    }

    /// The same on the training loop.
    func onTheLoop(learningRate: Double) throws -> [String] {
        let (model, train, test) = try setUp(learningRate: learningRate)
        let events = EventLines()
        let hooks = StudyHooks(steps: steps, projectEvery: projectEvery, events: events)
        hooks.snapshots.append((0, Self.flatten(model)))
        let batches = try RandomBatches(train.x, train.target, batchSize: batchSize, steps: steps, seed: seed)
        let loop = TrainingLoop<Float>(observers: [events], callbacks: [hooks], validation: (test.x, test.target),
                                       evaluation: .everySteps(evaluateEvery), progressEvery: 10) { step, loss in
            events.lines.append("progress \(step + 1) \(loss)")
        }
        let outcome = try loop.run(model, on: batches).outcome
        events.finish(outcome)
        return events.lines
    }

    func testSameEventsWhenTheRunCompletesAndWhenItDiverges() throws {
        for (learningRate, diverges) in [(0.1, false), (1e9, true)] {
            let old = try byHand(learningRate: learningRate), new = try onTheLoop(learningRate: learningRate)
            XCTAssertEqual(new, old)
            XCTAssertEqual(old.last?.hasPrefix("run_end diverged"), diverges, "\(old.last ?? "")")
            XCTAssertEqual(old.contains { $0.hasPrefix("projection") }, !diverges)
        }
    }
}

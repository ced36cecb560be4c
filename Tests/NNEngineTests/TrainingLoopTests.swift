import NNEngine
import XCTest

/// Every hook the loop calls, in order, from callbacks and observers alike.
final class Journal {
    var lines: [String] = []
}

/// A callback that writes each call into a journal.
final class JournalCallback<S: Real>: Callback {
    let journal: Journal
    init(_ journal: Journal) { self.journal = journal }
    func trainingBegan(_ model: Sequential<S>) throws { journal.lines.append("began") }
    func stepEnded(step: Int, loss: Double, model: Sequential<S>) throws { journal.lines.append("step \(step)") }
    func evaluated(step: Int, logs: [String: Double], model: Sequential<S>) throws {
        journal.lines.append("evaluated \(step) \(logs.keys.sorted())")
    }
    func epochEnded(_ epoch: Int, logs: [String: Double], model: Sequential<S>) throws -> String? {
        journal.lines.append("callback epoch \(epoch)")
        return nil
    }
    func trainingEnded(_ model: Sequential<S>) throws { journal.lines.append("callback ended") }
}

/// An observer that writes its epoch and end calls into a journal.
final class JournalObserver<S: Real>: TrainingObserver {
    let journal: Journal
    init(_ journal: Journal) { self.journal = journal }
    func needs(atStep step: Int) -> ObservationNeeds { [] }
    func observe(_ observation: StepObservation<S>) {}
    func epochEnded(_ epoch: Int, logs: [String: Double]) { journal.lines.append("observer epoch \(epoch)") }
    func trainingEnded(_ outcome: TrainingOutcome) { journal.lines.append("observer ended \(outcome)") }
}

/// The row indices of every batch a source hands out (read from column 0, which holds each
/// row's index).
final class SeenRows { var batches: [[Int]] = [] }

/// A batch source that passes another one's batches through and notes their rows.
struct Noting<Base: BatchSource>: BatchSource {
    var base: Base
    let seen: SeenRows
    var stepCount: Int { base.stepCount }
    var stepsPerEpoch: Int? { base.stepsPerEpoch }
    mutating func batch(at step: Int) -> (x: Matrix<Base.Scalar>, y: Target<Base.Scalar>) {
        let b = base.batch(at: step)
        seen.batches.append((0..<b.x.rows).map { Int(b.x[$0, 0]) })
        return b
    }
}

final class TrainingLoopTests: XCTestCase {
    /// `rows` samples whose first feature is the row's index, two classes.
    func indexed(rows: Int) throws -> (x: Matrix<Double>, y: Target<Double>) {
        var rng = SeededGenerator(seed: 9)
        let x = try Matrix<Double>(rows: rows, cols: 2, (0..<rows).flatMap { [Double($0), rng.nextUniform()] })
        return (x, .classes((0..<rows).map { $0 % 2 }))
    }

    func model(seed: UInt64 = 11, learningRate: Double = 0.05) throws -> Sequential<Double> {
        let m = try Sequential<Double>(inputFeatures: 2, seed: seed) {
            Dense(8, activation: .relu, initializer: .bookHe); Dropout(rate: 0.2); Dense(2)
        }
        m.compile(loss: SoftmaxCrossEntropy(), optimizer: Momentum(learningRate: learningRate), metrics: [.accuracy])
        return m
    }

    func testRandomBatchesDrawLikeAHandWrittenGenerator() throws {
        let (x, y) = try indexed(rows: 37)
        let seen = SeenRows()
        let source = Noting(base: try RandomBatches(x, y, batchSize: 5, steps: 12, seed: 42), seen: seen)
        let viaLoop = try model()
        let h = try TrainingLoop<Double>().run(viaLoop, on: source)
        XCTAssertEqual(h.outcome, .completed(epochs: 1))
        XCTAssertTrue(h.epochs.isEmpty)
        // The oracle: the studies' own loop, one nextInt(below:) per index.
        var rng = SeededGenerator(seed: 42, stream: "batches")
        let byHand = try model()
        var expected: [[Int]] = [], losses: [Double] = []
        for _ in 0..<12 {
            let idx = (0..<5).map { _ in rng.nextInt(below: 37) }
            expected.append(idx)
            losses.append(try byHand.trainStep(x.gatherRows(idx), y.gather(idx)).loss)
        }
        XCTAssertEqual(seen.batches, expected)
        XCTAssertEqual(h.stepLosses, losses)
        XCTAssertEqual(viaLoop.weights, byHand.weights)
    }

    func testIndexBatchesFollowTheListAndRejectBadIndices() throws {
        let (x, y) = try indexed(rows: 20)
        let list = [[0, 1, 2], [19, 19, 3], [5], [7, 8, 9, 10]]
        let seen = SeenRows()
        let viaLoop = try model(), byHand = try model()
        let h = try TrainingLoop<Double>().run(viaLoop, on: Noting(base: try IndexBatches(x, y, batches: list), seen: seen))
        XCTAssertEqual(seen.batches, list)
        XCTAssertEqual(h.stepLosses, try list.map { try byHand.trainStep(x.gatherRows($0), y.gather($0)).loss })
        XCTAssertEqual(viaLoop.weights, byHand.weights)
        XCTAssertThrowsError(try IndexBatches(x, y, batches: [[0], [20]])) { XCTAssertTrue("\($0)".contains("20"), "\($0)") }
        XCTAssertThrowsError(try IndexBatches(x, y, batches: [[]]))
        XCTAssertThrowsError(try RandomBatches(x, y, batchSize: 0, steps: 1, seed: 0))
        XCTAssertThrowsError(try RandomBatches(Matrix<Double>(rows: 0, cols: 2), .classes([]), batchSize: 1, steps: 1, seed: 0))
    }

    func testEvaluationAndProgressCadence() throws {
        let (x, y) = try indexed(rows: 30)
        let m = try model()
        let journal = Journal()
        var progress: [Int] = []
        let loop = TrainingLoop<Double>(callbacks: [JournalCallback(journal)], validation: (x, y), evaluation: .everySteps(10),
                                        progressEvery: 10) { step, _ in progress.append(step) }
        let h = try loop.run(m, on: try RandomBatches(x, y, batchSize: 4, steps: 25, seed: 1))
        XCTAssertEqual(h.evaluations.map(\.step), [9, 19, 24])
        XCTAssertEqual(progress, [0, 10, 20, 24])
        var expected = ["began"]
        for s in 0..<25 {
            expected.append("step \(s)")
            if [9, 19, 24].contains(s) { expected.append("evaluated \(s) [\"accuracy\", \"loss\"]") }
        }
        expected.append("callback ended")
        XCTAssertEqual(journal.lines, expected)
        XCTAssertEqual(h.evaluations.last?.logs, try m.evaluate(x, y))
        // A second run on the same model: hooks name the model's steps, cadences count from the run's start.
        progress = []
        let again = try loop.run(m, on: try RandomBatches(x, y, batchSize: 4, steps: 10, seed: 2))
        XCTAssertEqual(again.evaluations.map(\.step), [34])
        XCTAssertEqual(progress, [25, 34])
        // Settings the loop cannot honour are refused before training.
        let steps = m.step
        let random = try RandomBatches(x, y, batchSize: 4, steps: 3, seed: 1)
        XCTAssertThrowsError(try TrainingLoop<Double>(validation: (x, y), evaluation: .epochEnd).run(m, on: random))
        XCTAssertThrowsError(try TrainingLoop<Double>(validation: (x, y), evaluation: .everySteps(0)).run(m, on: random))
        XCTAssertThrowsError(try TrainingLoop<Double>(progressEvery: 0).run(m, on: random))
        XCTAssertEqual(m.step, steps)
    }

    func testDivergenceStopsAtTheFirstNonFiniteLoss() throws {
        func diverging() throws -> Sequential<Float> {
            let m = try Sequential<Float>(inputFeatures: 2, seed: 1) { Dense(1, initializer: .constant(1)) }
            m.compile(loss: MeanSquaredError(), optimizer: SGD(learningRate: 10))
            return m
        }
        let x = try Matrix<Float>(rows: 3, cols: 2, [100, 200, 300, 400, 500, 600])
        let y = Target<Float>.values(try Matrix(rows: 3, cols: 1, [1, 2, 3]))
        let journal = Journal()
        var progress: [Int] = []
        let loop = TrainingLoop<Float>(observers: [JournalObserver(journal)], callbacks: [JournalCallback(journal)],
                                       progressEvery: 1) { step, _ in progress.append(step) }
        let h = try loop.run(try diverging(), on: try RandomBatches(x, y, batchSize: 2, steps: 200, seed: 3))
        let first = try XCTUnwrap(h.stepLosses.firstIndex { !$0.isFinite })
        XCTAssertEqual(h.outcome, .diverged(step: first, quantity: "loss"))
        XCTAssertEqual(h.stepLosses.count, first + 1)
        // Progress sees the non-finite step; the step hooks stop before it.
        XCTAssertEqual(progress, Array(0...first))
        XCTAssertEqual(journal.lines, ["began"] + (0..<first).map { "step \($0)" }
                       + ["callback ended", "observer ended \(h.outcome)"])
        // Under `.continue` every step runs and the history keeps the non-finite losses.
        var goOn = TrainingLoop<Float>()
        goOn.onNonFinite = .continue
        let all = try goOn.run(try diverging(), on: try RandomBatches(x, y, batchSize: 2, steps: 200, seed: 3))
        XCTAssertEqual(all.outcome, .completed(epochs: 1))
        XCTAssertEqual(all.stepLosses.count, 200)
        XCTAssertEqual(Array(all.stepLosses[..<first]), Array(h.stepLosses[..<first]))
    }

    func testFitMatchesAHandWrittenEpochLoopBitForBit() throws {
        let data = try SyntheticSet.spiral.generate(count: 100, noise: 0.1, seed: 3, as: Double.self)
        let viaFit = try model(), byHand = try model()
        // Two calls: the second continues the model's batch generator; 80 training rows in
        // batches of 7 leave a partial last batch.
        let fits = try (0..<2).map { _ in try viaFit.fit(data.x, data.target, epochs: 3, batchSize: 7, validation: .split(0.2)) }
        let tx = data.x.gatherRows(0..<80), ty = data.target.gather(0..<80)
        let vx = data.x.gatherRows(80..<100), vy = data.target.gather(80..<100)
        var rng = SeededGenerator(seed: 11, stream: "batches")
        var losses: [Double] = [], epochs: [[String: Double]] = []
        for _ in 0..<2 {
            for epoch in 0..<3 {
                var order = Array(0..<80)
                order.shuffle(using: &rng)
                var lossSum = 0.0, accSum = 0.0, seen = 0
                for start in stride(from: 0, to: 80, by: 7) {
                    let idx = order[start..<min(start + 7, 80)]
                    let r = try byHand.trainStep(tx.gatherRows(idx), ty.gather(idx), epoch: epoch)
                    losses.append(r.loss)
                    lossSum += r.loss * Double(idx.count)
                    accSum += (r.accuracy ?? 0) * Double(idx.count)
                    seen += idx.count
                }
                var logs = ["loss": lossSum / Double(seen), "accuracy": accSum / Double(seen)]
                for (k, v) in try byHand.evaluate(vx, vy) { logs["val_" + k] = v }
                epochs.append(logs)
            }
        }
        XCTAssertEqual(fits.flatMap(\.stepLosses), losses)
        XCTAssertEqual(fits.flatMap(\.epochs), epochs)
        XCTAssertEqual(fits.map(\.outcome), [.completed(epochs: 3), .completed(epochs: 3)])
        XCTAssertEqual(fits.flatMap { $0.evaluations.map(\.step) }, [11, 23, 35, 47, 59, 71])
        XCTAssertEqual(viaFit.weights, byHand.weights)
        XCTAssertEqual(viaFit.step, byHand.step)
    }

    func testFitCallsHooksInOrder() throws {
        let (x, y) = try indexed(rows: 10)
        let journal = Journal()
        let m = try model()
        _ = try m.fit(x, y, epochs: 2, batchSize: 4, validation: .data(x, y), callbacks: [JournalCallback(journal)],
                      observers: [JournalObserver(journal)])
        var expected = ["began"]
        for epoch in 0..<2 {
            expected += (0..<3).map { "step \(epoch * 3 + $0)" }
            expected += ["evaluated \(epoch * 3 + 2) [\"accuracy\", \"loss\"]", "observer epoch \(epoch)", "callback epoch \(epoch)"]
        }
        expected += ["callback ended", "observer ended completed 2 epochs"]
        XCTAssertEqual(journal.lines, expected)
    }
}

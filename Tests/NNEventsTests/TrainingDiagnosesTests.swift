import NNEvents
import XCTest

/// The rules of the second half of the course, on hand-made runs: each fires on the case it
/// names and stays clear otherwise.
final class TrainingDiagnosesTests: XCTestCase {
    func run(_ name: String, losses: [Double] = [], train: [Double] = [], val: [Double] = [], status: String = "completed") -> EventStore.Run {
        let store = EventStore()
        store.add(.runStart(RunStart(run: name, study: "t", seed: 0, layers: [], parameterCount: 0, optimizer: "sgd", optimizerSettings: [:],
                                     loss: "mse", dataset: "d", splits: [:], batchSize: 1, producer: "test")))
        for (k, v) in losses.enumerated() { store.add(.scalar(ScalarEvent(run: name, name: "train/batch_loss", step: k, value: v))) }
        for (k, v) in train.enumerated() { store.add(.scalar(ScalarEvent(run: name, name: "train/accuracy", step: k, epoch: k, value: v))) }
        for (k, v) in val.enumerated() { store.add(.scalar(ScalarEvent(run: name, name: "val/accuracy", step: k, epoch: k, value: v))) }
        store.add(.runEnd(RunEnd(run: name, status: status, step: max(losses.count, train.count) - 1)))
        return store[name]!
    }

    func testGapFiresAboveTenPoints() {
        XCTAssertEqual(Diagnoses.generalizationGap(run("a", train: [0.5, 1.0], val: [0.5, 0.8])).status, .fired)
        XCTAssertEqual(Diagnoses.generalizationGap(run("b", train: [0.5, 0.85], val: [0.5, 0.8])).status, .clear)
        XCTAssertEqual(Diagnoses.generalizationGap(run("c", losses: [1, 2])).status, .notMeasured)
        XCTAssertEqual(Diagnoses.generalizationGap(run("a", train: [0.5, 1.0], val: [0.5, 0.8])).value ?? 0, 0.2, accuracy: 1e-12)
    }

    func testTooSmallLearningRateIsALossThatBarelyMoves() {
        let flat = (0..<100).map { 2.3 - 0.001 * Double($0) / 100 }
        let falling = (0..<100).map { 2.3 * exp(-Double($0) / 30) }
        XCTAssertEqual(Diagnoses.learningRateTooSmall(run("flat", losses: flat)).status, .fired)
        XCTAssertEqual(Diagnoses.learningRateTooSmall(run("falling", losses: falling)).status, .clear)
        // A diverged run is not "too small", even when its finite losses did not move.
        XCTAssertEqual(Diagnoses.learningRateTooSmall(run("diverged", losses: flat, status: "diverged")).status, .clear)
    }

    func testBatchNormRescueNeedsAFailureWithoutAndSuccessWith() {
        let bn = run("bn", train: [0.3, 0.9]), plain = run("plain", train: [0.1, 0.11])
        XCTAssertEqual(Diagnoses.batchNormRescue(withBatchNorm: bn, without: plain).status, .fired)
        XCTAssertEqual(Diagnoses.batchNormRescue(withBatchNorm: bn, without: run("ok", train: [0.3, 0.95])).status, .clear)
        XCTAssertEqual(Diagnoses.batchNormRescue(withBatchNorm: bn, without: run("nan", train: [0.4], status: "diverged")).status, .fired)
        XCTAssertEqual(Diagnoses.batchNormRescue(withBatchNorm: run("weak", train: [0.2]), without: plain).status, .clear)
    }
}

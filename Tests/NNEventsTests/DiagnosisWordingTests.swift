import NNEvents
import XCTest

/// A rule that has nothing to measure says why, truthfully: a run whose `run_start` lists ReLU
/// layers is never told it has none (it recorded no activation statistics).
final class DiagnosisWordingTests: XCTestCase {
    func run(activation: String) -> EventStore.Run {
        let store = EventStore()
        let layers = [LayerInfo(name: "dense_1", kind: "dense", inputs: 4, outputs: 3, activation: activation),
                      LayerInfo(name: "dense_2", kind: "dense", inputs: 3, outputs: 2, activation: "identity")]
        store.add(.runStart(RunStart(run: "r", study: "s", seed: 0, layers: layers, parameterCount: 23, optimizer: "sgd",
                                     optimizerSettings: [:], loss: "softmax_cross_entropy", dataset: "d", splits: [:], batchSize: 1,
                                     producer: "test")))
        store.add(.scalar(ScalarEvent(run: "r", name: "train/batch_loss", step: 0, value: 1)))
        store.add(.runEnd(RunEnd(run: "r", status: "completed", step: 0)))
        return store.runs[0]
    }

    func testAbsentStatisticsAreNotCalledAbsentLayers() throws {
        let relu = Diagnoses.all(run(activation: "relu"))
        let dead = try XCTUnwrap(relu.first { $0.name == "dead ReLUs" })
        XCTAssertEqual(dead.status, .notMeasured)
        XCTAssertFalse(dead.measured.contains("no ReLU layers"), dead.measured)
        XCTAssertTrue(dead.measured.contains("recorded no activation statistics"), dead.measured)
        let saturation = try XCTUnwrap(relu.first { $0.name == "saturation" })
        XCTAssertEqual(saturation.measured, "no sigmoid or tanh layers")

        let tanh = Diagnoses.all(run(activation: "tanh"))
        XCTAssertEqual(tanh.first { $0.name == "dead ReLUs" }?.measured, "no ReLU layers")
        XCTAssertTrue(tanh.first { $0.name == "saturation" }?.measured.contains("recorded no activation statistics") == true)
    }
}

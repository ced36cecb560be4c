import Foundation
import NNEvents
import NNPlot
import NNReport
import NNTestSupport
import XCTest

/// The generic section on a run of another tool: curves with training and validation on one
/// chart, per-layer norms, histograms as ridgelines and percentile bands, and the run's own settings.
final class ForeignRunSectionTests: XCTestCase {
    /// A run as the Keras callback writes it: batch and epoch scalars, weight and update stats, and a
    /// uniform histogram on [0, 1) at each of three steps.
    func store() -> EventStore {
        let layers = [LayerInfo(name: "dense_1", kind: "dense", inputs: 4, outputs: 3, activation: "tanh")]
        let store = EventStore()
        store.add(.runStart(RunStart(run: "mlp", study: "keras", seed: 0, layers: layers, parameterCount: 15, optimizer: "sgd",
                                     optimizerSettings: ["learning_rate": 0.1], loss: "sparse_categorical_crossentropy", dataset: "d",
                                     splits: [:], batchSize: 2, producer: "test", label: "MLP", settings: ["epochs": "2", "backend": "jax"])))
        for step in 0..<10 {
            store.add(.scalar(ScalarEvent(run: "mlp", name: "train/batch_loss", step: step, epoch: step / 5, value: 2 / Double(step + 1))))
            store.add(.scalar(ScalarEvent(run: "mlp", name: "train/batch_accuracy", step: step, epoch: step / 5, value: Double(step) / 10)))
        }
        for (epoch, step) in [(0, 4), (1, 9)] {
            store.add(.scalar(ScalarEvent(run: "mlp", name: "val/loss", step: step, epoch: epoch, value: 1.5 - Double(epoch))))
            store.add(.scalar(ScalarEvent(run: "mlp", name: "val/accuracy", step: step, epoch: epoch, value: 0.5 + 0.25 * Double(epoch))))
        }
        for step in [0, 5, 9] {
            store.add(.layerStats(LayerStats(run: "mlp", step: step, layer: "dense_1", index: 0, quantity: .weight, count: 12, mean: 0, std: 1,
                                             min: -1, max: 1, l2: 3 + Double(step))))
            store.add(.layerStats(LayerStats(run: "mlp", step: step, layer: "dense_1", index: 0, quantity: .update, count: 12, mean: 0, std: 0.01,
                                             min: -0.01, max: 0.01, l2: 0.003, updateRatio: 0.001)))
            store.add(.histogram(Histogram(run: "mlp", step: step, layer: "dense_1", index: 0, quantity: .activation,
                                           edges: (0...10).map { Double($0) / 10 }, counts: Array(repeating: 100, count: 10))))
        }
        return store
    }

    func testFiguresOfAForeignRun() throws {
        let section = GenericSection.make(study: "keras", runs: store().runs)
        XCTAssertEqual(section.figures.map(\.name), ["keras_loss", "keras_train_validation", "keras_norms", "keras_histograms_activation_mlp"])
        // Training and validation of both metrics on one chart: batch values raw and smoothed, validation per epoch.
        let curves = section.figures[1]
        XCTAssertEqual(curves.figure.axes.count, 2)
        let csv = curves.csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(csv.filter { $0[1] == "val/accuracy" }.map { $0[3] }, ["0.5", "0.75"])
        let batch = csv.filter { $0[1] == "train/batch_loss" }
        XCTAssertEqual(batch.count, 10)
        // TensorBoard's debiased smoothing: the first point is the value itself; the second 0.9·... over 1 − 0.9².
        XCTAssertEqual(Double(batch[0][4]), 2)
        XCTAssertEqual(try XCTUnwrap(Double(batch[1][4])), (0.9 * 0.1 * 2 + 0.1 * 1) / (1 - 0.81), accuracy: 1e-12)
        // Norms: ‖W‖ and ‖ΔW‖/‖W‖ panels, ratios as recorded.
        XCTAssertEqual(section.figures[2].figure.axes.count, 2)
        XCTAssertTrue(section.figures[2].csv.contains("mlp,dense_1,update,9,0.001"))
    }

    func testPercentileBandsOfAUniformHistogramAreItsQuantiles() throws {
        let section = GenericSection.make(study: "keras", runs: store().runs)
        let h = try XCTUnwrap(section.figures.first { $0.name == "keras_histograms_activation_mlp" })
        XCTAssertEqual(h.figure.axes.count, 2, "a ridgeline and a band panel for the one layer")
        let rows = h.csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows[0], ["run", "layer", "step", "p0", "p6.68", "p15.87", "p30.85", "p50", "p69.15", "p84.13", "p93.32", "p100",
                                 "underflow", "overflow", "nan"])
        // Uniform on [0, 1): the q-quantile is q.
        let p = rows[1][3..<12].compactMap(Double.init)
        for (got, q) in zip(p, [0, 0.0668, 0.1587, 0.3085, 0.5, 0.6915, 0.8413, 0.9332, 1]) { XCTAssertEqual(got, q, accuracy: 1e-12) }
        XCTAssertEqual(rows.count, 4, "one row per recorded step")
    }

    func testOtherSettingsJoinTheTableAndSurviveAFileRoundTrip() throws {
        let s = store()
        let section = GenericSection.make(study: "keras", runs: s.runs)
        XCTAssertEqual(section.settings[0].last, "other settings")
        XCTAssertEqual(section.settings[1].last, "backend jax, epochs 2")
        let path = TemporaryDirectory.make("settings.jsonl").path
        let line = #"{"v":"1.2","kind":"run_start","run":"r","seed":1,"settings":{"epochs":3,"lr":0.25,"augment":false,"opt":"adam"}}"#
        try line.write(toFile: path, atomically: true, encoding: .utf8)
        var reader = EventReader()
        guard case .runStart(let start) = try reader.read(path: path).first else { return XCTFail("no run_start") }
        XCTAssertEqual(reader.warnings, [])
        XCTAssertEqual(start.settings, ["epochs": "3", "lr": "0.25", "augment": "false", "opt": "adam"])
        XCTAssertTrue(EventCodec.encode(.runStart(start)).hasSuffix(#""settings":{"augment":"false","epochs":"3","lr":"0.25","opt":"adam"}}"#))
        let bad = #"{"v":"1.2","kind":"run_start","run":"r","seed":1,"settings":{"x":[1]}}"#
        try bad.write(toFile: path, atomically: true, encoding: .utf8)
        var again = EventReader()
        XCTAssertThrowsError(try again.read(path: path)) { XCTAssertTrue("\($0)".contains("settings.x"), "\($0)") }
    }
}

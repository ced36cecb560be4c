import Foundation
import NNEngine
import NNTestSupport
import XCTest

/// EarlyStopping and ModelCheckpoint against Keras 3 itself: `Tests/Fixtures/keras/callbacks.json`
/// holds what Keras's own callbacks did on hand-made metric sequences (made by the script beside
/// it); nnviz's callbacks must do the same, epoch for epoch.
final class KerasCallbackTests: XCTestCase {
    struct Oracle: Decodable {
        struct Early: Decodable {
            var name: String, monitor: String, values: [Double?]
            var min_delta: Double?, patience: Int?, baseline: Double?, start_from_epoch: Int?, mode: String?, restore_best_weights: Bool?
            var epochs_run: Int, stopped: Bool, best: Double?, best_epoch: Int
        }
        struct Checkpoint: Decodable {
            var name: String, monitor: String, values: [Double], save_best_only: Bool?, initial_value_threshold: Double?
            var saved_epochs: [Int]
        }
        var keras: String
        var early_stopping: [Early]
        var model_checkpoint: [Checkpoint]
    }

    func oracle() throws -> Oracle {
        try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: Fixtures.url("keras/callbacks.json")))
    }

    /// A one-weight model whose weight is set to the epoch number before each epoch ends.
    func model() throws -> Sequential<Double> {
        try Sequential<Double>(inputFeatures: 1, seed: 0) { Dense(1, useBias: false) }
    }

    func testEarlyStoppingDoesWhatKerasDid() throws {
        let o = try oracle()
        XCTAssertTrue(o.keras.hasPrefix("3."))
        for c in o.early_stopping {
            let mode: MonitorMode = c.mode.flatMap(MonitorMode.init(rawValue:)) ?? .auto
            let cb = EarlyStopping<Double>(monitor: c.monitor, minDelta: c.min_delta ?? 0, patience: c.patience ?? 0, mode: mode,
                                           baseline: c.baseline, restoreBestWeights: c.restore_best_weights ?? false,
                                           startFromEpoch: c.start_from_epoch ?? 0)
            let m = try model()
            try cb.trainingBegan(m)
            var epochs = 0, stopped = false
            for (epoch, v) in c.values.enumerated() {
                epochs = epoch + 1
                try m.setWeights([try Matrix(rows: 1, cols: 1, [Double(epoch)])])
                if try cb.epochEnded(epoch, logs: [c.monitor: v ?? .nan], model: m) != nil { stopped = true; break }
            }
            try cb.trainingEnded(m)
            XCTAssertEqual(epochs, c.epochs_run, c.name)
            XCTAssertEqual(stopped, c.stopped, c.name)
            XCTAssertEqual(cb.bestEpoch, c.best_epoch, c.name)
            if let best = c.best { XCTAssertEqual(cb.best, best, accuracy: 1e-12, c.name) } else { XCTAssertTrue(cb.best.isInfinite, c.name) }
            if c.restore_best_weights == true { XCTAssertEqual(m.weights[0].storage, [Double(c.best_epoch)], "\(c.name): restored weights") }
        }
    }

    func testModelCheckpointSavesWhenKerasSaved() throws {
        for c in try oracle().model_checkpoint {
            let path = TemporaryDirectory.make("ckpt.json").path
            let cb = ModelCheckpoint<Double>(path: path, monitor: c.monitor, saveBestOnly: c.save_best_only ?? false,
                                             initialValueThreshold: c.initial_value_threshold)
            let m = try model()
            for (epoch, v) in c.values.enumerated() { _ = try cb.epochEnded(epoch, logs: [c.monitor: v], model: m) }
            XCTAssertEqual(cb.savedEpochs, c.saved_epochs, c.name)
        }
    }
}

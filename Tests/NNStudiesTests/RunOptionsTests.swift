import Foundation
import NNEngine
import NNEvents
import NNReport
import NNStudies
import NNTestSupport
import XCTest

/// The run options of the second half (sample limits, epochs, early stopping, MSE on a generated
/// regression set, repeats): read from a config, written back, and what they do to a short run.
final class RunOptionsTests: XCTestCase {
    final class Silent: ProgressSink, @unchecked Sendable {
        func began(_ run: String, steps: Int) {}
        func advanced(_ run: String, step: Int, loss: Double) {}
        func ended(_ run: String, summary: String) {}
        func note(_ text: String) {}
    }

    static let config = """
        name: opts
        seed: 5
        repeats: 2
        runs:
          - name: limited
            hidden: [8]
            batch_size: 30
            train_samples: 60
            validation_samples: 30
            epochs: 4
            early_stopping: {patience: 0, restore_best_weights: true, monitor: val_loss}
          - name: regression
            dataset: friedman1
            hidden: [4]
            epochs: 2
            shuffle: true
        """

    func testOptionsReadAndWriteBack() throws {
        let c = try StudyConfig.parse(Self.config, file: "o.yaml")
        XCTAssertEqual(c.repeats, 2)
        let limited = c.runs[0], regression = c.runs[1]
        XCTAssertEqual(limited.trainSamples, 60)
        XCTAssertEqual(limited.validationSamples, 30)
        XCTAssertEqual(limited.epochs, 4)
        XCTAssertEqual(limited.earlyStopping, EarlyStoppingSpec(monitor: "val_loss", patience: 0, restoreBestWeights: true))
        XCTAssertEqual(regression.data, .friedman1)
        XCTAssertEqual(regression.loss, .mse, "a regression set's loss defaults to mse")
        XCTAssertTrue(regression.shuffle)
        let again = try StudyConfig.parse(c.yaml, file: "config.yaml")
        XCTAssertEqual(again.yaml, c.yaml)
        XCTAssertEqual(again.runs[0].earlyStopping, limited.earlyStopping)
    }

    func testOptionsThatDoNotGoTogetherAreErrors() {
        let cases: [(String, String)] = [
            ("runs:\n  - name: a\n    early_stopping: {patience: 2}\n", "c.yaml:2: 'early_stopping' needs 'epochs'"),
            ("runs:\n  - name: a\n    shuffle: true\n", "c.yaml:2: 'shuffle' needs 'epochs'"),
            ("runs:\n  - name: a\n    dataset: friedman1\n    loss: cross_entropy\n", "c.yaml:2: 'dataset: friedman1' is a regression set"),
            ("runs:\n  - name: a\n    epochs: 3\n    early_stopping: {monitor: val_acc}\n", "c.yaml:4: unknown monitor 'val_acc'"),
            ("runs:\n  - name: a\n    dataset: housing\n", "c.yaml:3: unknown dataset 'housing'"),
            ("repeats: 0\n", "c.yaml:1: 'repeats' must be positive, got 0"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try StudyConfig.parse(text, file: "c.yaml"), text) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error) should start with \(message)")
            }
        }
    }

    /// The limits reach the run, its evaluations count epochs, early stopping stops and
    /// restores, the regression run has no accuracy, and each run has a repeat with the next seed.
    func testShortRunsRecordWhatTheOptionsAsk() throws {
        let c = try StudyConfig.parse(Self.config, file: "o.yaml")
        let dir = TemporaryDirectory.make("nnviz-options")
        let store = try StudyRunner.run(c, dataDirectory: dir, progress: Silent())
        XCTAssertEqual(store.runs.map(\.name).sorted(), ["opts/limited", "opts/limited@seed6", "opts/regression", "opts/regression@seed6"])
        let limited = try XCTUnwrap(store["opts/limited"])
        XCTAssertEqual(limited.start?.splits, ["train": 60, "validation": 30, "test": 1000])
        XCTAssertEqual(store["opts/limited@seed6"]?.start?.seed, 6)
        let epochs = (limited.scalars["val/loss"] ?? []).map(\.epoch)
        XCTAssertEqual(epochs, Array(0..<epochs.count).map { Optional($0) }, "one validation point per epoch")
        XCTAssertEqual((limited.scalars["val/loss"] ?? []).map(\.step), (0..<epochs.count).map { 2 * $0 + 1 }, "60 samples / 30 = 2 steps an epoch")
        XCTAssertNotNil(limited.values("early_stopping/restored_epoch").last)
        XCTAssertNotNil(limited.values("test_last/accuracy").last)
        XCTAssertNotNil(limited.values("test/accuracy").last)
        if limited.end?.status == "stopped_early" { XCTAssertLessThan(epochs.count, 4) }
        let regression = try XCTUnwrap(store["opts/regression"])
        XCTAssertEqual(regression.start?.loss, "mse")
        XCTAssertEqual(regression.start?.splits, ["train": 1400, "validation": 200, "test": 400])
        XCTAssertTrue(regression.start?.dataset.hasPrefix("friedman1") == true)
        XCTAssertEqual(regression.values("val/loss").count, 2)
        XCTAssertTrue(regression.values("val/accuracy").isEmpty, "no accuracy for a regression target")
        XCTAssertEqual(regression.end?.step, 2 * 14 - 1, "two epochs of 1400 samples in shuffled batches of 100")
    }
}

import Foundation
import NNEvents
import NNTensorBoard
import NNTestSupport
import XCTest

/// The import of the log directory tensorboardX and TensorBoard's own summaries wrote (Tests/Fixtures/tensorboard,
/// made by `scripts/check-tensorboard-import.py --fixture`: 20 steps, histograms of 20 values at steps 0 and 10).
/// The full comparison with TensorBoard's EventAccumulator is that script's; these check the mapping.
final class TensorBoardImportTests: XCTestCase {
    static func imported() throws -> (TensorBoardImport, EventStore) {
        let result = try TensorBoardImport.read([Fixtures.url("tensorboard").path])
        return (result, EventStore(result.events))
    }

    func testRunsAreTheFoldersWithKerasPartsJoined() throws {
        let (result, store) = try Self.imported()
        XCTAssertEqual(result.runs, ["adam", "keras_mlp", "sgd"])
        XCTAssertEqual(store.runs.map(\.name), ["adam", "keras_mlp", "sgd"])
        XCTAssertTrue(store.runs.allSatisfy { $0.start?.study == "tensorboard" })
    }

    func testV1ScalarsKeepTheirTagsAndFloatValues() throws {
        let (_, store) = try Self.imported()
        let sgd = try XCTUnwrap(store["sgd"])
        XCTAssertEqual(sgd.steps("accuracy"), Array(0..<20))
        // tensorboardX stores simple_value as float32: 0.1 + 0.8 * step / 20.
        XCTAssertEqual(sgd.values("accuracy"), (0..<20).map { Double(Float(0.1 + 0.8 * Double($0) / 20)) })
        XCTAssertEqual(sgd.values("loss").count, 20)
    }

    func testKerasLayoutGivesTrainAndValidationCurves() throws {
        let (_, store) = try Self.imported()
        let keras = try XCTUnwrap(store["keras_mlp"])
        XCTAssertEqual(Set(keras.scalars.keys), ["train/loss", "train/accuracy", "train/learning_rate", "val/loss", "val/accuracy",
                                                 "val/evaluation_loss_vs_iterations"])
        XCTAssertEqual(keras.values("train/loss"), [0, 1].map { Double(Float(1.5 / Double($0 + 1))) })
        XCTAssertEqual(keras.values("val/loss"), [0, 1].map { Double(Float(1.5 / Double($0 + 1) + 0.1)) })
        XCTAssertEqual(keras.scalars["val/loss"]?.map(\.epoch), [0, 1])
        XCTAssertEqual(keras.steps("val/evaluation_loss_vs_iterations"), [0, 100])
        // A v2 scalar of type double keeps its precision.
        XCTAssertEqual(keras.values("train/learning_rate"), [0.01, 0.005])
    }

    func testHistogramsKeepEveryValue() throws {
        let (_, store) = try Self.imported()
        for run in ["sgd", "adam"] {
            let r = try XCTUnwrap(store[run])
            XCTAssertEqual(Set(r.histograms.keys), ["fc1/weight", "fc1/weight_grad", "fc2/activation"])
            XCTAssertEqual(r.histograms["fc1/weight"]?[.weight]?.map(\.step), [0, 10])
            XCTAssertEqual(r.histograms["fc1/weight_grad"]?[.weightGradient]?.count, 2)
            XCTAssertEqual(r.histograms["fc2/activation"]?[.activation]?.count, 2)
            for h in r.histograms.values.flatMap(\.values).flatMap({ $0 }) {
                XCTAssertEqual(h.total, 20, "\(run) \(h.layer)")
                XCTAssertTrue(zip(h.edges, h.edges.dropFirst()).allSatisfy { $0 < $1 })
            }
            // v1 histograms carry exact moments: 20 values, the smallest and largest inside the bins.
            let stats = try XCTUnwrap(r.stats["fc1/weight"]?[.weight])
            XCTAssertEqual(stats.map(\.count), [20, 20])
            let h = try XCTUnwrap(r.histograms["fc1/weight"]?[.weight])
            for (s, b) in zip(stats, h) { XCTAssertTrue(b.edges[0] <= s.min && s.max <= b.edges[b.edges.count - 1]) }
        }
        let keras = try XCTUnwrap(store["keras_mlp"])
        XCTAssertEqual(keras.histograms["dense/kernel/histogram"]?[.weight]?.map(\.total), [20, 20])
        // A tensor of equal values (TensorBoard writes zero-width buckets): one bin one wide around the value.
        XCTAssertEqual(keras.histograms["dense/bias/histogram"]?[.weight]?.map(\.edges), [[-0.5, 0.5], [-0.25, 0.75]])
        XCTAssertEqual(keras.histograms["dense/bias/histogram"]?[.weight]?.map(\.counts), [[8], [8]])
    }

    func testHParamsBecomeSettingsAndOtherPluginsAreNamed() throws {
        let (result, store) = try Self.imported()
        let adam = try XCTUnwrap(store["adam"]?.start)
        XCTAssertEqual(adam.optimizer, "adam")
        XCTAssertEqual(adam.optimizerSettings, ["learning_rate": 0.001, "batch_size": 32, "nesterov": 0])
        let line = try XCTUnwrap(result.warnings.first { $0.hasPrefix("run 'adam'") })
        XCTAssertTrue(line.contains("1 image ('inputs')") && line.contains("plugin 'text' ('notes/text_summary')"), line)
        XCTAssertEqual(result.warnings.filter { !$0.hasPrefix("run 'adam'") }, [])
    }

    func testNotAnEventFileIsAWarningAndDamageKeepsTheRest() throws {
        let dir = TemporaryDirectory.make("nnviz-tb")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("run"), withIntermediateDirectories: true)
        let junk = dir.appendingPathComponent("run/events.out.tfevents.x")
        try Data("not a TFRecord at all, just text\n".utf8).write(to: junk)
        var data = try TFRecordReaderTests.sgdFile().data
        data.removeLast(3)
        try data.write(to: dir.appendingPathComponent("run/events.out.tfevents.y"))
        let result = try TensorBoardImport.read([dir.path])
        XCTAssertEqual(result.runs, ["run"])
        XCTAssertEqual(result.warnings.count, 2, "\(result.warnings)")
        XCTAssertTrue(result.warnings[0].hasPrefix("\(junk.path): byte offset 0: record length checksum mismatch"), result.warnings[0])
        XCTAssertTrue(result.warnings[1].contains("events.out.tfevents.y: byte offset ") && result.warnings[1].contains("truncated record"))
        // The file's last record (accuracy at step 19) is the one truncated; the other 19 steps are read.
        XCTAssertEqual(EventStore(result.events)["run"]?.steps("accuracy"), Array(0..<19))
    }

    func testFramedBytesThatAreNoEventAreAWarning() throws {
        let dir = TemporaryDirectory.make("nnviz-tb")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Intact framing around bytes that are no protobuf message (field number 0 is invalid), then a good file.
        var data = Data()
        for payload in [[UInt8](repeating: 0x00, count: 4), [0xFF, 0xFF, 0xFF]] {
            let length = withUnsafeBytes(of: UInt64(payload.count).littleEndian) { Array($0) }
            data += length
            data += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(length)).littleEndian) { Array($0) }
            data += payload
            data += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(payload)).littleEndian) { Array($0) }
        }
        let file = dir.appendingPathComponent("events.out.tfevents.0")
        try (data + TFRecordReaderTests.sgdFile().data).write(to: file)
        let result = try TensorBoardImport.read([file.path])
        XCTAssertEqual(result.warnings, ["\(file.path): byte offset 0: record not a TensorBoard Event (protobuf decoding failed); skipped "
                                         + "(2 such records in this file)"])
        XCTAssertEqual(EventStore(result.events).runs.first?.values("loss").count, 20)
    }

    func testRandomDamageOfEventFilesNeverTraps() throws {
        // The import over bytes (framing, protobuf, conversion), as the fuzz targets drive it, on seeded mutations.
        var g = SplitMix(state: 5)
        for folder in ["adam", "keras_mlp/train"] {
            let url = Fixtures.url("tensorboard/\(folder)")
            let name = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: url.path).first { $0.hasPrefix("events.out.tfevents.") })
            let original = try Data(contentsOf: url.appendingPathComponent(name))
            XCTAssertEqual(TensorBoardImport.read(data: original, file: name).warnings.filter { $0.contains("byte offset") }, [])
            for _ in 0..<150 {
                var data = original
                for _ in 0..<Int.random(in: 1...6, using: &g) { data[Int.random(in: 0..<data.count, using: &g)] = UInt8.random(in: 0...255, using: &g) }
                let result = TensorBoardImport.read(data: data.prefix(Int.random(in: 0...data.count, using: &g)), file: name)
                XCTAssertEqual(result.events.first?.kind, "run_start")
            }
        }
    }

    func testAFolderWithoutEventFilesIsAnError() throws {
        let dir = TemporaryDirectory.make("nnviz-tb")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try TensorBoardImport.read([dir.path])) {
            XCTAssertEqual("\($0)", "\(dir.path): no TensorBoard event files (events.out.tfevents.*) in it or its subfolders")
        }
        XCTAssertFalse(TensorBoardImport.isLogDirectory(dir.path))
        XCTAssertTrue(TensorBoardImport.isLogDirectory(Fixtures.url("tensorboard").path))
    }
}

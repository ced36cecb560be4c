import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// `nnviz import tensorboard` and `nnviz report LOGDIR`, run as a user runs them, on the log directory tensorboardX
/// and TensorBoard's summaries wrote (Tests/Fixtures/tensorboard).
final class TensorBoardCommandTests: XCTestCase {
    func nnviz(_ args: [String]) throws -> BuiltExecutable.Result {
        guard let exe = BuiltExecutable("nnviz") else {
            XCTFail("nnviz executable not built beside the tests: build it with the tests (`make test` does)")
            throw CocoaError(.fileNoSuchFile)
        }
        return try exe.run(args)
    }

    func testImportWritesTheRunsAsNNVizEvents() throws {
        let dir = TemporaryDirectory.make("nnviz-tb-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("nested/runs.events.jsonl")
        let r = try nnviz(["import", "tensorboard", Fixtures.url("tensorboard").path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("nnviz: warning: run 'adam': not imported (nnviz does not draw them): 1 image ('inputs')"), r.err)
        XCTAssertTrue(r.err.contains("nnviz: 3 runs, "), r.err)
        let (store, warnings) = try EventStore.read(paths: [out.path])
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(store.runs.map(\.name), ["adam", "keras_mlp", "sgd"])
        XCTAssertEqual(store["keras_mlp"]?.values("val/accuracy").count, 2)
        // Written whole: nothing but the file in its folder.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path), ["runs.events.jsonl"])
    }

    func testReportOfALogDirectoryDrawsTheTrainValidationCurves() throws {
        let dir = TemporaryDirectory.make("nnviz-tb-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try nnviz(["report", Fixtures.url("tensorboard").path, Fixtures.url("foreign/logistic.events.jsonl").path,
                           "--out", dir.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        let figures = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("figures").path)
        XCTAssertTrue(figures.contains("tensorboard_train_validation.png"), "\(figures.sorted())")
        let data = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("data").path)
        XCTAssertTrue(data.contains("tensorboard.events.jsonl") && data.contains("logistic.events.jsonl"), "\(data.sorted())")
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("keras_mlp"))
    }

    func testDamagedAndEmptyLogs() throws {
        let dir = TemporaryDirectory.make("nnviz-tb-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("logs/run"), withIntermediateDirectories: true)
        let junk = dir.appendingPathComponent("logs/run/events.out.tfevents.x")
        try Data("{\"not\": \"tfrecord\"}\n".utf8).write(to: junk)
        let out = dir.appendingPathComponent("x.jsonl")
        var r = try nnviz(["import", "tensorboard", dir.appendingPathComponent("logs").path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("nnviz: warning: \(junk.path): byte offset 0: record length checksum mismatch"), r.err)
        r = try nnviz(["import", "tensorboard", dir.appendingPathComponent("nowhere").path, "--out", out.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "nnviz: error: \(dir.appendingPathComponent("nowhere").path): no such directory or event file\n")
    }
}

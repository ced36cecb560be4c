import Foundation
import NNTestSupport
import XCTest

/// Issue 14's hostile configs through the command line, as a user runs them: one line on stderr
/// naming the file, line, key and limit, exit status 1, no training started, no report written.
/// (They trapped, segfaulted, grew to 24 GB, or ran every study.)
final class ConfigRefusalTests: XCTestCase {
    /// `nnviz train-and-report --config <text>` in a fresh folder: the result and the folder.
    func run(_ text: String) throws -> (result: BuiltExecutable.Result, folder: URL) {
        let folder = TemporaryDirectory.make("config-refusal")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        let nnviz = try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests")
        let result = try nnviz.run(["train-and-report", "--config", "bad.yaml", "--out", "out"], in: folder)
        return (result, folder)
    }

    func testHostileConfigsAreRefusedBeforeTraining() throws {
        let cases: [(String, [String])] = [
            ("steps: -1\n", ["bad.yaml:1: 'steps' must be positive, got -1"]),
            ("batch_size: -1\n", ["bad.yaml:1: 'batch_size' must be positive, got -1"]),
            ("batch_size: 0\nstudies: [init]\n", ["bad.yaml:1: 'batch_size' must be positive, got 0"]),
            ("studies: [init]\nbatch_size: 9223372036854775807\n", ["bad.yaml:2: 'batch_size'", "ConfigLimits.maxBatchSize"]),
            ("batch_size: 4000000\n", ["bad.yaml:1: 'batch_size' is 4,000,000", "65,536"]),
            ("runs:\n  - name: wide\n    hidden: [100000000]\n", ["bad.yaml:3: 'hidden' is 100,000,000", "ConfigLimits.maxWidth"]),
            ("hidden: " + String(repeating: "[", count: 100_000) + "\n", ["bad.yaml:1: the config nests more than 64 levels"]),
            ((0..<1_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + "\n", ["bad.yaml:65: the config nests"]),
            ("runs:\n" + String(repeating: "- ", count: 5_000) + "x\n", ["bad.yaml:2: the config nests"]),
            ("steps: 5\nsteps: 6\n", ["bad.yaml:2: duplicate key 'steps' (first at line 1)"]),
            ("", ["bad.yaml: the config is empty"]),
            ("learning_rate: NaN\n", ["bad.yaml:1: 'learning_rate' must be a finite number, got 'NaN'"]),
            ("learning_rate: .inf\n", ["bad.yaml:1: 'learning_rate' must be a finite number, got '.inf'"]),
            ("learning_rate: -0.01\n", ["bad.yaml:1: 'learning_rate' must be > 0, got -0.01"]),
            ("runs:\n  - name: a\n  - name: a\n", ["bad.yaml:3: a second run named 'a' (the first at line 2)"]),
            ("studies: [vanishing]\nbatch_size: 65536\n", ["run 'vanishing/", "ConfigLimits.maxActivations"]),
        ]
        for (text, parts) in cases {
            let (r, folder) = try run(text)
            defer { try? FileManager.default.removeItem(at: folder) }
            let shown = String(text.prefix(60)).debugDescription
            XCTAssertEqual(r.status, 1, "\(shown): \(r.err)")
            // Progress goes to stderr too: before the error, at most the first note (what will run).
            let lines = r.err.split(separator: "\n").map(String.init)
            let error = lines.last ?? ""
            XCTAssertTrue(error.hasPrefix("nnviz: error: "), r.err)
            XCTAssertLessThanOrEqual(lines.count, 2, "\(shown): \(r.err)")
            XCTAssertTrue(lines.dropLast().allSatisfy { $0.hasPrefix("nnviz ") && $0.contains(": studies ") }, r.err)
            for part in parts { XCTAssertTrue(error.contains(part), "\(shown): '\(error)' should name \(part)") }
            XCTAssertFalse(r.err.contains("training runs"), "no training started for \(shown): \(r.err)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/index.html").path), shown)
        }
    }
}

import Foundation
import NNStudies
import NNTestSupport
import XCTest

/// One validation of a config: the top level and each run meet the same checks, and every
/// input class of issue 14's YAML row and crash list (minimised) is refused with the file, line,
/// key and limit. A config that `parse` refuses never reaches the runner, so no training starts.
final class ConfigValidationTests: XCTestCase {
    /// The error `parse` throws for `text` (read as `c.yaml`), or a failure when it reads.
    func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let config = try StudyConfig.parse(text, file: "c.yaml")
            XCTFail("read without an error: \(config.runs.count) runs, settings \(config.settings)", file: file, line: line)
            return ""
        } catch let error as ConfigError {
            XCTAssertFalse(error.description.contains("\n"), "one line: \(error)", file: file, line: line)
            return error.description
        } catch {
            XCTFail("not a ConfigError: \(error)", file: file, line: line)
            return ""
        }
    }

    func assertError(_ text: String, _ parts: [String], file: StaticString = #filePath, line: UInt = #line) {
        let message = error(text, file: file, line: line)
        for part in parts { XCTAssertTrue(message.contains(part), "'\(message)' should name \(part)", file: file, line: line) }
    }

    /// The same bad value at the top level (line 1) and in a run (line 3) gets the same message.
    func testTopLevelAndRunValuesMeetTheSameChecks() {
        let values = ["steps": ["-1", "0", "1e3", "9223372036854775807", "200001"],
                      "batch_size": ["-1", "0", "4000000", "9223372036854775807"],
                      "epochs": ["-1", "0", "10001"],
                      "learning_rate": ["-1", "-0.5", "0", "NaN", "nan", ".nan", ".NaN", "inf", "-inf", ".inf", "-.Inf", "INF", "Infinity"],
                      "hidden": ["[-1]", "[0]", "[100000000]", "[16385]", "[\(Array(repeating: "4", count: 65).joined(separator: ", "))]"]]
        for (key, bad) in values {
            for value in bad {
                let top = error("\(key): \(value)\nstudies: [init]\n")
                let run = error("name: s\nruns:\n  - {name: a, \(key): \(value)}\n")
                XCTAssertTrue(top.hasPrefix("c.yaml:1: '\(key)'"), top)
                XCTAssertTrue(run.hasPrefix("c.yaml:3: '\(key)'"), run)
                XCTAssertEqual(top.dropFirst("c.yaml:1".count), run.dropFirst("c.yaml:3".count), "\(key): \(value)")
            }
        }
    }

    /// The minimised inputs of the issue, each with what its message must name.
    func testIssueInputsNameKeyLineAndLimit() {
        assertError("steps: -1\n", ["c.yaml:1", "'steps' must be positive, got -1"])
        assertError("name: x\nbatch_size: -1\n", ["c.yaml:2", "'batch_size' must be positive, got -1"])
        assertError("batch_size: 0\n", ["c.yaml:1", "'batch_size' must be positive, got 0"])
        assertError("steps: 0\n", ["c.yaml:1", "'steps' must be positive, got 0"])
        assertError("batch_size: 9223372036854775807\n", ["c.yaml:1", "'batch_size'", "65,536", "ConfigLimits.maxBatchSize"])
        assertError("batch_size: 4000000\n", ["c.yaml:1", "'batch_size' is 4,000,000", "65,536"])
        assertError("hidden: [100000000]\n", ["c.yaml:1", "'hidden' is 100,000,000", "16,384", "ConfigLimits.maxWidth"])
        assertError("learning_rate: -0.1\n", ["c.yaml:1", "'learning_rate' must be > 0, got -0.1"])
        assertError("learning_rate: NaN\n", ["c.yaml:1", "'learning_rate' must be a finite number, got 'NaN'"])
        assertError("learning_rate: .nan\n", ["c.yaml:1", "'learning_rate' must be a finite number, got '.nan'"])
        assertError("learning_rate: inf\n", ["c.yaml:1", "'learning_rate' must be a finite number, got 'inf'"])
        assertError("learning_rate: .inf\n", ["c.yaml:1", "'learning_rate' must be a finite number, got '.inf'"])
        assertError("runs:\n  - name: a\n    dropout: .NAN\n", ["c.yaml:3", "'dropout' must be a finite number"])
        assertError("runs:\n  - name: a\n    weight_decay: -.INF\n", ["c.yaml:3", "'weight_decay' must be a finite number"])
    }

    /// Empty configs used to run every study; now they say what to give.
    func testEmptyConfigIsAnError() {
        for text in ["", "\n\n", "# only a comment\n", "{}", "null", "~", "---\n...\n", "  \n# a\n  # b\n"] {
            assertError(text, ["c.yaml: the config is empty", "`studies:`", "`runs:`"])
        }
        assertError("- a\n- b\n", ["c.yaml:1: a config is a mapping of keys"])
        assertError("just words\n", ["c.yaml:1: a config is a mapping of keys"])
    }

    /// A repeated key used to win silently over the first; the error names both lines.
    func testDuplicateKeysNameBothLines() {
        assertError("steps: 10\nname: x\nsteps: 20\n", ["c.yaml:3: duplicate key 'steps' (first at line 1)"])
        assertError("runs:\n  - name: a\n    learning_rate: 0.1\n    learning_rate: -3\n", ["c.yaml:4: duplicate key 'runs.learning_rate' (first at line 3)"])
        assertError("data:\n  images: a\n  images: b\n  labels: c\n", ["c.yaml:3: duplicate key 'data.images' (first at line 2)"])
        assertError("runs:\n  - name: a\n    epochs: 3\n    early_stopping: {patience: 1, patience: 2}\n",
                    ["c.yaml:4: duplicate key 'early_stopping.patience' (first at line 4)"])
    }

    /// Two runs of one name used to end in a raw NSCocoaErrorDomain error about a `.partial` file.
    func testDuplicateRunNamesNameBothLines() {
        assertError("name: s\nruns:\n  - name: a\n  - name: b\n  - name: a\n    steps: 3\n",
                    ["c.yaml:5: a second run named 'a' (the first at line 3)"])
        assertError("runs:\n  - name: x@seed3\n", ["c.yaml:2", "'@seed'"])
        assertError("studies: [init,\n  vanishing, init]\n", ["c.yaml:2: 'studies' lists 'init' twice (first at line 1)"])
    }

    /// Text that is not YAML: one line, its position first (Yams' own message spreads over lines).
    func testInvalidYAMLIsOneLine() {
        assertError("name: x\nruns: [a, b\nseed: 3\n", ["c.yaml:", "not valid YAML: "])
        assertError("a: 'open\n", ["c.yaml:2:1: not valid YAML: found unexpected end of stream"])
        assertError("a: *nowhere\n", ["c.yaml:1:", "not valid YAML: "])
    }

    /// Nesting is bounded before Yams sees the text (it recursed until the stack overflowed).
    func testDeepNestingIsRefusedBeforeParsing() {
        let flow = "hidden: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        assertError(flow, ["c.yaml:1: the config nests more than 64 levels", "ConfigLimits.maxDepth"])
        let compact = "runs:\n" + String(repeating: "- ", count: 5_000) + "x\n"
        assertError(compact, ["c.yaml:2: the config nests more than 64 levels"])
        // Indentation costs a space a level: 1,000 levels fit in 0.5 MB, and are refused for their depth;
        // 5,000 levels take 12.5 MB, refused for their size before anything reads them.
        let block = { (n: Int) in (0..<n).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " end\n" }
        assertError(block(1_000), ["c.yaml:65: the config nests more than 64 levels"])
        assertError(block(5_000), ["c.yaml: larger than the limit of 1,048,576 bytes"])
        let braces = "a: " + String(repeating: "{b: ", count: 3_000) + "c" + String(repeating: "}", count: 3_000) + "\n"
        assertError(braces, ["c.yaml:1: the config nests more than 64 levels"])
    }

    /// Every other limit of `ConfigLimits`, each named in its message.
    func testEveryLimitIsNamed() {
        let big = "name: s\n# " + String(repeating: "x", count: ConfigLimits.maxFileBytes) + "\n"
        assertError(big, ["c.yaml: larger than the limit of 1,048,576 bytes", "ConfigLimits.maxFileBytes"])
        assertError("name: \(String(repeating: "n", count: 1025))\n", ["c.yaml:1: 'name' is 1,025 bytes long", "ConfigLimits.maxStringBytes"])
        let runs = (0...ConfigLimits.maxRuns).map { "  - name: r\($0)" }.joined(separator: "\n")
        assertError("runs:\n\(runs)\n", ["c.yaml:2: 'runs' lists 257 runs", "limit of 256", "ConfigLimits.maxRuns"])
        assertError("repeats: 101\n", ["c.yaml:1: 'repeats' is 101", "ConfigLimits.maxRepeats"])
        assertError("hidden: [16384, 16384, 16384]\n", ["c.yaml:1", "a 784-16384-16384-16384-10 network has 549,928,970 weights and biases",
                                                          "limit of 50,000,000 (ConfigLimits.maxParameters)"])
        assertError("runs:\n  - name: a\n    hidden: [4000, 4000, 4000, 4000]\n", ["c.yaml:3", "ConfigLimits.maxParameters"])
        assertError("name: s\nbatch_size: 65536\nhidden: [1000]\n", ["c.yaml:2", "batch_size 65,536 on a 784-1000-10 network holds",
                                                                    "ConfigLimits.maxActivations"])
        assertError("runs:\n  - name: a\n    train_samples: 10000001\n", ["c.yaml:3: 'train_samples' is 10,000,001", "ConfigLimits.maxSamples"])
        assertError("runs:\n  - name: a\n    epochs: 20000\n", ["c.yaml:3: 'epochs' is 20,000", "ConfigLimits.maxEpochs"])
        assertError("runs:\n  - {name: a, steps: 300000}\n", ["c.yaml:2: 'steps' is 300,000", "ConfigLimits.maxSteps"])
    }

    /// `load` reads at most the file limit: an endless device, a folder, a missing file and
    /// bytes that are not UTF-8 each get one line naming the path.
    func testLoadBoundsWhatItReads() throws {
        let folder = TemporaryDirectory.make("config-load")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let latin1 = folder.appendingPathComponent("latin1.yaml")
        try (Data("name: caf".utf8) + [0xE9, 0x0A]).write(to: latin1)   // é in Latin-1
        let cases = [("/dev/zero", "/dev/zero: larger than the limit of 1,048,576 bytes"), (folder.path, "\(folder.path): a folder, not a config file"),
                     (folder.appendingPathComponent("none.yaml").path, "none.yaml: no such config file"),
                     (latin1.path, "latin1.yaml: the config file is not UTF-8 text")]
        for (path, message) in cases {
            XCTAssertThrowsError(try StudyConfig.load(path: path), path) { XCTAssertTrue("\($0)".contains(message), "\($0)") }
        }
    }

    /// Limits are limits, not bans: the largest accepted values read.
    func testValuesAtTheLimitsRead() throws {
        let c = try StudyConfig.parse("""
            name: s
            repeats: \(ConfigLimits.maxRepeats)
            runs:
              - {name: a, steps: \(ConfigLimits.maxSteps), hidden: [\(ConfigLimits.maxWidth)], batch_size: 1000}
              - {name: b, hidden: [\(Array(repeating: "1", count: ConfigLimits.maxLayers).joined(separator: ", "))], epochs: \(ConfigLimits.maxEpochs)}
            """, file: "s.yaml")
        XCTAssertEqual(c.runs.map(\.steps).first, ConfigLimits.maxSteps)
        XCTAssertEqual(c.runs.last?.hidden.count, ConfigLimits.maxLayers)
        XCTAssertEqual(c.repeats, ConfigLimits.maxRepeats)
    }
}

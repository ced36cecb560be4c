import Foundation
import NNEvents
import NNStudies
import NNTestSupport
import XCTest

/// The limits the runner checks once the data is known, before any run trains: a built-in
/// study's nets under top-level settings, steps counted from epochs.
final class ConfigLimitsTests: XCTestCase {
    /// Records what the runner started.
    final class Started: ProgressSink, @unchecked Sendable {
        private let lock = NSLock()
        private var runs: [String] = []
        var began: [String] { lock.withLock { runs } }
        func began(_ run: String, steps: Int) { lock.withLock { runs.append(run) } }
        func advanced(_ run: String, step: Int, loss: Double) {}
        func ended(_ run: String, summary: String) {}
        func note(_ text: String) {}
    }

    /// Runs `text` and returns the error, checking that no run started and no events were written.
    func refusal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let config = try StudyConfig.parse(text, file: "c.yaml")
        let folder = TemporaryDirectory.make("limits")
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Started()
        do {
            _ = try StudyRunner.run(config, dataDirectory: folder, progress: started)
            XCTFail("ran", file: file, line: line)
        } catch {
            XCTAssertEqual(started.began, [], "no run started", file: file, line: line)
            let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            XCTAssertEqual(written, [], "no events written", file: file, line: line)
            return "\(error)"
        }
        return ""
    }

    /// The vanishing study's ten layers of 64 with a top-level batch of 65,536 hold
    /// 65,536 × (784 + 640 + 10) = 93,978,624 values per batch: refused, naming the run.
    func testBuiltInStudyUnderTopLevelSettings() throws {
        let message = try refusal("studies: [vanishing]\nbatch_size: 65536\n")
        XCTAssertTrue(message.hasPrefix("run 'vanishing/"), message)
        XCTAssertTrue(message.contains("holds 93,978,624 values per batch, more than the limit of 67,108,864 (ConfigLimits.maxActivations)"), message)
    }

    /// 10,000 epochs of batches of 1 are 10,000 × (training samples) steps: refused, naming the
    /// run's line and the epochs.
    func testStepsCountedFromEpochs() throws {
        let message = try refusal("name: s\nruns:\n  - {name: a, epochs: 10000, batch_size: 1, hidden: [4]}\n")
        XCTAssertTrue(message.hasPrefix("c.yaml:3: run 's/a': 10,000 epochs make "), message)
        XCTAssertTrue(message.hasSuffix("steps, more than the limit of 200,000 (ConfigLimits.maxSteps)"), message)
    }

    /// 100,000 steps of a net of ten layers, statistics every step and histograms every ten:
    /// (100,000 + 10,000) × 10 = 1,100,000 per-layer records, about 1 GB in memory: refused.
    func testRecordsOfOneRun() throws {
        let message = try refusal("name: s\nruns:\n  - {name: a, steps: 100000, batch_size: 1, hidden: [4, 4, 4, 4, 4, 4, 4, 4, 4]}\n")
        XCTAssertTrue(message.hasPrefix("c.yaml:3: run 's/a': 100,000 steps of 10 layers make 1,100,000 per-layer records, more than the "
                                        + "limit of 1,000,000 (ConfigLimits.maxRecords)"), message)
    }

    /// The documentation lists every limit with its value.
    func testLimitsAreDocumented() {
        let table = ConfigLimits.markdown
        for value in ["1,048,576", "| 64 |", "| 1,024 |", "| 256 |", "| 100 |", "16,384", "65,536", "200,000", "10,000", "10,000,000",
                      "50,000,000", "67,108,864", "| 1,000,000 |"] {
            XCTAssertTrue(table.contains(value), value)
        }
        XCTAssertTrue(ConfigSchema.markdown.hasSuffix(table))
    }

    /// Sizes however large are counted without overflow.
    func testModelSizesSaturate() throws {
        let problem = try XCTUnwrap(ConfigLimits.modelProblem(inputs: .max, hidden: [.max, .max], outputs: .max, batchSize: .max))
        XCTAssertEqual(problem.key, "hidden")
        XCTAssertTrue(problem.message.contains("9,223,372,036,854,775,807 weights and biases"), problem.message)
        XCTAssertNil(ConfigLimits.modelProblem(inputs: 784, hidden: [100], outputs: 10, batchSize: 100))
    }
}

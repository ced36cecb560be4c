import Foundation
import NNEvents
import NNStudies
import NNTestSupport
import XCTest

/// When an events file cannot be written, training stops at once: the run that failed ends
/// within a few steps, no run starts after it, and no `.partial` file is left.
final class WriteFailureTests: XCTestCase {
    /// Records how far each run got.
    final class Steps: ProgressSink, @unchecked Sendable {
        let lock = NSLock()
        var planned: [String: Int] = [:]
        var reached: [String: Int] = [:]
        func began(_ run: String, steps: Int) { lock.withLock { planned[run] = steps; reached[run] = 0 } }
        func advanced(_ run: String, step: Int, loss: Double) { lock.withLock { reached[run] = max(reached[run] ?? 0, step) } }
        func ended(_ run: String, summary: String) {}
        func note(_ text: String) {}
    }

    func testTrainingStopsAtTheFirstWriteFailure() throws {
        let config = try StudyConfig.parse("""
            name: limited
            studies: []
            record: {stats_every: 1, histograms_every: 1}
            runs:
              - {name: a, hidden: [64, 64], steps: 3000, batch_size: 16}
              - {name: b, hidden: [64, 64], steps: 3000, batch_size: 16}
              - {name: c, hidden: [64, 64], steps: 3000, batch_size: 16}
              - {name: d, hidden: [64, 64], steps: 3000, batch_size: 16}

            """, file: "limited.yaml")
        let dir = TemporaryDirectory.make("nnviz-efbig")
        let steps = Steps()
        // Every events file may grow to 256 KiB: a few dozen steps of statistics and histograms.
        let outcome = try FileSizeLimit.with(bytes: 256 << 10) {
            Result { try StudyRunner.run(config, dataDirectory: dir, progress: steps) }
        }
        guard case .failure(let error) = outcome else { return XCTFail("the runs fit in 256 KiB: the test needs larger events") }
        let e = try XCTUnwrap(error as? FileError, "\(error)")
        XCTAssertEqual(e.code, EFBIG)
        XCTAssertTrue(e.path.hasPrefix(dir.path + "/limited-") && e.path.hasSuffix(".events.jsonl"), e.path)
        XCTAssertTrue(e.description.hasSuffix(": cannot write: file too large (EFBIG)"), e.description)
        XCTAssertLessThan(steps.planned.count, 4, "runs started after the failure: \(steps.planned.keys.sorted())")
        for (run, step) in steps.reached { XCTAssertLessThan(step, 1000, "\(run) trained on after its events failed") }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        XCTAssertFalse(left.contains { $0.hasSuffix(".partial") }, "\(left)")
    }
}

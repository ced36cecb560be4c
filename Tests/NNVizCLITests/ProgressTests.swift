import Foundation
import NNTestSupport
import NNVizCLI
import XCTest

/// The progress display fits the terminal and redraws in place.
final class ProgressTests: XCTestCase {
    func testLinesFitTheWidthAndShowTheWholeJob() {
        let lines = ProgressLines(runs: [.init(name: "optimizers/projection-momentum-with-a-long-name", step: 40, total: 600, loss: 0.61),
                                         .init(name: "init/he", step: 0, total: 2000, loss: nil)],
                                  doneSteps: 4040, totalSteps: 11_100, finishedRuns: 3, plannedRuns: 13, elapsed: 5)
        for width in [40, 80, 100, 200] {
            let text = lines.lines(width: width)
            XCTAssertEqual(text.count, 3)
            for l in text { XCTAssertLessThan(l.count, width, "\(width): \(l)") }
        }
        let wide = lines.lines(width: 200)
        XCTAssertTrue(wide[1].contains("starting"), "a run that has not reported a loss does not show 'nan': \(wide[1])")
        XCTAssertTrue(wide[2].contains("4040/11100 steps") && wide[2].contains("3/13 runs") && wide[2].contains("808 steps/s"), wide[2])
        XCTAssertTrue(wide[2].contains("ETA 0:09"), wide[2])
        XCTAssertEqual(ProgressLines.bar(0.5, width: 10), "█████░░░░░")
    }

    /// Under tmux at 80 columns, the live lines never wrap and the total line is drawn in place.
    func testUnderTmuxAt80Columns() throws {
        let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tmux else { throw XCTSkip("tmux not installed") }
        let exe = try XCTUnwrap(BuiltExecutable("nnviz"))
        let dir = TemporaryDirectory.make("nnviz-tmux"), session = "nnviz-\(getpid())"
        func run(_ args: [String]) throws -> String {
            let p = Process(), pipe = Pipe()
            p.executableURL = URL(fileURLWithPath: tmux)
            p.arguments = args
            p.environment = ProcessInfo.processInfo.environment.merging(["TERM": "xterm-256color"]) { $1 }
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        _ = try run(["new-session", "-d", "-s", session, "-x", "80", "-y", "30",
                     "\(exe.url.path) train-and-report --quick --study vanishing --study optimizers --out \(dir.path); sleep 20"])
        defer { _ = try? run(["kill-session", "-t", session]) }
        var sawTotal = false, last = ""
        for _ in 0..<40 {
            Thread.sleep(forTimeInterval: 0.25)
            let pane = try run(["capture-pane", "-p", "-t", session])
            last = pane
            let lines = pane.split(separator: "\n", omittingEmptySubsequences: false)
            let totals = lines.filter { $0.hasPrefix("total ") }
            XCTAssertLessThanOrEqual(totals.count, 1, "the total line scrolled instead of being redrawn:\n\(pane)")
            for l in lines where l.hasPrefix("  ") || l.hasPrefix("total ") { XCTAssertLessThan(l.count, 80, l.description) }
            sawTotal = sawTotal || !totals.isEmpty
        }
        XCTAssertTrue(sawTotal, "a total line was drawn; the pane:\n\(last)")
    }
}

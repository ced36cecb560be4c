import Foundation
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
}

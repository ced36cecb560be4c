import Foundation
import NNEvents
import NNReport
import NNTestSupport
import XCTest

/// Names from outside (configs, other engines' event files) never become paths out of the
/// report folder, markup in the page, or formulas in a spreadsheet.
final class HostileNamesTests: XCTestCase {
    func testSlugsArePlainNamesOrCleanedWithAHash() {
        XCTAssertEqual(Slug.make("init/std=0.01"), "init-std0.01", "familiar names keep their form")
        XCTAssertEqual(Slug.make("vanishing/relu-he"), "vanishing-relu-he")
        for hostile in ["..", ".", "../../x", "/etc/passwd", "a\tb\"><svg onload=alert(1)>", "", "x/../y", "=HYPERLINK(\"http://x\")", "줄\n바꿈"] {
            let s = Slug.make(hostile)
            XCTAssertFalse(s.contains("/") || s.hasPrefix(".") || s.isEmpty, "\(hostile) → \(s)")
            XCTAssertTrue(s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }, "\(hostile) → \(s)")
        }
        XCTAssertNotEqual(Slug.make("a b"), Slug.make("a_b"))
        XCTAssertNotEqual(Slug.make("../x"), Slug.make("x"))
    }

    func testCSVCellsCannotRunAsFormulas() {
        let csv = CSVTable.text(["run", "value"], [["=HYPERLINK(\"http://evil\")", "-0.5"], ["+1+1", "@SUM(A1)"], ["two\nlines", "1e-3"]])
        let lines = csv.components(separatedBy: "\n")
        XCTAssertEqual(lines[1], "\"'=HYPERLINK(\"\"http://evil\"\")\",-0.5", "formula defused, negative number kept")
        XCTAssertEqual(lines[2], "'+1+1,'@SUM(A1)")
        XCTAssertEqual(lines[3], "\"two", "a line break stays inside its quoted field")
        XCTAssertEqual(lines[4], "lines\",1e-3")
    }

    func testAStudyNameFromAnEventFileCannotInjectMarkup() throws {
        let store = EventStore()
        let study = "x\"><svg\tonload=alert(document.domain)>"
        store.add(.runStart(RunStart(run: "r", study: study, seed: 0, layers: [], parameterCount: 0, optimizer: "", optimizerSettings: [:],
                                     loss: "", dataset: "", splits: [:], batchSize: 1, producer: "test")))
        for step in 0..<3 { store.add(.scalar(ScalarEvent(run: "r", name: "train/batch_loss", step: step, value: 1))) }
        let dir = TemporaryDirectory.make("nnviz-hostile")
        let page = try ReportWriter(directory: dir).write(sections: try ReportSections.build(store, builders: []), config: nil)
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertFalse(html.contains("<svg"), "no live markup from the study name")
        let figures = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("figures").path)
        XCTAssertFalse(figures.isEmpty)
        XCTAssertTrue(figures.allSatisfy { !$0.contains("<") && !$0.contains("\"") && !$0.contains("/") }, "\(figures)")
    }
}

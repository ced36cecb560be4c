import Foundation
import NNEvents
import NNPlot
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

/// Values no figure can show to scale (losses of ±1e308, a gradient norm of 1.797e308, a
/// trajectory at 1.2e11) are left out of the drawing instead of trapping in pixel conversions.
final class ExtremeValuesTests: XCTestCase {
    func testAReportOfExtremeValuesIsDrawn() throws {
        let (store, warnings) = try EventStore.read(paths: [Fixtures.url("foreign/extreme-values.events.jsonl").path])
        XCTAssertEqual(warnings, [])
        let dir = TemporaryDirectory.make("nnviz-extreme")
        let sections = try ReportSections.build(store, builders: [])
        XCTAssertFalse(sections.isEmpty)
        _ = try ReportWriter(directory: dir).write(sections: sections, config: nil)
        for f in sections.flatMap(\.figures) {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("figures/\(f.name).png").path))
        }
        var axes = Axes(title: "extremes", xLabel: "x", yLabel: "y", yScale: .log)
        axes.marks = [.line(LineMark(x: [0, 1, 2, 3], y: [1e308, 1.797e308, 1e-3, 1]))]
        XCTAssertNoThrow(try Figure(axes: [axes]).rasterize(dpi: 36))
    }
}

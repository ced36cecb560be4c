import Foundation
import NNEvents
import NNPlot
import NNReport
import NNTestSupport
import XCTest

/// The report drawn from another engine's events (`Tests/Fixtures/foreign`, written by
/// `examples/write_events.py`): no nnviz study, no engine, no training.
final class ReportWriterTests: XCTestCase {
    func store() throws -> EventStore {
        let (store, warnings) = try EventStore.read(paths: [Fixtures.url("foreign/logistic.events.jsonl").path])
        XCTAssertEqual(warnings, [])
        return store
    }

    func testForeignRunsGetTheGenericSection() throws {
        let sections = try ReportSections.build(store(), builders: [])
        XCTAssertEqual(sections.map(\.id), ["custom"])
        let s = sections[0]
        XCTAssertEqual(s.figures.first?.name, "custom_loss")
        // The loss CSV holds every recorded step of the file, raw and smoothed.
        let losses = try store().runs[0].values("train/batch_loss")
        let rows = s.figures[0].csv.split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, losses.count)
        XCTAssertEqual(rows.first?.split(separator: ",")[2], Substring(CSVTable.number(losses[0])))
        XCTAssertTrue(s.facts.contains { $0.label == "python-logreg: outcome" })
    }

    func testWriterWritesEveryFigureFileAndEscapesText() throws {
        var sections = try ReportSections.build(store(), builders: [])
        sections[0].title = "<b>study & co</b>"
        let dir = TemporaryDirectory.make("nnviz-writer")
        var writer = ReportWriter(directory: dir)
        writer.formats = ["png", "svg"]
        let page = try writer.write(sections: sections, config: nil)
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("&lt;b&gt;study &amp; co&lt;/b&gt;"))
        XCTAssertFalse(html.contains("<b>study"))
        for f in sections[0].figures {
            for ext in ["png", "svg"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("figures/\(f.name).\(ext)").path))
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("figures/\(f.name).pdf").path))
            XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("data/\(f.name).csv"), encoding: .utf8), f.csv)
        }
        // No temporary files are left beside what was written.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("figures").path)
        XCTAssertFalse(names.contains { $0.hasPrefix(".") })
    }

    func testCSVQuotesFieldsWithCommasAndQuotes() {
        XCTAssertEqual(CSVTable.text(["a", "b"], [["x,y", "say \"hi\""]]), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
        XCTAssertEqual(CSVTable.number(.nan), "")
        XCTAssertEqual(CSVTable.number(0.1), "0.1")
    }
}

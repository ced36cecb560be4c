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

    /// On a phone tables scroll in their own box (the page never scrolls sideways); figures open
    /// their PNG when tapped; wide figures print on landscape pages; held diagnoses fold in print.
    func testPageLayoutForPhonesAndPrint() throws {
        let dir = TemporaryDirectory.make("nnviz-layout")
        let page = try ReportWriter(directory: dir).write(sections: try ReportSections.build(store(), builders: []), config: nil)
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<table").count - 1, html.components(separatedBy: "<div class=\"tablebox\"><table").count - 1 + 1,
                       "every table but the provenance one scrolls in its own box")
        XCTAssertTrue(html.contains("<a href=\"figures/custom_loss.png\"><img"))
        XCTAssertTrue(html.contains("@page wide{size:landscape"))
        XCTAssertTrue(html.contains("tr.clear{display:none}tr.clear-summary{display:table-row}"))
        XCTAssertTrue(html.contains("<tr class=\"clear-summary\">"))
    }

    func testCSVQuotesFieldsWithCommasAndQuotes() {
        XCTAssertEqual(CSVTable.text(["a", "b"], [["x,y", "say \"hi\""]]), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
        XCTAssertEqual(CSVTable.number(.nan), "")
        XCTAssertEqual(CSVTable.number(0.1), "0.1")
    }
}

/// A run's `label` (a config's `label:`) is what its legend and panel say.
final class RunLabelTests: XCTestCase {
    func testGenericSectionUsesTheRunsLabel() throws {
        let store = EventStore()
        let layers = [LayerInfo(name: "dense_1", kind: "dense", inputs: 2, outputs: 2, activation: "relu")]
        store.add(.runStart(RunStart(run: "s/wide", study: "s", seed: 1, layers: layers, parameterCount: 6, optimizer: "sgd",
                                     optimizerSettings: [:], loss: "mse", dataset: "d", splits: [:], batchSize: 1, producer: "test",
                                     label: "wide net, lr 0.1")))
        for step in 0..<4 {
            store.add(.scalar(ScalarEvent(run: "s/wide", name: "train/batch_loss", step: step, value: 1 / Double(step + 1))))
            store.add(.layerStats(LayerStats(run: "s/wide", step: step, layer: "dense_1", index: 0, quantity: .weightGradient, count: 4,
                                             mean: 0, std: 1, min: -1, max: 1, l2: 0.5)))
        }
        let section = try XCTUnwrap(try ReportSections.build(store, builders: []).first)
        let labels = section.figures[0].figure.axes[0].marks.compactMap { mark -> String? in
            if case .line(let l) = mark { return l.label } else { return nil }
        }
        XCTAssertEqual(labels, ["wide net, lr 0.1"])
        // The norms figure's panels (here the one of ‖∂L/∂W‖) are titled by the run's label and the quantity.
        XCTAssertEqual(section.figures[1].figure.axes[0].title, "wide net, lr 0.1: ‖∂L/∂W‖")
    }
}

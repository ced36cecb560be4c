import Foundation
import NNEvents
import NNPlot
import NNReport
import NNTestSupport
import XCTest

/// The report's own texts exist in Korean, and a report of another engine's events (the
/// generic section) comes out in Korean with `language: .korean`.
final class ReportTextTests: XCTestCase {
    func testEveryReportTextHasAKoreanVersionWithTheSamePlaceholders() throws {
        let en = try XCTUnwrap(ReportText.catalog.table("report", .english)), ko = try XCTUnwrap(ReportText.catalog.table("report", .korean))
        XCTAssertNil(en.readError)
        XCTAssertNil(ko.readError)
        XCTAssertEqual(ko.keys, en.keys)
        for key in en.keys {
            XCTAssertEqual(Set(TextTable.placeholders(in: ko.template(key) ?? "")), Set(TextTable.placeholders(in: en.template(key) ?? "")), key)
        }
    }

    func testGenericSectionAndPageInKorean() throws {
        let (store, _) = try EventStore.read(paths: [Fixtures.url("foreign/logistic.events.jsonl").path])
        let sections = try ReportSections.build(store, builders: [], language: .korean)
        XCTAssertEqual(sections.map(\.id), ["custom"], "anchors and file names do not depend on the language")
        XCTAssertEqual(sections[0].title, "실험: custom")
        let dir = TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        var writer = ReportWriter(directory: dir)
        writer.formats = ["png"]
        writer.language = .korean
        let html = try String(contentsOf: writer.write(sections: sections, config: nil), encoding: .utf8)
        XCTAssertTrue(html.contains("<html lang=\"ko\">"))
        XCTAssertTrue(html.contains("<title>nnviz 보고서</title>"))
        var names = Set(store.runs.flatMap { r -> [String] in [r.name, r.label, r.start?.study ?? "", r.start?.dataset ?? "", r.start?.optimizer ?? ""] })
        names.formUnion(store.runs.flatMap { r -> [String] in r.layerOrder + (r.start?.layers ?? []).compactMap(\.initializer) })
        names.formUnion(store.runs.flatMap { r -> [String] in r.start?.optimizerSettings.keys.map { $0 } ?? [] })
        var english = EnglishWords.find(in: EnglishWords.visibleText(ofHTML: html), names: names)
        for f in sections.flatMap(\.figures) {
            english += try f.figure.layout().compactMap(\.text).flatMap { EnglishWords.find(in: $0, names: names).map { "\(f.name): \($0)" } }
        }
        XCTAssertEqual(english, [], english.joined(separator: "\n"))
    }
}

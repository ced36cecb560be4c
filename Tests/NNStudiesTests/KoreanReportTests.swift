import Foundation
import NNEvents
import NNPlot
import NNReport
import NNStudies
import NNTestSupport
import XCTest

/// Issue #12: a Korean report of the fixture events says everything in Korean — page, teaching
/// texts, findings, facts, diagnoses, settings, and every text inside every figure — except
/// names and code, and every character of its figures has a glyph.
final class KoreanReportTests: XCTestCase {
    /// The data's own identifiers: run, study, layer, initialiser and optimiser names, and the
    /// optimiser's settings keys (`beta1`, `epsilon`), as the events give them.
    static func names(_ store: EventStore) -> Set<String> {
        var names = Set(store.runs.flatMap { r -> [String] in [r.name, r.shortName, r.label, r.start?.study ?? "", r.start?.optimizer ?? ""] })
        names.formUnion(store.runs.flatMap { r -> [String] in r.layerOrder + (r.start?.layers ?? []).compactMap(\.initializer) })
        names.formUnion(store.runs.flatMap { r -> [String] in r.start?.optimizerSettings.keys.map { $0 } ?? [] })
        return names
    }

    func testKoreanReportHasNoEnglishButNamesAndCode() throws {
        let store = try StudySectionTests.fixtureStore()
        let sections = try StudyRegistry.sections(store, language: .korean)
        XCTAssertEqual(sections.map(\.id), ["perceptron", "boundaries", "backprop", "activations", "scaling", "vanishing", "init", "optimizers",
                                                 "batchnorm", "regularization", "learning-rate", "hpsearch"],
                       "anchors do not depend on the language")
        let dir = TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        var writer = ReportWriter(directory: dir)
        writer.formats = ["png"]
        writer.language = .korean
        let html = try String(contentsOf: writer.write(sections: sections, config: nil), encoding: .utf8)
        XCTAssertTrue(html.contains("<html lang=\"ko\"><head><meta charset=\"utf-8\">"))
        let names = Self.names(store)
        var english = EnglishWords.find(in: EnglishWords.visibleText(ofHTML: html), names: names)
        for f in sections.flatMap(\.figures) {
            for text in try f.figure.layout().compactMap(\.text) { english += EnglishWords.find(in: text, names: names).map { "\(f.name): \($0)" } }
            let rendered = try f.figure.renderChecked(.png(dpi: 36))
            XCTAssertEqual(rendered.unknownGlyphs, 0, "\(f.name): no glyph for \(rendered.textsWithUnknownGlyphs)")
        }
        XCTAssertEqual(english, [], "English left in the Korean report:\n" + english.joined(separator: "\n"))
        for s in sections { XCTAssertTrue(s.title.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, s.title) }
    }

    /// English stays the default and stays English.
    func testEnglishReportHasNoHangul() throws {
        let sections = try StudyRegistry.sections(StudySectionTests.fixtureStore())
        var texts: [String] = []
        for s in sections {
            texts += [s.title, s.intro] + s.findings + s.notes
            texts += s.facts.map(\.label) + s.settings.flatMap { $0 }
            for d in s.diagnoses.flatMap(\.results) { texts += [d.name, d.rule, d.measured, d.location] }
        }
        for f in sections.flatMap(\.figures) { texts += [f.caption] + (try f.figure.layout().compactMap(\.text)) }
        let hangul = texts.filter { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        XCTAssertEqual(hangul, [])
    }
}

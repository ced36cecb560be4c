import Foundation
import NNEvents
import NNReport
import NNStudies
import NNTestSupport
import XCTest
import Yams

/// Every text a reader sees has a Korean version: each study's `<id>.en.yaml` has an
/// `<id>.ko.yaml` with the same keys and placeholders, and the string tables NNEvents and NNReport
/// read without a YAML library read the same as with Yams.
final class TranslationTests: XCTestCase {
    func testEveryStudyProseHasAKoreanVersionWithTheSameKeysAndPlaceholders() throws {
        let english = Prose.files.filter { $0.hasSuffix(".en.yaml") }
        XCTAssertGreaterThanOrEqual(english.count, 4, "book and the three studies: \(Prose.files)")
        for file in english {
            let en = try XCTUnwrap(Prose.named(file))
            XCTAssertNil(en.readError, file)
            let koName = file.replacingOccurrences(of: ".en.yaml", with: ".ko.yaml")
            guard let ko = Prose.translation(of: file, into: .korean) else {
                XCTFail("no Korean prose for \(file): add \(koName) beside it")
                continue
            }
            XCTAssertNil(ko.readError, koName)
            XCTAssertEqual(ko.keys, en.keys, "\(koName) has the keys of \(file)")
            for key in en.keys {
                XCTAssertEqual(Set(TextTable.placeholders(in: ko.template(key) ?? "")), Set(TextTable.placeholders(in: en.template(key) ?? "")),
                               "\(koName): '\(key)' has the placeholders of \(file)")
            }
        }
    }

    func testKoreanProseIsFoundByItsEnglishSource() throws {
        let prose = Prose(yaml: "title: never used", source: "vanishing.en.yaml")
        XCTAssertEqual(try prose.text("title"), "never used")
        XCTAssertEqual(try Language.korean.apply { try prose.text("title") }, "기울기 소실: 시그모이드와 ReLU 비교")
        let toy = Prose(yaml: "title: a toy", source: "toy.en.yaml")
        XCTAssertEqual(try Language.korean.apply { try toy.text("title") }, "a toy", "no translation: English")
    }

    /// The tables NNEvents and NNReport read with their own flat-YAML reader say what Yams says.
    func testStringTablesReadTheSameAsWithYams() throws {
        let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for module in ["NNEvents", "NNReport"] {
            let base = root.appendingPathComponent("Sources/\(module)")
            let files = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }
            for file in files {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                let table = TextTable(yaml: text, source: file)
                XCTAssertNil(table.readError, file)
                let yams = try XCTUnwrap(Yams.load(yaml: text) as? [String: String], "\(file) is a mapping of texts")
                XCTAssertEqual(table.keys, yams.keys.sorted(), file)
                for (key, value) in yams { XCTAssertEqual(table.template(key), value, "\(file): \(key)") }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 4, "diagnoses and report, English and Korean")
    }
}

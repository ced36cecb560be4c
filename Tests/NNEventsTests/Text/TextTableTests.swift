import NNEvents
import XCTest

/// The flat YAML of the string tables, the look-up with placeholders, the fallback to English,
/// and the languages nnviz has.
final class TextTableTests: XCTestCase {
    func testReadsPlainQuotedAndFoldedTexts() throws {
        let yaml = """
        # a comment
        plain: a plain text # with a comment
        quoted: "a: quoted {value} \\"text\\" \\u00e9"
        single: 'it''s'
        folded: >-
          first line
          joined

          after a blank line
        korean: 기울기 소실
        """
        let t = TextTable(yaml: yaml, source: "t.yaml")
        XCTAssertNil(t.readError)
        XCTAssertEqual(t.keys, ["folded", "korean", "plain", "quoted", "single"])
        XCTAssertEqual(try t.text("plain"), "a plain text")
        XCTAssertEqual(try t.text("quoted", ["value": "1.5"]), "a: quoted 1.5 \"text\" é")
        XCTAssertEqual(try t.text("single"), "it's")
        XCTAssertEqual(try t.text("folded"), "first line joined\nafter a blank line")
        XCTAssertEqual(try t.text("korean"), "기울기 소실")
        XCTAssertEqual(TextTable.placeholders(in: t.template("quoted") ?? ""), ["value"])
    }

    func testProblemsAreErrorsNamingTheFileKeyAndLine() {
        XCTAssertThrowsError(try TextTable(yaml: "a: \"x {v}\"", source: "t.yaml").text("a")) {
            XCTAssertEqual("\($0)", "t.yaml: 'a': no value for {v}")
        }
        XCTAssertThrowsError(try TextTable(yaml: "a: x", source: "t.yaml").text("b")) { XCTAssertEqual("\($0)", "t.yaml: 'b': no such text") }
        for (yaml, reason) in [("a: x\n  more", "line 2: a text over several lines needs '>-'"), ("a: x\na: y", "line 2: 'a' appears twice"),
                               ("a: |\n  x", "line 1: '|' is not read here (quote the text)"), ("a: \"x", "line 1: unclosed '\"'")] {
            XCTAssertEqual(TextTable(yaml: yaml, source: "t.yaml").readError, reason, yaml)
        }
    }

    func testCatalogFallsBackToEnglishKeyByKey() throws {
        let catalog = TextCatalog(files: ["r.en.yaml": "a: one\nb: \"two {n}\"", "r.ko.yaml": "a: 하나"])
        XCTAssertEqual(catalog.languages(of: "r"), ["en", "ko"])
        XCTAssertEqual(try catalog.text("r", "a", language: .korean), "하나")
        XCTAssertEqual(try catalog.text("r", "b", ["n": "2"], language: .korean), "two 2", "missing in Korean: English")
        XCTAssertEqual(try Language.korean.apply { try catalog.text("r", "a") }, "하나", "the current language by default")
        XCTAssertEqual(try catalog.text("r", "a"), "one")
        XCTAssertThrowsError(try catalog.text("r", "c"))
    }

    func testLanguagesAreThoseWithTexts() {
        XCTAssertEqual(Language.available.map(\.code), ["en", "ko"])
        XCTAssertEqual(Language(code: "KO"), .korean)
        XCTAssertNil(Language(code: "fr"))
        XCTAssertEqual(Language.korean.name, "한국어")
        XCTAssertEqual(Language.current, .english)
    }
}

import Foundation
import NNEngine
import NNEvents
import NNStudies
import NNTestSupport
import XCTest

/// The config schema: one table of keys drives the parser and the documentation.
final class StudyConfigTests: XCTestCase {
    func testTopLevelValuesAreTheDefaultsOfCustomRuns() throws {
        let c = try StudyConfig.parse("""
            name: s
            learning_rate: 0.05
            steps: 30
            runs:
              - name: a
              - name: b
                learning_rate: 0.2
            batch_size: 16
            """, file: "s.yaml")
        XCTAssertEqual(c.runs.map(\.learningRate), [0.05, 0.2])
        XCTAssertEqual(c.runs.map(\.steps), [30, 30])
        XCTAssertEqual(c.runs.map(\.batchSize), [16, 16], "a key after 'runs' still reaches them")
        XCTAssertEqual(c.runs.map(\.name), ["s/a", "s/b"])
        XCTAssertTrue(c.studies.isEmpty, "runs without 'studies' make a custom study alone")
    }

    func testErrorsNameFileLineAndKey() {
        let cases: [(String, String)] = [
            ("name: x\nbogus: 1\n", "c.yaml:2: unknown key 'bogus'"),
            ("learning_rate: -1\n", "c.yaml:1: 'learning_rate' must be > 0, got -1.0"),
            ("runs:\n  - name: a\n    dropout: 1.5\n", "c.yaml:3: 'dropout' must be in [0, 1), got 1.5"),
            ("runs:\n  - name: a\n    activation: swish\n", "c.yaml:3: unknown activation 'swish'"),
            ("studies: [vanishing, nope]\n", "c.yaml:1: unknown study 'nope'"),
            ("steps: 0\n", "c.yaml:1: 'steps' must be positive, got 0"),
            ("runs:\n  - hidden: [4]\n", "c.yaml:2: a run needs a 'name'"),
            ("language: fr\n", "c.yaml:1: unknown language 'fr' (en, ko)"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try StudyConfig.parse(text, file: "c.yaml"), text) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error) should start with \(message)")
            }
        }
    }

    func testWrittenConfigReadsBackTheSame() throws {
        let c = try StudyConfig.parse("name: s\nseed: 3\nruns:\n  - {name: a, hidden: [8, 4], dropout: 0.25, label: \"A net\"}\n", file: "s.yaml")
        let again = try StudyConfig.parse(c.yaml, file: "config.yaml")
        XCTAssertEqual(again.yaml, c.yaml)
        XCTAssertEqual(again.runs.first?.dropout, 0.25)
        XCTAssertEqual(again.runs.first?.label, "A net")
    }

    /// A Korean config: its language and its Korean names come back from the written config.
    func testLanguageAndKoreanNamesReadBack() throws {
        let c = try StudyConfig.parse("name: \"깊은 망: 2\"\nlanguage: ko\nruns:\n  - {name: \"시그모이드 #1\", label: 기준}\n", file: "k.yaml")
        XCTAssertEqual(c.language, .korean)
        XCTAssertEqual(StudyConfig().language, .english, "English by default")
        let again = try StudyConfig.parse(c.yaml, file: "config.yaml")
        XCTAssertEqual(again.name, "깊은 망: 2")
        XCTAssertEqual(again.language, .korean)
        XCTAssertEqual(again.runs.map(\.name), ["깊은 망: 2/시그모이드 #1"])
        XCTAssertEqual(again.runs.map(\.label), ["기준"])
        XCTAssertEqual(again.yaml, c.yaml)
    }

    /// `docs/CONFIG.md` is the schema's own documentation: regenerate it when a key changes.
    func testDocumentationListsEveryKey() throws {
        let doc = try String(contentsOf: Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/CONFIG.md"), encoding: .utf8)
        XCTAssertTrue(doc.contains(ConfigSchema.markdown), "docs/CONFIG.md is out of date: paste ConfigSchema.markdown into it")
    }
}

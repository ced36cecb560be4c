import NNEvents
import NNTestSupport
import XCTest

/// The diagnoses speak the current language; their ids, verdicts and numbers do not change.
final class DiagnosisLanguageTests: XCTestCase {
    func testKoreanDiagnosesKeepIdsVerdictsAndNumbers() throws {
        let (store, _) = try EventStore.read(paths: [Fixtures.url("events/vanishing-sigmoid-xavier.events.jsonl").path])
        let run = try XCTUnwrap(store.runs.first)
        let english = Diagnoses.all(run), korean = Language.korean.apply { Diagnoses.all(run) }
        XCTAssertEqual(english.map(\.id), ["vanishing", "exploding", "saturation", "dead_relus", "collapsed", "update_ratio", "stalled",
                                           "overfitting", "divergence"])
        XCTAssertEqual(korean.map(\.id), english.map(\.id))
        XCTAssertEqual(korean.map(\.status), english.map(\.status))
        XCTAssertEqual(korean.map(\.value), english.map(\.value))
        XCTAssertEqual(korean[0].name, "기울기 소실")
        XCTAssertEqual(english[0].name, "vanishing gradients")
        XCTAssertEqual(Language.korean.apply { Diagnosis.Status.notMeasured.text }, "측정 안 됨")
        for (e, k) in zip(english, korean) {
            // Numbers are formatted the same way in both languages.
            let numbers = { (s: String) in s.split { !"0123456789.e-".contains($0) }.filter { $0.contains(where: \.isNumber) } }
            XCTAssertEqual(numbers(k.measured), numbers(e.measured), "\(e.id): \(k.measured) / \(e.measured)")
            XCTAssertFalse(k.rule.contains("{"), k.rule)
            XCTAssertTrue(k.location.hasPrefix(run.name), k.location)
        }
    }

    func testEveryRuleTextHasAKoreanVersionWithTheSamePlaceholders() throws {
        let en = try XCTUnwrap(Diagnoses.texts.table("diagnoses", .english)), ko = try XCTUnwrap(Diagnoses.texts.table("diagnoses", .korean))
        XCTAssertEqual(ko.keys, en.keys)
        for key in en.keys {
            XCTAssertEqual(Set(TextTable.placeholders(in: ko.template(key) ?? "")), Set(TextTable.placeholders(in: en.template(key) ?? "")), key)
        }
    }
}

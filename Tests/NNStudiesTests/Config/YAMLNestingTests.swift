import Foundation
import NNEngine
import NNStudies
import NNTestSupport
import XCTest
import Yams

/// The nesting scanner that guards Yams: it must never count fewer levels than Yams composes
/// (Yams is the oracle), and must not count text as structure where that would refuse
/// ordinary configs.
final class YAMLNestingTests: XCTestCase {
    /// Levels of collections in a composed node (a scalar is 0).
    func depth(_ node: Node) -> Int {
        switch node {
        case .scalar: return 0
        case .sequence(let s): return 1 + (s.map(depth).max() ?? 0)
        case .mapping(let m): return 1 + (m.flatMap { [depth($0.key), depth($0.value)] }.max() ?? 0)
        }
    }

    /// Random texts of YAML's indicators, quotes, comments, block scalars and line breaks: for
    /// every one Yams composes, the scanner's count is at least the composed depth.
    func testNeverCountsFewerLevelsThanYamsComposes() throws {
        let pieces = ["[", "]", "{", "}", "- ", "? ", ": ", ":", ",", "'", "''", "\"", "\\\"", "#", " ", "  ", "    ", "\n", "\n  ", "\n    ",
                      "a", "b: ", "|", "|-\n", ">", "&x ", "!t ", "*x", "\r", "\r\n", "\t", "---\n", "...\n", "\u{2028}", "\u{85}", "x y",
                      "\n- ", "\n  - ", "k:\n", "\n  k: ", "\n? ", "\n: ", "[k: v]", "{a, b}"]
        var generator = SeededGenerator(seed: 14)
        var composed = 0, deepest = 0
        for _ in 0..<60_000 {
            let count = Int.random(in: 1...24, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            guard let node = try? Yams.compose(yaml: text) else { continue }
            composed += 1
            let actual = depth(node)
            deepest = max(deepest, actual)
            XCTAssertGreaterThanOrEqual(YAMLNesting.depth(text), actual, "undercounted: \(text.debugDescription)")
        }
        XCTAssertGreaterThan(composed, 5_000, "enough texts were valid YAML to test anything")
        XCTAssertGreaterThanOrEqual(deepest, 3, "and some of them nested")
    }

    /// Known shapes, counted as a parser opens them.
    func testCountsEachKindOfLevel() {
        XCTAssertEqual(YAMLNesting.depth("a: b\nc: d\n"), 1)
        XCTAssertEqual(YAMLNesting.depth("a: [1, [2, {b: 3}]]\n"), 6, "a `[` counts 2: `[k: v]` holds a mapping")
        XCTAssertEqual(YAMLNesting.depth("? a\n: b: c\n"), 2, "the value of a `?` key may be a mapping on its line")
        XCTAssertEqual(YAMLNesting.depth("a:\n  b:\n    c: 1\n"), 3)
        XCTAssertEqual(YAMLNesting.depth("- - - x\n"), 4)
        XCTAssertEqual(YAMLNesting.depth("a:\n- b:\n  - c\n"), 5, "sequences at their mapping's indentation are levels too")
        XCTAssertEqual(YAMLNesting.depth("a:\r  b:\r    c: 1\r"), 3, "CR alone breaks lines, as libyaml reads it")
    }

    /// What is text to YAML is not counted: quoted scalars, comments, block scalars, the next
    /// lines of a plain scalar.
    func testTextIsNotStructure() {
        let deep = String(repeating: "[", count: 200) + " " + String(repeating: "- ", count: 200)
        XCTAssertEqual(YAMLNesting.depth("a: '\(deep)'\n"), 1)
        XCTAssertEqual(YAMLNesting.depth("a: \"\\\" \(deep)\"\n"), 1)
        XCTAssertEqual(YAMLNesting.depth("a: 1 # \(deep)\n"), 1)
        XCTAssertEqual(YAMLNesting.depth("a: |\n  \(deep)\n  \(deep)\nb: 2\n"), 1)
        XCTAssertEqual(YAMLNesting.depth("- a: >-\n    \(deep)\n  b: 1\n"), 2)
        XCTAssertEqual(YAMLNesting.depth("a: word\n  \(deep)\n"), 1, "a plain scalar's next line")
        XCTAssertEqual(YAMLNesting.depth("a: it's [x]\n"), 1, "an apostrophe inside a plain scalar opens no quote")
    }

    /// The examples and every config the tests use stay far below the limit.
    func testExamplesAreShallow() throws {
        let examples = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let text = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
            XCTAssertLessThanOrEqual(YAMLNesting.depth(text), 6, file)
            XCTAssertNoThrow(try StudyConfig.parse(text, file: file), file)
        }
    }
}

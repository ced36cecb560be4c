import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// The reader's fast path (scalar, layer_stats and histogram lines straight from bytes) gives the
/// same events as the general parser, bit for bit, on every fixture line and on random lines;
/// numbers read back exactly; errors and warnings still name the right line across blocks.
final class FastPathTests: XCTestCase {
    /// Every double of an event, as bits (NaN equals NaN, -0 differs from 0), with its text.
    static func bits(_ value: Any) -> [String] {
        if let d = value as? Double { return ["\(d.bitPattern)"] }
        if let s = value as? String { return [s] }
        if let i = value as? Int { return ["\(i)"] }
        let m = Mirror(reflecting: value)
        if m.displayStyle == .optional { return m.children.isEmpty ? ["nil"] : m.children.flatMap { bits($0.value) } }
        // A dictionary's order is its hashing's, not the file's: compare its entries sorted.
        if m.displayStyle == .dictionary { return m.children.map { bits($0.value).joined(separator: " ") }.sorted() }
        return ["\(m.subjectType)"] + m.children.flatMap { [($0.label ?? "")] + bits($0.value) }
    }

    /// Both paths on one line: the same event, or both refuse it.
    func assertSamePaths(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> Bool {
        let bytes = Array(line.utf8)
        let fast = Result { try EventReader.decode(line: bytes, fastPath: true) }
        let slow = Result { try EventReader.decode(line: bytes, fastPath: false) }
        switch (fast, slow) {
        case (.success(let a), .success(let b)):
            XCTAssertEqual(a.map(Self.bits), b.map(Self.bits), String(line.prefix(300)), file: file, line: lineNumber)
            return a != nil
        case (.failure(let a), .failure(let b)):
            XCTAssertEqual("\(a)", "\(b)", file: file, line: lineNumber)
        default:
            XCTFail("one path refused, the other did not: \(fast) / \(slow): \(line.prefix(300))", file: file, line: lineNumber)
        }
        return false
    }

    func testEveryFixtureLineDecodesTheSameOnBothPaths() throws {
        let dir = Fixtures.url("events")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertGreaterThan(files.count, 50)
        var lines = 0, fastKinds = 0
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            for line in text.split(separator: "\n") {
                lines += 1
                _ = assertSamePaths(String(line))
                if line.contains("\"kind\":\"layer_stats\"") || line.contains("\"kind\":\"scalar\"") { fastKinds += 1 }
            }
        }
        XCTAssertGreaterThan(lines, 5000)
        XCTAssertGreaterThan(fastKinds, lines / 2, "the fixtures are mostly lines the fast path reads")
    }

    /// A seeded generator of numbers in every JSON spelling, and of line variations.
    struct Numbers {
        var bits: SplitMix64
        init(state: UInt64) { bits = SplitMix64(state: state) }
        mutating func next() -> UInt64 { bits.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        mutating func number() -> String {
            switch below(9) {
            case 0: return "\(below(100_000))"
            case 1: return "-\(below(1000))"
            case 2: return "\(Double(bitPattern: next()))"                       // any double, NaN and inf included
            case 3: return "\(Double(below(1 << 30)) / Double(1 + below(1 << 20)))"
            case 4: return "\(below(10)).\(below(1_000_000))e\(below(2) == 0 ? "-" : "+")\(below(330))"
            case 5: return "0.\(String(repeating: "0", count: below(30)))\(next())\(next())"  // more than 19 digits
            case 6: return ["-0", "0.0", "-0.0e0", "1E5", "01", "1.", ".5", "+1", "1e", "--1", "1e400", "\"NaN\"", "\"Infinity\"", "null"][below(14)]
            case 7: return "\(Float(bitPattern: UInt32(truncatingIfNeeded: next())))"
            default: return "\(Double(below(1 << 53)))"
            }
        }
    }

    func randomLine(_ g: inout Numbers) -> String {
        var fields: [(String, String)] = [("v", "\"1.2\""), ("run", "\"r\\u00e9\"")]
        switch g.below(3) {
        case 0:
            fields += [("kind", "\"scalar\""), ("name", "\"loss\""), ("step", g.number()), ("value", g.number())]
            if g.below(2) == 0 { fields.append(("epoch", g.number())) }
        case 1:
            fields += [("kind", "\"layer_stats\""), ("step", g.number()), ("layer", "\"dense\""), ("quantity", "\"weight_grad\"")]
            for k in ["count", "mean", "std", "min", "max", "l2"] { fields.append((k, g.number())) }
            for k in ["index", "nan", "pos_inf", "dead_fraction", "update_ratio", "saturation_rule"] where g.below(2) == 0 {
                fields.append((k, k == "saturation_rule" ? "\"tanh |y| > 0.97\"" : g.number()))
            }
        default:
            let n = g.below(5)
            let edges = (0...n).map { _ in g.number() }, counts = (0..<n).map { _ in g.below(3) == 0 ? g.number() : "\(g.below(50))" }
            fields += [("kind", "\"histogram\""), ("step", "\(g.below(99))"), ("layer", "\"l\""), ("quantity", "\"weight\""),
                       ("edges", "[\(edges.joined(separator: ","))]"), ("counts", "[\(counts.joined(separator: ", "))]")]
        }
        if g.below(2) == 0 { fields[1] = ("run", "\"r\"") }
        if g.below(20) == 0 { fields.append(("extra", "1")) }
        if g.below(20) == 0 { fields.append(fields[g.below(fields.count)]) }       // a key twice
        if g.below(20) == 0 { fields.remove(at: g.below(fields.count)) }
        for _ in 0..<g.below(3) { fields.swapAt(g.below(fields.count), g.below(fields.count)) }
        let gap = [",", ", ", " , "][g.below(3)], colon = [":", ": "][g.below(2)]
        return "{" + fields.map { "\"\($0.0)\"\(colon)\($0.1)" }.joined(separator: gap) + "}" + ["", " ", "\r"][g.below(3)]
    }

    func testRandomLinesDecodeTheSameOnBothPaths() {
        var g = Numbers(state: 15)
        var fast = 0
        for _ in 0..<20_000 where assertSamePaths(randomLine(&g)) { fast += 1 }
        XCTAssertGreaterThan(fast, 2000, "enough random lines are valid events")
    }

    /// Every double written in its shortest form reads back to the same bits (Swift's description
    /// round-trips, a documented property), as do numbers of any length against `Double(String)`.
    func testNumbersReadBackExactly() throws {
        var g = Numbers(state: 7)
        for k in 0..<50_000 {
            let d = k % 2 == 0 ? Double(bitPattern: g.next()) : Double(Float(bitPattern: UInt32(truncatingIfNeeded: g.next())))
            guard d.isFinite else { continue }
            let text = k % 3 == 0 ? "\(d)" : String(format: "%.\(g.below(25))e", d)
            let line = "{\"v\":\"1.2\",\"kind\":\"scalar\",\"run\":\"r\",\"name\":\"x\",\"step\":1,\"value\":\(text)}"
            guard case .scalar(let s)? = try EventReader.decode(line: Array(line.utf8)) else { return XCTFail(line) }
            XCTAssertEqual(s.value.bitPattern, Double(text)?.bitPattern, text)
            if k % 3 == 0 { XCTAssertEqual(s.value.bitPattern, d.bitPattern, text) }
        }
    }
}

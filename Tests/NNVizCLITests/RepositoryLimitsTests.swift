import Foundation
import NNTestSupport
import XCTest

/// The limits that keep the code livable: every Swift file under 400 lines, every function
/// under 80, every line under 160 characters (sources and tests).
final class RepositoryLimitsTests: XCTestCase {
    static let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()

    static func swiftFiles() -> [URL] {
        ["Sources", "Tests"].flatMap { folder -> [URL] in
            let base = root.appendingPathComponent(folder)
            let all = FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? []
            return all.filter { $0.hasSuffix(".swift") }.sorted().map { base.appendingPathComponent($0) }
        }
    }

    func testFilesFunctionsAndLinesStayWithinTheLimits() throws {
        var problems: [String] = []
        for url in Self.swiftFiles() {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            let name = url.path.replacingOccurrences(of: Self.root.path + "/", with: "")
            if lines.count > 400 { problems.append("\(name): \(lines.count) lines (limit 400)") }
            for (k, l) in lines.enumerated() where l.count > 160 { problems.append("\(name):\(k + 1): \(l.count) characters (limit 160)") }
            for f in FunctionSpans.find(in: lines) where f.length > 80 {
                problems.append("\(name):\(f.line): function '\(f.name)' is \(f.length) lines (limit 80)")
            }
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testFunctionSpansCountBodiesNotStrings() {
        let code = ["func a() {", "    let s = \"{ not a brace\"", "    if x { y() }", "}", "func b() -> Int { 1 }",
                    "func c(", "    x: Int", ") {", "}", "protocol P { func d() }"]
        let spans = FunctionSpans.find(in: code)
        XCTAssertEqual(spans.map(\.name), ["a", "b", "c"])
        XCTAssertEqual(spans.map(\.length), [4, 1, 4])
    }
}

/// Where functions start and how many lines their bodies take, by counting braces outside
/// string literals (enough for this code base's style).
enum FunctionSpans {
    struct Span { var name: String; var line: Int; var length: Int }

    static func find(in lines: [String]) -> [Span] {
        var spans: [Span] = []
        var open: [(name: String, line: Int, depth: Int)] = []
        var depth = 0
        var inBlockString = false
        var pending: (name: String, line: Int)?
        for (k, raw) in lines.enumerated() {
            if raw.components(separatedBy: "\"\"\"").count % 2 == 0 { inBlockString.toggle(); continue }
            if inBlockString { continue }
            func scan(_ part: Substring) {
                for ch in part {
                    if ch == "{" {
                        if let p = pending { open.append((p.name, p.line, depth)); pending = nil }
                        depth += 1
                    } else if ch == "}" {
                        pending = nil
                        depth -= 1
                        if let last = open.last, depth == last.depth {
                            spans.append(Span(name: last.name, line: last.line, length: k + 2 - last.line))
                            open.removeLast()
                        }
                    }
                }
            }
            var code = Substring(stripStrings(raw))
            if let r = code.range(of: #"\b(func|init|subscript)\b\s*([A-Za-z_0-9]*)"#, options: .regularExpression) {
                scan(code[..<r.lowerBound])
                pending = (code[r].split(separator: " ").last.map(String.init) ?? "init", k + 1)
                code = code[r.upperBound...]
            }
            scan(code)
        }
        return spans
    }

    /// The line with the contents of its one-line string literals removed.
    static func stripStrings(_ line: String) -> String {
        var out = "", inString = false, escaped = false
        for ch in line {
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false; out.append(ch) }
            } else {
                if ch == "\"" { inString = true }
                out.append(ch)
            }
        }
        return out
    }
}

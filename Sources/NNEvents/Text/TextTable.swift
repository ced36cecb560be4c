import Foundation

/// A table of texts in one language, read from a flat YAML mapping of keys to texts: the
/// string tables of NNEvents and NNReport (`diagnoses.<language>.yaml`, `report.<language>.yaml`).
/// Texts may hold `{name}` placeholders, filled when looked up.
///
/// Only the part of YAML these files use is read (Foundation only, no YAML library here):
/// comment lines, `key: plain text`, `key: "double-quoted"` (with `\"`, `\\`, `\n`, `\t`, `\u`
/// escapes), `key: 'single-quoted'`, and folded blocks (`key: >-` then indented lines; a blank
/// line is a line break). Anything else is an error naming the line. A test checks that these
/// files read the same with Yams.
public struct TextTable: Sendable {
    /// Where the texts came from (named in errors).
    public let source: String
    private let texts: [String: String]
    private let problem: String?

    /// A table from YAML text; a file it cannot read gives a table whose every look-up fails with
    /// the reason, so a broken resource is an error, never a trap.
    public init(yaml: String, source: String) {
        self.source = source
        do {
            texts = try FlatYAML.parse(yaml)
            problem = nil
        } catch {
            texts = [:]
            problem = error.reason
        }
    }

    /// Every key, sorted.
    public var keys: [String] { texts.keys.sorted() }

    /// Why the file could not be read, if it could not.
    public var readError: String? { problem }

    /// The text under `key` with its `{name}` placeholders filled from `values`.
    public func text(_ key: String, _ values: [String: String] = [:]) throws(TextError) -> String {
        if let problem { throw TextError(source: source, key: key, reason: problem) }
        guard let template = texts[key] else { throw TextError(source: source, key: key, reason: "no such text") }
        return try Self.fill(template, values, source: source, key: key)
    }

    /// `template` (the text under `key` in `source`) with each `{name}` replaced by `values[name]`:
    /// the one placeholder filler of the report's texts and the studies' prose.
    public static func fill(_ template: String, _ values: [String: String], source: String, key: String) throws(TextError) -> String {
        do { return try fill(template, values) } catch { throw TextError(source: source, key: key, reason: error.reason) }
    }

    /// The text under `key` without placeholders, or nil.
    public func line(_ key: String) -> String? { try? text(key) }

    /// The raw text under `key`, placeholders unfilled (for tests that compare languages).
    public func template(_ key: String) -> String? { texts[key] }

    /// The names of the `{placeholders}` of a text, in order of appearance.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `template` with each `{name}` replaced by `values[name]`.
    static func fill(_ template: String, _ values: [String: String]) throws(FlatYAML.Problem) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw FlatYAML.Problem(reason: "unclosed '{'") }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else { throw FlatYAML.Problem(reason: "no value for {\(name)}") }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// A text that is missing or malformed in its table.
public struct TextError: Error, CustomStringConvertible {
    /// The table's file.
    public var source: String
    /// The key looked up.
    public var key: String
    /// What is wrong.
    public var reason: String
    /// One line naming the file, key and reason.
    public var description: String { "\(source): '\(key)': \(reason)" }
}

/// The reader of the flat YAML subset described at ``TextTable``.
enum FlatYAML {
    struct Problem: Error { var reason: String }

    static func parse(_ yaml: String) throws(Problem) -> [String: String] {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var out: [String: String] = [:]
        var k = 0
        while k < lines.count {
            let line = lines[k]
            k += 1
            if line.allSatisfy(\.isWhitespace) || line.first == "#" { continue }
            guard let colon = line.firstIndex(of: ":"), line.first?.isWhitespace == false else {
                throw Problem(reason: "line \(k): expected 'key: text'")
            }
            let key = String(line[..<colon])
            let rest = line[line.index(after: colon)...].trimmingLeadingSpaces()
            guard out[key] == nil else { throw Problem(reason: "line \(k): '\(key)' appears twice") }
            if rest == ">-" || rest == ">" {
                var block: [Substring] = []
                while k < lines.count, lines[k].first?.isWhitespace == true || lines[k].isEmpty { block.append(lines[k]); k += 1 }
                out[key] = folded(block, keepFinalNewline: rest == ">")
            } else {
                out[key] = try scalar(rest, line: k)
                if k < lines.count, lines[k].first == " ", !lines[k].allSatisfy(\.isWhitespace) {
                    throw Problem(reason: "line \(k + 1): a text over several lines needs '>-'")
                }
            }
        }
        return out
    }

    /// The lines of a folded block: lines joined by spaces, a blank line a line break.
    static func folded(_ raw: [Substring], keepFinalNewline: Bool) -> String {
        var lines = raw
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        let indent = lines.first { !$0.allSatisfy(\.isWhitespace) }?.prefix { $0 == " " }.count ?? 0
        var out = ""
        var pendingBreaks = 0
        for l in lines {
            if l.allSatisfy(\.isWhitespace) { pendingBreaks += 1; continue }
            let text = l.dropFirst(min(indent, l.prefix { $0 == " " }.count))
            if !out.isEmpty { out += pendingBreaks > 0 ? String(repeating: "\n", count: pendingBreaks) : " " }
            out += text
            pendingBreaks = 0
        }
        return keepFinalNewline && !out.isEmpty ? out + "\n" : out
    }

    static func scalar(_ s: Substring, line: Int) throws(Problem) -> String {
        if s.first == "\"" {
            guard s.count >= 2, s.last == "\"" else { throw Problem(reason: "line \(line): unclosed '\"'") }
            return try unescape(s.dropFirst().dropLast(), line: line)
        }
        if s.first == "'" {
            guard s.count >= 2, s.last == "'" else { throw Problem(reason: "line \(line): unclosed \"'\"") }
            return s.dropFirst().dropLast().replacingOccurrences(of: "''", with: "'")
        }
        if let first = s.first, "|&*!%@`{[".contains(first) {
            throw Problem(reason: "line \(line): '\(first)' is not read here (quote the text)")
        }
        let uncommented = s.range(of: " #").map { s[..<$0.lowerBound] } ?? s
        return String(uncommented).trimmingTrailingSpaces()
    }

    static func unescape(_ s: Substring, line: Int) throws(Problem) -> String {
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "\\" else { out.append(c); continue }
            switch it.next() {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "u":
                let hex = String((0..<4).compactMap { _ in it.next() })
                guard let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else { throw Problem(reason: "line \(line): bad \\u escape") }
                out.unicodeScalars.append(u)
            default: throw Problem(reason: "line \(line): unknown escape")
            }
        }
        return out
    }
}

private extension Substring {
    func trimmingLeadingSpaces() -> Substring { drop { $0 == " " || $0 == "\t" } }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

import Yams

/// A study's teaching prose in one language, read from its YAML resource: a mapping of keys
/// (`title`, `summary`, `intro`, `<figure>.caption`, `finding.<name>`, ...) to texts. Texts may
/// hold `{name}` placeholders, filled from numbers measured in the run.
public struct Prose: Sendable {
    /// Where the texts came from (named in errors).
    public let source: String
    private let texts: [String: String]
    private let problem: String?

    /// Prose from YAML text. A file that is not a flat mapping of texts gives prose whose every
    /// look-up fails with the reason, so a broken resource is an error, never a trap.
    public init(yaml: String, source: String) {
        self.source = source
        do {
            guard let node = try Yams.compose(yaml: yaml), let map = node.mapping else {
                texts = [:]; problem = "not a mapping of keys to texts"; return
            }
            var t: [String: String] = [:]
            var bad: String?
            for (k, v) in map {
                guard let key = k.scalar?.string, let value = v.scalar?.string else { bad = "line \(k.mark?.line ?? 0): not a text"; break }
                t[key] = value
            }
            texts = t; problem = bad
        } catch {
            texts = [:]; problem = "not valid YAML: \(error)"
        }
    }

    /// Prose from a resource compiled into the module (UTF-8 bytes).
    public init(resource bytes: [UInt8], source: String) {
        self.init(yaml: String(decoding: bytes, as: UTF8.self), source: source)
    }

    /// Every key, sorted (for tests that check each language has them all).
    public var keys: [String] { texts.keys.sorted() }

    /// The text under `key` with its `{name}` placeholders filled from `values`.
    public func text(_ key: String, _ values: [String: String] = [:]) throws(ProseError) -> String {
        if let problem { throw ProseError(source: source, key: key, reason: problem) }
        guard let template = texts[key] else { throw ProseError(source: source, key: key, reason: "no such text") }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw ProseError(source: source, key: key, reason: "unclosed '{'")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else { throw ProseError(source: source, key: key, reason: "no value for {\(name)}") }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The text under `key`, or `fallback` when it cannot be had (for one-line listings).
    public func line(_ key: String, or fallback: String) -> String { (try? text(key)) ?? fallback }
}

import Foundation
import NNEvents
import Yams

/// A study's teaching prose, read from its YAML resource: a mapping of keys (`title`, `summary`,
/// `intro`, `<figure>.caption`, `finding.<name>`, `fact.<name>`, axis labels, ...) to texts.
/// Texts may hold `{name}` placeholders, filled from numbers measured in the run.
///
/// Prose made from `<id>.en.yaml` speaks the current language (``NNEvents/Language/current``):
/// a look-up finds the same key in `<id>.<language>.yaml` beside it, if the module has that
/// file (every `*.yaml` of NNStudies is indexed by name at build time), else the English text.
/// So translating a study is adding one file.
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

    /// The text under `key` with its `{name}` placeholders filled from `values`, in the current
    /// language when this prose has a translation holding the key, else as written.
    public func text(_ key: String, _ values: [String: String] = [:]) throws(ProseError) -> String {
        let language = Language.current
        if language != .english, let translation = Self.translation(of: source, into: language), translation.texts[key] != nil {
            return try translation.own(key, values)
        }
        return try own(key, values)
    }

    /// The text under `key` in this file.
    private func own(_ key: String, _ values: [String: String]) throws(ProseError) -> String {
        if let problem { throw ProseError(source: source, key: key, reason: problem) }
        guard let template = texts[key] else { throw ProseError(source: source, key: key, reason: "no such text") }
        do { return try TextTable.fill(template, values, source: source, key: key) } catch {
            throw ProseError(source: source, key: key, reason: error.reason)
        }
    }

    /// The text under `key`, or `fallback` when it cannot be had (for one-line listings).
    public func line(_ key: String, or fallback: String) -> String { (try? text(key)) ?? fallback }

    /// The text under `key` with `values` filled in, or the key itself when it cannot be had (a
    /// short label inside a figure; tests check every key exists in every language).
    public func line(_ key: String, _ values: [String: String]) -> String { (try? text(key, values)) ?? key }

    /// The raw text under `key` in this file, placeholders unfilled (for tests comparing languages).
    public func template(_ key: String) -> String? { texts[key] }

    /// Why the file could not be read, if it could not.
    public var readError: String? { problem }
}

extension Prose {
    /// Every prose file of the built-in studies, by file name (`vanishing.en.yaml`, `vanishing.ko.yaml`, ...).
    public static var files: [String] { TextIndex.files.keys.sorted() }

    /// The prose of a file of the built-in studies, read once.
    public static func named(_ file: String) -> Prose? {
        lock.lock()
        defer { lock.unlock() }
        if let p = cache[file] { return p }
        guard let yaml = TextIndex.files[file] else { return nil }
        let p = Prose(yaml: yaml, source: file)
        cache[file] = p
        return p
    }

    /// The translation of English prose `<stem>.en.yaml` into `language`: `<stem>.<code>.yaml`.
    public static func translation(of source: String, into language: Language) -> Prose? {
        guard source.hasSuffix(".en.yaml") else { return nil }
        return named(String(source.dropLast(".en.yaml".count)) + ".\(language.code).yaml")
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Prose] = [:]
}

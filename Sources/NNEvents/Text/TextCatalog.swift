import Foundation

/// A module's texts in every language: the files `<name>.<language>.yaml` its build indexed
/// (see `Plugins/TextIndex`), read on first use. Looking a text up in a language falls back to
/// English when the language has no such file or no such key, so a study without a translation
/// still reads; tests check that every translation is complete.
public final class TextCatalog: @unchecked Sendable {
    private let files: [String: String]
    private let lock = NSLock()
    private var tables: [String: TextTable] = [:]

    /// A catalog of the given files (file name → YAML text).
    public init(files: [String: String]) { self.files = files }

    /// Every file name, sorted.
    public var fileNames: [String] { files.keys.sorted() }

    /// The table of `<name>.<language>.yaml`, if the file exists.
    public func table(_ name: String, _ language: Language) -> TextTable? { table(file: "\(name).\(language.code).yaml") }

    /// The table of a file, if it exists.
    public func table(file: String) -> TextTable? {
        lock.lock()
        defer { lock.unlock() }
        if let t = tables[file] { return t }
        guard let yaml = files[file] else { return nil }
        let t = TextTable(yaml: yaml, source: file)
        tables[file] = t
        return t
    }

    /// The language codes that have a file `<name>.<code>.yaml`.
    public func languages(of name: String) -> [String] {
        files.keys.compactMap { f -> String? in
            guard f.hasPrefix(name + "."), f.hasSuffix(".yaml") else { return nil }
            let code = f.dropFirst(name.count + 1).dropLast(5)
            return code.contains(".") ? nil : String(code)
        }.sorted()
    }

    /// The text under `key` in `<name>.<language>.yaml`, else in `<name>.en.yaml`; its
    /// placeholders filled from `values`. Throws when neither has it.
    public func text(_ name: String, _ key: String, _ values: [String: String] = [:],
                     language: Language = .current) throws(TextError) -> String {
        if language != .english, let t = table(name, language), t.template(key) != nil { return try t.text(key, values) }
        guard let english = table(name, .english) else { throw TextError(source: "\(name).en.yaml", key: key, reason: "no such file") }
        return try english.text(key, values)
    }
}

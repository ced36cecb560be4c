/// A language the report can be written in: an ISO 639-1 code (`en`, `ko`).
///
/// A language exists when its texts do: NNEvents' `diagnoses.<code>.yaml` (the diagnosis rules),
/// NNReport's `report.<code>.yaml` (the page, tables, shared axis labels), the studies'
/// `book.<code>.yaml` and each study's `<id>.<code>.yaml` (see docs/ARCHITECTURE.md, "To add a
/// language"). Texts missing in a language fall back to English.
///
/// The language in effect is a task-local value, ``current``: the report is built inside
/// `Language.korean.apply { ... }` (or `Language.$current.withValue`), and every text looked up
/// in that scope (prose, diagnoses, labels) comes out in it. Progress lines, errors and file
/// names do not depend on it.
public struct Language: Hashable, Sendable, CustomStringConvertible {
    /// The ISO 639-1 code, also the `lang` of the HTML page.
    public let code: String

    private init(uncheckedCode: String) { code = uncheckedCode }

    /// English, the default: every text exists in it.
    public static let english = Language(uncheckedCode: "en")
    /// Korean.
    public static let korean = Language(uncheckedCode: "ko")

    /// The language texts are looked up in (English unless a caller set another).
    @TaskLocal public static var current: Language = .english

    /// Every language with texts, English first.
    public static var available: [Language] {
        let codes = DiagnosisText.catalog.languages(of: "diagnoses")
        return [.english] + codes.filter { $0 != "en" }.sorted().map(Language.init(uncheckedCode:))
    }

    /// The language with `code`, if nnviz has its texts.
    public init?(code: String) {
        guard let found = Self.available.first(where: { $0.code == code.lowercased() }) else { return nil }
        self = found
    }

    /// The language's own name for itself (`English`, `한국어`).
    public var name: String { DiagnosisText.catalog.table("diagnoses", self)?.line("language.name") ?? code }

    /// The code.
    public var description: String { code }

    /// Runs `body` with this language as ``current``.
    public func apply<T>(_ body: () throws -> T) rethrows -> T {
        try Language.$current.withValue(self) { try body() }
    }
}

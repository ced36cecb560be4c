/// The texts of the diagnosis rules (`diagnoses.<language>.yaml`), in the current language.
enum DiagnosisText {
    /// NNEvents' texts.
    static let catalog = TextCatalog(files: TextIndex.files)

    /// The text under `key`; the key itself if the English file lacks it (a test checks none does).
    static func text(_ key: String, _ values: [String: String] = [:]) -> String {
        (try? catalog.text("diagnoses", key, values)) ?? key
    }
}

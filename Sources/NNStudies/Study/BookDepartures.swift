/// How nnviz's runs differ from the book's code, stated in the settings of the studies they
/// apply to (`book.en.yaml`).
enum BookDepartures {
    static let prose = Prose(resource: PackageResources.book_en_yaml, source: "book.en.yaml")

    /// Loss shown before the update, EMA smoothing, cross-entropy without +1e-7: every training study.
    static let training = ["batch_loss", "smoothing", "log_epsilon"]

    /// The texts of `keys` (without their `departure.` prefix).
    static func notes(_ keys: [String]) throws -> [String] { try keys.map { try prose.text("departure.\($0)") } }
}

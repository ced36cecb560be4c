import Yams

/// One key of the config file: its name, what it takes, what it means, and how it is applied.
/// The tables of fields in ``ConfigSchema`` are the config's one definition: the parser reads
/// through them and `docs/CONFIG.md` is written from them.
struct ConfigField<Target>: Sendable {
    /// The key.
    let key: String
    /// What it takes, for the documentation.
    let type: String
    /// What it does, for the documentation.
    let meaning: String
    /// Reads the node and sets the value.
    let apply: @Sendable (inout Target, Node, ConfigReader) throws -> Void
}

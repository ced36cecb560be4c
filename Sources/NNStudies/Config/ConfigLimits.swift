/// The bounds a study config is held to, in one place. Each default fits a 24 GiB machine with
/// room to spare while two runs train side by side: a config beyond one is refused before any
/// training starts, with the file, line, key and the limit. `docs/CONFIG.md` lists them
/// (``markdown``, printed by `nnviz studies --config-keys`).
///
/// The sizes of one model are bounded together: a width within ``maxWidth`` can still ask for
/// billions of weights between two wide layers, so ``maxParameters`` bounds the weights and
/// ``maxActivations`` the values one batch holds per copy (batch × every layer's width).
public enum ConfigLimits {
    /// Bytes of a config file (1 MiB: thousands of runs).
    public static let maxFileBytes = 1 << 20
    /// Levels of nesting (block indentation and flow brackets together), checked before the text
    /// reaches the YAML parser, whose composer recurses once per level (a config needs 5).
    public static let maxDepth = 64
    /// UTF-8 bytes of one string value: a name, a label, a file path.
    public static let maxStringBytes = 1024
    /// Custom runs in one config.
    public static let maxRuns = 256
    /// Times every training run is repeated (`repeats`).
    public static let maxRepeats = 100
    /// Hidden layers of one model.
    public static let maxLayers = 64
    /// Units of one hidden layer.
    public static let maxWidth = 16_384
    /// Samples in one batch.
    public static let maxBatchSize = 65_536
    /// Optimisation steps of one run, also when counted from epochs (every step keeps its
    /// recorded statistics in memory until the report is drawn).
    public static let maxSteps = 200_000
    /// Epochs of one run.
    public static let maxEpochs = 10_000
    /// `train_samples`, `validation_samples`, `train_eval_samples`.
    public static let maxSamples = 10_000_000
    /// Weights and biases of one model (200 MB of Float32; with gradients and optimiser state
    /// under 1 GB per run).
    public static let maxParameters = 50_000_000
    /// Per-layer records of one run: (steps ÷ `record.stats_every` + steps ÷ `record.histograms_every`)
    /// × layers. Each is kept in memory until the report is drawn and written to the events file
    /// (about 1 KB each: measured 46 MB for 48,400 records), so 1,000,000 is about 1 GB per run.
    public static let maxRecords = 1_000_000
    /// Values of one batch's activations: batch size × (inputs + every hidden width + outputs)
    /// (256 MB of Float32 per copy; a training step keeps a few copies).
    public static let maxActivations = 1 << 26

    /// The limits as a Markdown table, for `docs/CONFIG.md`.
    public static var markdown: String {
        let rows: [(String, Int, String)] = [
            ("file size", maxFileBytes, "bytes of the config file"),
            ("nesting depth", maxDepth, "levels of indentation and brackets, checked before the YAML parser sees the text"),
            ("string length", maxStringBytes, "UTF-8 bytes of a name, label or path"),
            ("`runs`", maxRuns, "custom runs in one config"),
            ("`repeats`", maxRepeats, "times every training run is repeated"),
            ("`hidden` layers", maxLayers, "hidden layers of one model"),
            ("`hidden` width", maxWidth, "units of one hidden layer"),
            ("`batch_size`", maxBatchSize, "samples in one batch"),
            ("`steps`", maxSteps, "steps of one run, also when counted from `epochs`"),
            ("`epochs`", maxEpochs, "epochs of one run"),
            ("samples", maxSamples, "`train_samples`, `validation_samples`, `train_eval_samples`"),
            ("parameters", maxParameters, "weights and biases of one model (inputs, hidden layers and outputs)"),
            ("activations", maxActivations, "batch size × (inputs + every hidden width + outputs)"),
            ("records", maxRecords, "per-layer records of one run: (steps ÷ `record.stats_every` + steps ÷ `record.histograms_every`) × layers"),
        ]
        return "| limit | at most | what it bounds |\n|---|---|---|\n"
            + rows.map { "| \($0.0) | \(grouped($0.1)) | \($0.2) |" }.joined(separator: "\n") + "\n"
    }

    /// `1048576` as `1,048,576`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        return digits.enumerated().map { k, d in (k > 0 && (digits.count - k) % 3 == 0 ? "," : "") + String(d) }.joined()
    }
}

extension ConfigLimits {
    /// "integer from 1 to 200,000": the type of a bounded count, for the documentation.
    static func upTo(_ limit: Int) -> String { "integer from 1 to \(grouped(limit))" }

    /// The type of `hidden`, for the documentation.
    static var hiddenType: String { "list of at most \(maxLayers) integers from 1 to \(grouped(maxWidth))" }
}

import Foundation
import NNEngine
import NNEvents
import NNRecorder
import Yams

/// What to run: built-in studies with shared settings, and custom runs. Read from YAML
/// (see `examples/*.yaml` and `docs/CONFIG.md`); unknown keys and wrong types are errors naming
/// the file, line and key. Top-level `steps`, `batch_size`, `learning_rate` and `hidden` reach
/// the built-in studies and are the defaults of custom runs.
public struct StudyConfig {
    /// The study's name (report folder, custom runs' prefix).
    public var name = "studies"
    /// Seed for every random draw.
    public var seed: UInt64 = 42
    /// Fewer steps, for a first look.
    public var quick = false
    /// The built-in (or registered) studies to run.
    public var studies: [any Study] = StudyRegistry.all
    /// Settings passed to the studies.
    public var settings = StudySettings()
    /// IDX images file instead of the embedded MNIST subset.
    public var images: String?
    /// IDX labels file matching `images`.
    public var labels: String?
    /// What custom runs record (nil: the lean default).
    public var record: RecordingPlan?
    /// Custom training runs.
    public var runs: [RunSpec] = []
    /// The language of the report (`--lang` overrides it).
    public var language = Language.english
    /// Every training run is run this many times, with seeds `seed`, `seed + 1`, ... (1: once).
    public var repeats = 1

    /// Every built-in study, default settings.
    public init() {}

    /// Reads a config file.
    public static func load(path: String) throws -> StudyConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ConfigError("\(path): cannot read the config file") }
        return try parse(text, file: path)
    }

    /// Parses config text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> StudyConfig {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else { return StudyConfig() }
            root = n
        } catch {
            throw ConfigError("\(file): not valid YAML: \(error)")
        }
        let reader = ConfigReader(file: file)
        var c = StudyConfig()
        let entries = try reader.mapping(root, "", known: ConfigSchema.top.map(\.key))
        for (key, _, value) in entries where key != "runs" {
            try ConfigSchema.top.first { $0.key == key }?.apply(&c, value, reader)
        }
        c.settings.seed = c.seed
        c.settings.quick = c.quick
        if let runs = entries.first(where: { $0.key == "runs" })?.value {
            guard let seq = runs.sequence else { throw ConfigError("\(reader.at(runs)): 'runs' must be a list of runs") }
            c.runs = try seq.map { try c.run($0, reader) }
            if !entries.contains(where: { $0.key == "studies" }) { c.studies = [] }   // a custom study alone
        }
        return c
    }

    /// A custom run: the top-level defaults, then the run's own keys.
    func run(_ item: Node, _ reader: ConfigReader) throws -> RunSpec {
        var spec = RunSpec(name: "", study: name, label: "", hidden: settings.hidden ?? [100], activation: .relu, initializer: .bookHe,
                           optimizer: .sgd, learningRate: settings.learningRate ?? 0.01, steps: settings.steps ?? 500,
                           batchSize: settings.batchSize ?? 100, seed: seed)
        let entries = try reader.mapping(item, "runs", known: ConfigSchema.run.map(\.key))
        for (key, _, value) in entries {
            try ConfigSchema.run.first { $0.key == key }?.apply(&spec, value, reader)
        }
        if spec.data == .friedman1 && !entries.contains(where: { $0.key == "loss" }) { spec.loss = .mse }
        guard !spec.name.isEmpty else { throw ConfigError("\(reader.at(item)): a run needs a 'name'") }
        try Self.check(spec, item, reader)
        if spec.label.isEmpty { spec.label = spec.name }
        spec.name = "\(name)/\(spec.name)"
        if let record { spec.plan = record }
        spec.evaluateEvery = max(1, spec.steps / 10)
        return spec
    }

    /// Fewer steps for a first look: built-in studies use their quick lengths, custom runs at most 100 steps (or 10 epochs).
    public mutating func makeQuick() {
        quick = true
        settings.quick = true
        for k in runs.indices {
            runs[k].steps = min(runs[k].steps, 100); runs[k].evaluateEvery = 10
            runs[k].epochs = runs[k].epochs.map { min($0, 10) }
        }
    }
}

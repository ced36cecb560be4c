import Foundation
import NNEngine
import NNEvents
import NNRecorder
import NNReport
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

    /// Reads a config file: at most ``ConfigLimits/maxFileBytes`` bytes are read (a device or an
    /// endless file is refused, not swallowed), and they must be UTF-8.
    public static func load(path: String) throws -> StudyConfig {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw ConfigError("\(path): no such config file") }
        guard !isFolder.boolValue else { throw ConfigError("\(path): a folder, not a config file") }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: ConfigLimits.maxFileBytes + 1) ?? Data()
        } catch {
            throw ConfigError("\(path): cannot read the config file (\(error.localizedDescription))")
        }
        try checkSize(data.count, file: path)
        guard let text = String(data: data, encoding: .utf8) else { throw ConfigError("\(path): the config file is not UTF-8 text") }
        return try parse(text, file: path)
    }

    /// Parses config text; `file` names it in errors. The text is bounded (size, nesting depth)
    /// before it reaches the YAML parser; then every value is checked, top level and per run
    /// alike (``ConfigLimits``), so that no config that reads without an error traps or
    /// exhausts the machine when it runs.
    public static func parse(_ text: String, file: String) throws -> StudyConfig {
        try checkSize(text.utf8.count, file: file)
        try YAMLNesting.check(text, file: file)
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch {
            throw ConfigError(Self.yamlProblem(error, file: file))
        }
        let empty = "\(file): the config is empty: give `studies:` (built-in studies, `nnviz studies` lists them) or `runs:` (custom runs)"
        guard let root = composed else { throw ConfigError(empty) }
        if let scalar = root.scalar, ["", "~", "null"].contains(scalar.string.lowercased()) { throw ConfigError(empty) }
        if root.mapping?.isEmpty == true { throw ConfigError(empty) }
        let reader = ConfigReader(file: file)
        guard root.mapping != nil else {
            throw ConfigError("\(reader.at(root)): a config is a mapping of keys (\(ConfigSchema.top.map(\.key).joined(separator: ", ")))")
        }
        var c = StudyConfig()
        let entries = try reader.mapping(root, "", known: ConfigSchema.top.map(\.key))
        for (key, _, value) in entries where key != "runs" {
            try ConfigSchema.top.first { $0.key == key }?.apply(&c, value, reader)
        }
        c.settings.seed = c.seed
        c.settings.quick = c.quick
        try c.checkSettings(root, reader)
        if let runs = entries.first(where: { $0.key == "runs" })?.value {
            try c.readRuns(runs, reader)
            if !entries.contains(where: { $0.key == "studies" }) { c.studies = [] }   // a custom study alone
        }
        return c
    }

    /// Yams' error in one line, its position first: `file:line:column: not valid YAML: what
    /// (while what, from line L)` (Yams' own description spreads over lines, with the text and a caret).
    static func yamlProblem(_ error: any Error, file: String) -> String {
        guard let e = error as? YamlError else { return "\(file): not valid YAML: \(error)" }
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let during = context.map { " (\($0.text), from line \($0.mark.line))" } ?? ""
            return "\(file):\(mark.line):\(mark.column): not valid YAML: \(problem)\(during)"
        default:
            let text = "\(e)".split(separator: "\n").map(String.init).joined(separator: " ")
            return "\(file): not valid YAML: \(text)"
        }
    }

    /// Refuses a config of more than ``ConfigLimits/maxFileBytes`` bytes.
    static func checkSize(_ bytes: Int, file: String) throws(ConfigError) {
        guard bytes <= ConfigLimits.maxFileBytes else {
            throw ConfigError("\(file): larger than the limit of \(ConfigLimits.grouped(ConfigLimits.maxFileBytes)) bytes for a config "
                              + "(ConfigLimits.maxFileBytes)")
        }
    }

    /// The custom runs, at most ``ConfigLimits/maxRuns``, each name once.
    mutating func readRuns(_ runs: Node, _ reader: ConfigReader) throws {
        guard let seq = runs.sequence else { throw ConfigError("\(reader.at(runs)): 'runs' must be a list of runs") }
        guard seq.count <= ConfigLimits.maxRuns else {
            throw ConfigError("\(reader.at(runs)): 'runs' lists \(ConfigLimits.grouped(seq.count)) runs, more than the limit of "
                              + "\(ConfigLimits.maxRuns) (ConfigLimits.maxRuns)")
        }
        var lines: [String: Int] = [:]
        for item in seq {
            let spec = try run(item, reader)
            if let first = lines[spec.name] {
                throw ConfigError("\(reader.at(item)): a second run named '\(spec.name.dropFirst(name.count + 1))' (the first at line \(first)): "
                                  + "each run needs its own name")
            }
            lines[spec.name] = reader.line(item)
            self.runs.append(spec)
        }
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
        guard !spec.name.contains(Repeats.separator) else {
            throw ConfigError("\(reader.at(item)): the run name '\(spec.name)' holds '\(Repeats.separator)', which marks the repeats of a run")
        }
        try Self.check(spec, item, reader)
        try checkModel(spec, item, reader)
        if spec.label.isEmpty { spec.label = spec.name }
        spec.name = "\(name)/\(spec.name)"
        spec.origin = reader.at(item)
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

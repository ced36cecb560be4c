import NNEngine
import NNEvents
import NNRecorder
import Yams

/// Every key a study config may hold, top level and per run, with its type and meaning.
public enum ConfigSchema {
    static let top: [ConfigField<StudyConfig>] = [
        .init(key: "name", type: "string", meaning: "The study's name: the report folder `reports/<name>` and the prefix of custom runs' names.") {
            $0.name = try $2.string($1, "name")
        },
        .init(key: "seed", type: "integer ≥ 0", meaning: "Seed for every random draw (data shuffle, weights, batches, dropout).") {
            $0.seed = try $2.seed($1, "seed")
        },
        .init(key: "quick", type: "true/false",
              meaning: "Fewer steps: built-in studies use their quick lengths, custom runs at most 100 steps (or 10 epochs).") {
            $0.quick = try $2.bool($1, "quick")
        },
        .init(key: "studies", type: "list of study names", meaning: "Built-in studies to run (`nnviz studies` lists them). "
              + "Default: all, or none when `runs` is given.") { c, n, r in
            guard let seq = n.sequence else { throw ConfigError("\(r.at(n)): 'studies' must be a list, e.g. [vanishing, init]") }
            var lines: [String: Int] = [:]
            c.studies = try seq.map { s in
                let id = try r.string(s, "studies")
                guard let study = StudyRegistry.study(id) else {
                    throw ConfigError("\(r.at(s)): unknown study '\(id)' (known: \(StudyRegistry.ids.joined(separator: ", ")))")
                }
                if let first = lines[id] { throw ConfigError("\(r.at(s)): 'studies' lists '\(id)' twice (first at line \(first))") }
                lines[id] = r.line(s)
                return study
            }
        },
        .init(key: "repeats", type: ConfigLimits.upTo(ConfigLimits.maxRepeats),
              meaning: "Run every training run this many times, with seeds seed, seed + 1, ...: "
              + "figures show the mean with a band from the smallest to the largest value, facts the spread (default 1).") {
            $0.repeats = try $2.repeats($1)
        },
        .init(key: "steps", type: ConfigLimits.upTo(ConfigLimits.maxSteps),
              meaning: "Steps of every training run (built-in studies and custom runs that do not set their own).") {
            $0.settings.steps = try $2.steps($1)
        },
        .init(key: "epochs", type: ConfigLimits.upTo(ConfigLimits.maxEpochs),
              meaning: "Epochs of the built-in studies that count epochs (batchnorm, regularization, "
              + "hpsearch; `steps` does not reach them).") {
            $0.settings.epochs = try $2.epochs($1)
        },
        .init(key: "batch_size", type: ConfigLimits.upTo(ConfigLimits.maxBatchSize), meaning: "Batch size of every training run, likewise.") {
            $0.settings.batchSize = try $2.batchSize($1)
        },
        .init(key: "learning_rate", type: "number > 0", meaning: "Learning rate of every training run, likewise.") {
            $0.settings.learningRate = try $2.learningRate($1)
        },
        .init(key: "hidden", type: ConfigLimits.hiddenType, meaning: "Hidden layer sizes of every training net, likewise.") {
            $0.settings.hidden = try $2.hidden($1)
        },
        .init(key: "data", type: "mapping: images, labels", meaning: "IDX files (raw or .gz) to train on instead of the embedded MNIST subset; "
              + "both keys are needed.") { c, n, r in
            for (key, _, v) in try r.mapping(n, "data", known: ["images", "labels"]) {
                if key == "images" { c.images = try r.string(v, "data.images") } else { c.labels = try r.string(v, "data.labels") }
            }
            guard (c.images == nil) == (c.labels == nil) else { throw ConfigError("\(r.at(n)): 'data' needs both 'images' and 'labels'") }
        },
        .init(key: "record", type: "mapping: stats_every, histograms_every", meaning: "What custom runs record: per-layer statistics every N "
              + "steps and histograms every M steps (0: never). Default 1 and 10.") { c, n, r in
            var plan = RecordingPlan.lean()
            for (key, _, v) in try r.mapping(n, "record", known: ["stats_every", "histograms_every"]) {
                let every = try r.int(v, "record.\(key)")
                guard every >= 0 else { throw ConfigError("\(r.at(v)): 'record.\(key)' must be 0 or more, got \(every)") }
                if key == "stats_every" { plan.statsEvery = every } else { plan.histogramsEvery = every }
            }
            c.record = plan
        },
        .init(key: "language", type: Language.available.map(\.code).joined(separator: ", "),
              meaning: "Language of the report: its page, teaching texts, findings, diagnoses, tables and figures (default en; "
              + "`--lang` overrides it). Progress lines stay English.") { c, n, r in
            let code = try r.string(n, "language")
            guard let language = Language(code: code) else {
                throw ConfigError("\(r.at(n)): unknown language '\(code)' (\(Language.available.map(\.code).joined(separator: ", ")))")
            }
            c.language = language
        },
        .init(key: "runs", type: "list of runs", meaning: "Custom training runs on the data, each a mapping of the run keys below.") { _, _, _ in },
    ]
}

import Foundation
import NNEngine
import NNEvents
import NNReport
import Yams

/// A study configuration read from YAML. Unknown keys and wrong types are errors naming the
/// file, line and key. See `examples/*.yaml`.
struct StudyConfig {
    var name = "studies"
    var seed: UInt64 = 42
    var quick = false
    var studies: [StudyKind] = StudyKind.allCases
    var settings = StudySettings()
    var images: String?
    var labels: String?
    var runs: [RunSpec] = []

    struct ConfigError: Error, CustomStringConvertible {
        var description: String
    }

    static let topKeys: Set<String> = ["name", "seed", "quick", "studies", "steps", "batch_size", "learning_rate", "hidden", "data", "runs", "record"]
    static let runKeys: Set<String> = ["name", "hidden", "activation", "initializer", "optimizer", "learning_rate", "steps", "batch_size", "seed", "label",
                                       "batch_norm", "dropout", "weight_decay"]

    static func load(path: String) throws -> StudyConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ConfigError(description: "\(path): cannot read the config file") }
        return try parse(text, file: path)
    }

    static func parse(_ text: String, file: String) throws -> StudyConfig {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else { return StudyConfig() }
            root = n
        } catch let e as YamlError {
            throw ConfigError(description: "\(file): not valid YAML: \(e)")
        }
        func at(_ n: Node) -> String { "\(file):\((n.mark?.line ?? 0))" }
        guard let map = root.mapping else { throw ConfigError(description: "\(at(root)): the config must be a mapping of keys to values") }
        func int(_ n: Node, _ key: String) throws -> Int {
            guard let s = n.scalar, let v = Int(s.string) else { throw ConfigError(description: "\(at(n)): '\(key)' must be an integer, got '\(n.scalar?.string ?? "a list or mapping")'") }
            return v
        }
        func double(_ n: Node, _ key: String) throws -> Double {
            guard let s = n.scalar, let v = Double(s.string) else { throw ConfigError(description: "\(at(n)): '\(key)' must be a number, got '\(n.scalar?.string ?? "a list or mapping")'") }
            return v
        }
        func string(_ n: Node, _ key: String) throws -> String {
            guard let s = n.scalar else { throw ConfigError(description: "\(at(n)): '\(key)' must be a string") }
            return s.string
        }
        func bool(_ n: Node, _ key: String) throws -> Bool {
            guard let s = n.scalar, let v = Bool(s.string.lowercased()) else { throw ConfigError(description: "\(at(n)): '\(key)' must be true or false") }
            return v
        }
        func ints(_ n: Node, _ key: String) throws -> [Int] {
            guard let seq = n.sequence else { throw ConfigError(description: "\(at(n)): '\(key)' must be a list of integers, e.g. [100, 100]") }
            return try seq.map { v in
                let x = try int(v, key)
                guard x > 0 else { throw ConfigError(description: "\(at(v)): '\(key)' sizes must be positive") }
                return x
            }
        }
        var c = StudyConfig()
        var record: RecordingPlan?
        for (k, v) in map {
            let key = k.scalar?.string ?? ""
            guard topKeys.contains(key) else {
                throw ConfigError(description: "\(at(k)): unknown key '\(key)' (known: \(topKeys.sorted().joined(separator: ", ")))")
            }
            switch key {
            case "name": c.name = try string(v, key)
            case "seed": c.seed = UInt64(max(0, try int(v, key)))
            case "quick": c.quick = try bool(v, key)
            case "studies":
                guard let seq = v.sequence else { throw ConfigError(description: "\(at(v)): 'studies' must be a list, e.g. [vanishing, init]") }
                c.studies = try seq.map { s in
                    let name = try string(s, "studies")
                    guard let kind = StudyKind(rawValue: name) else {
                        throw ConfigError(description: "\(at(s)): unknown study '\(name)' (known: \(StudyKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return kind
                }
            case "steps": c.settings.steps = try int(v, key)
            case "batch_size": c.settings.batchSize = try int(v, key)
            case "learning_rate": c.settings.learningRate = try double(v, key)
            case "hidden": c.settings.hidden = try ints(v, key)
            case "data":
                guard let m = v.mapping else { throw ConfigError(description: "\(at(v)): 'data' must be a mapping with 'images' and 'labels'") }
                for (dk, dv) in m {
                    switch dk.scalar?.string ?? "" {
                    case "images": c.images = try string(dv, "data.images")
                    case "labels": c.labels = try string(dv, "data.labels")
                    case let other: throw ConfigError(description: "\(at(dk)): unknown key 'data.\(other)' (known: images, labels)")
                    }
                }
                guard (c.images == nil) == (c.labels == nil) else { throw ConfigError(description: "\(at(v)): 'data' needs both 'images' and 'labels'") }
            case "record":
                guard let m = v.mapping else { throw ConfigError(description: "\(at(v)): 'record' must be a mapping") }
                var plan = RecordingPlan.lean()
                for (rk, rv) in m {
                    switch rk.scalar?.string ?? "" {
                    case "stats_every": plan.statsEvery = try int(rv, "record.stats_every")
                    case "histograms_every": plan.histogramsEvery = try int(rv, "record.histograms_every")
                    case let other: throw ConfigError(description: "\(at(rk)): unknown key 'record.\(other)' (known: stats_every, histograms_every)")
                    }
                }
                record = plan
            case "runs":
                guard let seq = v.sequence else { throw ConfigError(description: "\(at(v)): 'runs' must be a list of runs") }
                for item in seq {
                    guard let m = item.mapping else { throw ConfigError(description: "\(at(item)): each run must be a mapping") }
                    var spec = RunSpec(name: "", study: "", label: "", hidden: [100], activation: .relu, initializer: .bookHe, optimizer: .sgd,
                                       learningRate: 0.01, steps: 500, batchSize: 100, seed: c.seed)
                    var seedSet = false
                    for (rk, rv) in m {
                        let key = rk.scalar?.string ?? ""
                        guard runKeys.contains(key) else {
                            throw ConfigError(description: "\(at(rk)): unknown key 'runs.\(key)' (known: \(runKeys.sorted().joined(separator: ", ")))")
                        }
                        switch key {
                        case "name": spec.name = try string(rv, key)
                        case "label": spec.label = try string(rv, key)
                        case "hidden": spec.hidden = try ints(rv, key)
                        case "activation":
                            let s = try string(rv, key)
                            guard let a = Activation(name: s), a != .softmax else { throw ConfigError(description: "\(at(rv)): unknown activation '\(s)' (sigmoid, tanh, relu, leaky_relu, identity, step, sign)") }
                            spec.activation = a
                        case "initializer":
                            let s = try string(rv, key)
                            guard let i = Initializer(name: s) else { throw ConfigError(description: "\(at(rv)): unknown initializer '\(s)' (std=0.01, xavier_book, he_book, glorot_normal, glorot_uniform, he_uniform, zeros, ...)") }
                            spec.initializer = i
                        case "optimizer":
                            let s = try string(rv, key)
                            guard let o = OptimizerKind(rawValue: s.lowercased()) else { throw ConfigError(description: "\(at(rv)): unknown optimizer '\(s)' (\(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")))") }
                            spec.optimizer = o
                        case "learning_rate": spec.learningRate = try double(rv, key)
                        case "steps": spec.steps = try int(rv, key)
                        case "batch_size": spec.batchSize = try int(rv, key)
                        case "seed": spec.seed = UInt64(max(0, try int(rv, key))); seedSet = true
                        case "batch_norm": spec.batchNorm = try bool(rv, key)
                        case "dropout":
                            spec.dropout = try double(rv, key)
                            guard spec.dropout >= 0, spec.dropout < 1 else { throw ConfigError(description: "\(at(rv)): 'dropout' must be in [0, 1), got \(spec.dropout)") }
                        case "weight_decay":
                            spec.weightDecay = try double(rv, key)
                            guard spec.weightDecay >= 0 else { throw ConfigError(description: "\(at(rv)): 'weight_decay' must be >= 0, got \(spec.weightDecay)") }
                        default: break
                        }
                    }
                    guard !spec.name.isEmpty else { throw ConfigError(description: "\(at(item)): a run needs a 'name'") }
                    guard spec.steps > 0, spec.batchSize > 0 else { throw ConfigError(description: "\(at(item)): 'steps' and 'batch_size' must be positive") }
                    if !seedSet { spec.seed = c.seed }
                    if spec.label.isEmpty { spec.label = spec.name }
                    c.runs.append(spec)
                }
            default: break
            }
        }
        c.settings.seed = c.seed
        c.settings.quick = c.quick
        for k in c.runs.indices {
            c.runs[k].study = c.name
            c.runs[k].name = "\(c.name)/\(c.runs[k].name)"
            if let record { c.runs[k].plan = record }
            c.runs[k].evaluateEvery = max(1, c.runs[k].steps / 10)
        }
        if map.keys.contains(where: { $0.scalar?.string == "runs" }) && !map.keys.contains(where: { $0.scalar?.string == "studies" }) {
            c.studies = []   // a custom study alone
        }
        return c
    }

    /// Fewer steps for a first look: built-in studies use their quick lengths, custom runs at most 100 steps.
    mutating func makeQuick() {
        quick = true
        settings.quick = true
        for k in runs.indices { runs[k].steps = min(runs[k].steps, 100); runs[k].evaluateEvery = 10 }
    }

    /// The config as YAML (written beside a report: it reproduces the report).
    var yaml: String {
        var s = "# nnviz study config: `nnviz train-and-report --config config.yaml` reproduces this report.\n"
        s += "name: \(name)\nseed: \(seed)\nquick: \(quick)\nstudies: [\(studies.map(\.rawValue).joined(separator: ", "))]\n"
        if let v = settings.steps { s += "steps: \(v)\n" }
        if let v = settings.batchSize { s += "batch_size: \(v)\n" }
        if let v = settings.learningRate { s += "learning_rate: \(v)\n" }
        if let v = settings.hidden { s += "hidden: [\(v.map(String.init).joined(separator: ", "))]\n" }
        if let images, let labels { s += "data:\n  images: \(images)\n  labels: \(labels)\n" }
        if !runs.isEmpty {
            s += "record:\n  stats_every: \(runs[0].plan.statsEvery)\n  histograms_every: \(runs[0].plan.histogramsEvery)\nruns:\n"
            for r in runs {
                s += "  - name: \(r.name.split(separator: "/").last.map(String.init) ?? r.name)\n    hidden: [\(r.hidden.map(String.init).joined(separator: ", "))]\n"
                s += "    activation: \(r.activation)\n    initializer: \(r.initializer)\n    optimizer: \(r.optimizer.rawValue)\n"
                s += "    learning_rate: \(r.learningRate)\n    steps: \(r.steps)\n    batch_size: \(r.batchSize)\n"
                let shortName = r.name.split(separator: "/").last.map(String.init) ?? r.name
                if r.label != shortName { s += "    label: \"\(r.label.replacingOccurrences(of: "\"", with: "\\\""))\"\n" }
                if r.seed != seed { s += "    seed: \(r.seed)\n" }
                if r.batchNorm { s += "    batch_norm: true\n" }
                if r.dropout > 0 { s += "    dropout: \(r.dropout)\n" }
                if r.weightDecay > 0 { s += "    weight_decay: \(r.weightDecay)\n" }
            }
        }
        return s
    }
}

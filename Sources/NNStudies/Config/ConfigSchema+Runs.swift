import NNEngine
import Yams

extension ConfigSchema {
    /// The hidden activations a run may use.
    public static let activations = "sigmoid, tanh, relu, leaky_relu, identity, step, sign"
    /// The initialisers a run may use.
    public static let initializers = "std=0.01 (any std=X), xavier_book, he_book, glorot_normal, glorot_uniform, he_uniform, zeros"

    static let run: [ConfigField<RunSpec>] = [
        .init(key: "name", type: "string", meaning: "The run's name (required); the report shows `<study>/<name>`.") {
            $0.name = try $2.string($1, "name")
        },
        .init(key: "label", type: "string", meaning: "Legend text (default: the name).") { $0.label = try $2.string($1, "label") },
        .init(key: "hidden", type: "list of integers > 0", meaning: "Hidden layer sizes (default [100]).") { $0.hidden = try $2.sizes($1, "hidden") },
        .init(key: "activation", type: activations, meaning: "Hidden activation (default relu).") { spec, n, r in
            let s = try r.string(n, "activation")
            guard let a = Activation(name: s), a != .softmax else { throw ConfigError("\(r.at(n)): unknown activation '\(s)' (\(activations))") }
            spec.activation = a
        },
        .init(key: "initializer", type: initializers, meaning: "Weight initialiser (default he_book: std √(2/n_in)).") { spec, n, r in
            let s = try r.string(n, "initializer")
            guard let i = Initializer(name: s) else { throw ConfigError("\(r.at(n)): unknown initializer '\(s)' (\(initializers), ...)") }
            spec.initializer = i
        },
        .init(key: "optimizer", type: OptimizerKind.allCases.map(\.rawValue).joined(separator: ", "), meaning: "Optimiser (default sgd).") { spec, n, r in
            let s = try r.string(n, "optimizer")
            guard let o = OptimizerKind(rawValue: s.lowercased()) else {
                throw ConfigError("\(r.at(n)): unknown optimizer '\(s)' (\(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            spec.optimizer = o
        },
        .init(key: "learning_rate", type: "number > 0", meaning: "Learning rate (default: the top-level one, else 0.01).") {
            $0.learningRate = try $2.double($1, "learning_rate", in: Double.leastNonzeroMagnitude..<Double.infinity)
        },
        .init(key: "steps", type: "integer > 0", meaning: "Steps, each on a batch drawn with replacement (default: top level, else 500).") {
            $0.steps = try $2.positiveInt($1, "steps")
        },
        .init(key: "batch_size", type: "integer > 0", meaning: "Batch size (default: top level, else 100).") {
            $0.batchSize = try $2.positiveInt($1, "batch_size")
        },
        .init(key: "seed", type: "integer ≥ 0", meaning: "This run's own seed (default: the config's).") { $0.seed = try $2.seed($1, "seed") },
        .init(key: "batch_norm", type: "true/false", meaning: "Batch normalisation before each hidden activation.") {
            $0.batchNorm = try $2.bool($1, "batch_norm")
        },
        .init(key: "dropout", type: "number in [0, 1)", meaning: "Dropout rate after each hidden activation (0: none).") {
            $0.dropout = try $2.double($1, "dropout", in: 0..<1)
        },
        .init(key: "weight_decay", type: "number ≥ 0", meaning: "L2 weight decay λ: the loss gains λ/2 Σ‖W‖² (0: none).") {
            $0.weightDecay = try $2.double($1, "weight_decay", in: 0..<Double.infinity)
        },
    ]

    /// The documentation of every key, as Markdown tables (written to `docs/CONFIG.md`).
    public static var markdown: String {
        func table<T>(_ fields: [ConfigField<T>]) -> String {
            "| key | takes | meaning |\n|---|---|---|\n" + fields.map { "| `\($0.key)` | \($0.type) | \($0.meaning) |" }.joined(separator: "\n") + "\n"
        }
        return "## Top level\n\n" + table(top) + "\n## Each item of `runs`\n\n" + table(run)
    }
}

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
        .init(key: "hidden", type: ConfigLimits.hiddenType, meaning: "Hidden layer sizes (default [100]).") { $0.hidden = try $2.hidden($1) },
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
            $0.learningRate = try $2.learningRate($1)
        },
        .init(key: "steps", type: ConfigLimits.upTo(ConfigLimits.maxSteps),
              meaning: "Steps, each on a batch drawn with replacement (default: top level, else 500).") {
            $0.steps = try $2.steps($1)
        },
        .init(key: "batch_size", type: ConfigLimits.upTo(ConfigLimits.maxBatchSize), meaning: "Batch size (default: top level, else 100).") {
            $0.batchSize = try $2.batchSize($1)
        },
        .init(key: "seed", type: "integer ≥ 0", meaning: "This run's own seed (default: the config's).") { $0.seed = try $2.seed($1, "seed") },
        .init(key: "batch_norm", type: "true/false", meaning: "Batch normalisation before each hidden activation.") {
            $0.batchNorm = try $2.bool($1, "batch_norm")
        },
        .init(key: "batch_norm_momentum", type: "number in [0, 1)",
              meaning: "Weight of the old running mean and variance in each batch-norm update (default 0.99 as Keras; the book 0.9).") {
            $0.batchNormMomentum = try $2.double($1, "batch_norm_momentum", in: 0..<1)
        },
        .init(key: "batch_norm_epsilon", type: "number > 0", meaning: "Added to the batch variance before its square root (default 1e-3 "
              + "as Keras; the book 1e-6).") {
            $0.batchNormEpsilon = try $2.double($1, "batch_norm_epsilon", in: Double.leastNonzeroMagnitude..<Double.infinity)
        },
        .init(key: "dropout", type: "number in [0, 1)", meaning: "Dropout rate after each hidden activation (0: none).") {
            $0.dropout = try $2.double($1, "dropout", in: 0..<1)
        },
        .init(key: "weight_decay", type: "number ≥ 0", meaning: "L2 weight decay λ: the loss gains λ/2 Σ‖W‖² (0: none).") {
            $0.weightDecay = try $2.double($1, "weight_decay", in: 0..<Double.infinity)
        },
    ] + options

    /// The keys of what a run trains on and how long: data, loss, epochs, early stopping.
    static let options: [ConfigField<RunSpec>] = [
        .init(key: "dataset", type: DataSource.allCases.map(\.rawValue).joined(separator: ", "),
              meaning: "mnist (default): the config's images (the embedded subset, or the IDX files of `data`); friedman1: a generated "
                  + "regression set, 2000 samples of 10 features uniform on [0, 1], y = 10 sin(π x₁x₂) + 20 (x₃ − ½)² + 10 x₄ + 5 x₅ "
                  + "+ N(0, 1), drawn from the config's seed, split 70/10/20 % and standardised (loss mse).") { spec, n, r in
            let s = try r.string(n, "dataset")
            guard let d = DataSource(rawValue: s.lowercased()) else {
                throw ConfigError("\(r.at(n)): unknown dataset '\(s)' (\(DataSource.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            spec.data = d
        },
        .init(key: "loss", type: LossKind.allCases.map(\.rawValue).joined(separator: ", "),
              meaning: "cross_entropy (default for mnist): softmax cross-entropy; mse: mean squared error (on one-hot rows for classes).") {
            spec, n, r in
            let s = try r.string(n, "loss")
            guard let l = LossKind(rawValue: s.lowercased()) else {
                throw ConfigError("\(r.at(n)): unknown loss '\(s)' (\(LossKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            spec.loss = l
        },
        .init(key: "train_samples", type: ConfigLimits.upTo(ConfigLimits.maxSamples),
              meaning: "Train on the first N samples of the training split (default: all).") {
            $0.trainSamples = try $2.samples($1, "train_samples")
        },
        .init(key: "validation_samples", type: ConfigLimits.upTo(ConfigLimits.maxSamples),
              meaning: "Validate on the first N samples of the validation split (default: all).") {
            $0.validationSamples = try $2.samples($1, "validation_samples")
        },
        .init(key: "train_eval_samples", type: ConfigLimits.upTo(ConfigLimits.maxSamples),
              meaning: "Training samples evaluated at each evaluation, the `train/*` curves (default: as many as the validation samples).") {
            $0.trainEvaluationSamples = try $2.samples($1, "train_eval_samples")
        },
        .init(key: "epochs", type: ConfigLimits.upTo(ConfigLimits.maxEpochs),
              meaning: "Epochs of ⌈training samples / batch size⌉ steps, instead of `steps`; "
              + "the run is evaluated at the end of each epoch.") { $0.epochs = try $2.epochs($1) },
        .init(key: "shuffle", type: "true/false", meaning: "With epochs: each epoch a shuffled pass over the training samples, as Keras' "
              + "`fit` (default false: batches drawn with replacement, as the book).") { $0.shuffle = try $2.bool($1, "shuffle") },
        .init(key: "early_stopping", type: "mapping: patience, monitor, min_delta, restore_best_weights",
              meaning: "Keras' EarlyStopping after each epoch (needs `epochs`): stop when `monitor` (val_loss, val_accuracy, loss, "
                  + "accuracy; default val_loss) has not improved by more than min_delta (default 0) for `patience` epochs "
                  + "(default 0); restore_best_weights (default false) keeps the best epoch's weights.") { spec, n, r in
            var es = EarlyStoppingSpec()
            for (key, _, v) in try r.mapping(n, "early_stopping", known: ["patience", "monitor", "min_delta", "restore_best_weights"]) {
                switch key {
                case "patience": es.patience = try r.int(v, "early_stopping.patience")
                    if es.patience < 0 { throw ConfigError("\(r.at(v)): 'early_stopping.patience' must be 0 or more, got \(es.patience)") }
                case "monitor": es.monitor = try r.string(v, "early_stopping.monitor")
                    guard EarlyStoppingSpec.monitors.contains(es.monitor) else {
                        throw ConfigError("\(r.at(v)): unknown monitor '\(es.monitor)' (\(EarlyStoppingSpec.monitors.joined(separator: ", ")))")
                    }
                case "min_delta": es.minDelta = try r.double(v, "early_stopping.min_delta", in: 0..<Double.infinity)
                default: es.restoreBestWeights = try r.bool(v, "early_stopping.restore_best_weights")
                }
            }
            spec.earlyStopping = es
        },
    ]

    /// The documentation of every key, as Markdown tables (written to `docs/CONFIG.md`).
    public static var markdown: String {
        func table<T>(_ fields: [ConfigField<T>]) -> String {
            "| key | takes | meaning |\n|---|---|---|\n" + fields.map { "| `\($0.key)` | \($0.type) | \($0.meaning) |" }.joined(separator: "\n") + "\n"
        }
        return "## Top level\n\n" + table(top) + "\n## Each item of `runs`\n\n" + table(run)
            + "\n## Limits\n\nA config beyond one of these is refused before anything trains, with the file, line, key and limit "
            + "(`Sources/NNStudies/Config/ConfigLimits.swift`).\n\n" + ConfigLimits.markdown
    }
}

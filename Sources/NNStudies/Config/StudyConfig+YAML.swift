import Foundation
import NNEvents

extension StudyConfig {
    /// The config as YAML (written beside a report: it reproduces the report).
    public var yaml: String {
        var s = "# nnviz study config: `nnviz train-and-report --config config.yaml` reproduces this report.\n"
        s += "name: \(Self.quoted(name))\nseed: \(seed)\nquick: \(quick)\nstudies: [\(studies.map(\.id).joined(separator: ", "))]\n"
        if language != .english { s += "language: \(language.code)\n" }
        if repeats > 1 { s += "repeats: \(repeats)\n" }
        if let v = settings.steps { s += "steps: \(v)\n" }
        if let v = settings.epochs { s += "epochs: \(v)\n" }
        if let v = settings.batchSize { s += "batch_size: \(v)\n" }
        if let v = settings.learningRate { s += "learning_rate: \(v)\n" }
        if let v = settings.hidden { s += "hidden: [\(v.map(String.init).joined(separator: ", "))]\n" }
        if let images, let labels { s += "data:\n  images: \(images)\n  labels: \(labels)\n" }
        if !runs.isEmpty {
            s += "record:\n  stats_every: \(runs[0].plan.statsEvery)\n  histograms_every: \(runs[0].plan.histogramsEvery)\nruns:\n"
            for r in runs {
                s += "  - name: \(Self.quoted(r.name.split(separator: "/").last.map(String.init) ?? r.name))\n"
                s += "    hidden: [\(r.hidden.map(String.init).joined(separator: ", "))]\n"
                s += "    activation: \(r.activation)\n    initializer: \(r.initializer)\n    optimizer: \(r.optimizer.rawValue)\n"
                s += "    learning_rate: \(r.learningRate)\n" + (r.epochs == nil ? "    steps: \(r.steps)\n" : "") + "    batch_size: \(r.batchSize)\n"
                let shortName = r.name.split(separator: "/").last.map(String.init) ?? r.name
                if r.label != shortName { s += "    label: \"\(r.label.replacingOccurrences(of: "\"", with: "\\\""))\"\n" }
                if r.seed != seed { s += "    seed: \(r.seed)\n" }
                if r.batchNorm { s += "    batch_norm: true\n" }
                if r.dropout > 0 { s += "    dropout: \(r.dropout)\n" }
                if r.weightDecay > 0 { s += "    weight_decay: \(r.weightDecay)\n" }
                s += Self.optionsYAML(r)
            }
        }
        return s
    }

    /// A name as YAML: as it is when plain (letters, digits, `_.-/` and spaces inside), else in
    /// double quotes (a name with `:` or `#` or that looks like a number stays a string).
    static func quoted(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-/ ".unicodeScalars.contains($0) }
        let looksLikeValue = Double(name) != nil || ["true", "false", "null", "yes", "no", "~"].contains(name.lowercased())
        if plain, !looksLikeValue, !name.isEmpty, name.first != " ", name.last != " ", name.first != "-" { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension StudyConfig {
    /// The run options that differ from their defaults, as lines of a run in `config.yaml`.
    static func optionsYAML(_ r: RunSpec) -> String {
        var s = ""
        if r.batchNormMomentum != 0.99 { s += "    batch_norm_momentum: \(r.batchNormMomentum)\n" }
        if r.batchNormEpsilon != 1e-3 { s += "    batch_norm_epsilon: \(r.batchNormEpsilon)\n" }
        if r.data != .mnist { s += "    dataset: \(r.data.rawValue)\n" }
        if r.loss != .crossEntropy { s += "    loss: \(r.loss.rawValue)\n" }
        if let v = r.trainSamples { s += "    train_samples: \(v)\n" }
        if let v = r.validationSamples { s += "    validation_samples: \(v)\n" }
        if let v = r.trainEvaluationSamples { s += "    train_eval_samples: \(v)\n" }
        if let v = r.epochs { s += "    epochs: \(v)\n" }
        if r.shuffle { s += "    shuffle: true\n" }
        if let es = r.earlyStopping {
            s += "    early_stopping:\n      monitor: \(es.monitor)\n      patience: \(es.patience)\n"
            s += "      min_delta: \(es.minDelta)\n      restore_best_weights: \(es.restoreBestWeights)\n"
        }
        return s
    }
}

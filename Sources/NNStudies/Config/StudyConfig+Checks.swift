import Yams

extension StudyConfig {
    /// Refuses a run whose options do not go together, naming the file and line of the run.
    static func check(_ spec: RunSpec, _ item: Node, _ reader: ConfigReader) throws(ConfigError) {
        let at = reader.at(item)
        if spec.earlyStopping != nil && spec.epochs == nil {
            throw ConfigError("\(at): 'early_stopping' needs 'epochs' (it is checked at the end of each epoch)")
        }
        if spec.shuffle && spec.epochs == nil { throw ConfigError("\(at): 'shuffle' needs 'epochs' (it shuffles each epoch)") }
        if !spec.data.isClassification && spec.loss == .crossEntropy {
            throw ConfigError("\(at): 'dataset: \(spec.data.rawValue)' is a regression set: its loss is 'mse', not 'cross_entropy'")
        }
        if let es = spec.earlyStopping, !spec.data.isClassification, es.monitor.hasSuffix("accuracy") {
            throw ConfigError("\(at): 'early_stopping.monitor: \(es.monitor)': a regression run has no accuracy (monitor val_loss or loss)")
        }
    }

    /// The top-level settings as a model (the default of custom runs, and what the built-in
    /// studies start from) within ``ConfigLimits``, naming the line of the key at fault.
    func checkSettings(_ root: Node, _ reader: ConfigReader) throws(ConfigError) {
        let inputs = images == nil ? ConfigLimits.embeddedInputs : 1
        guard let problem = ConfigLimits.modelProblem(inputs: inputs, hidden: settings.hidden ?? [100],
                                                      outputs: ConfigLimits.embeddedOutputs, batchSize: settings.batchSize ?? 100) else { return }
        throw ConfigError("\(reader.at(Self.node(of: problem.key, in: root) ?? root)): \(problem.message)")
    }

    /// A run's model within ``ConfigLimits`` (its input width as far as it is known before the
    /// data is read: the embedded images', the regression set's, or 1 for IDX files).
    func checkModel(_ spec: RunSpec, _ item: Node, _ reader: ConfigReader) throws(ConfigError) {
        let regression = spec.data == .friedman1
        let inputs = regression ? ConfigLimits.regressionInputs : images == nil ? ConfigLimits.embeddedInputs : 1
        let outputs = regression ? 1 : ConfigLimits.embeddedOutputs
        guard let problem = ConfigLimits.modelProblem(inputs: inputs, hidden: spec.hidden, outputs: outputs, batchSize: spec.batchSize)
        else { return }
        throw ConfigError("\(reader.at(Self.node(of: problem.key, in: item) ?? item)): \(problem.message)")
    }

    /// The value of `key` in a mapping node, if it is there.
    static func node(of key: String, in mapping: Node) -> Node? {
        mapping.mapping?.first { $0.key.scalar?.string == key }?.value
    }
}

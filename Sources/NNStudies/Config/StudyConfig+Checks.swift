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
}

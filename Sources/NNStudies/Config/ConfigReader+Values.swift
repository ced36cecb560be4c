import Yams

/// The values both the top level and each run may set, checked by one definition each: a
/// top-level `steps: -1` meets the same check, message and limit as a run's.
extension ConfigReader {
    /// An integer from 1 to `limit` (named `limitName` in ``ConfigLimits``).
    func positiveInt(_ n: Node, _ key: String, atMost limit: Int, _ limitName: String) throws(ConfigError) -> Int {
        let v = try positiveInt(n, key)
        guard v <= limit else {
            throw ConfigError("\(at(n)): '\(key)' is \(ConfigLimits.grouped(v)), more than the limit of \(ConfigLimits.grouped(limit)) "
                              + "(ConfigLimits.\(limitName))")
        }
        return v
    }

    /// Steps of a run.
    func steps(_ n: Node) throws(ConfigError) -> Int { try positiveInt(n, "steps", atMost: ConfigLimits.maxSteps, "maxSteps") }

    /// Epochs of a run.
    func epochs(_ n: Node) throws(ConfigError) -> Int { try positiveInt(n, "epochs", atMost: ConfigLimits.maxEpochs, "maxEpochs") }

    /// Samples in a batch.
    func batchSize(_ n: Node) throws(ConfigError) -> Int {
        try positiveInt(n, "batch_size", atMost: ConfigLimits.maxBatchSize, "maxBatchSize")
    }

    /// Times every run is repeated.
    func repeats(_ n: Node) throws(ConfigError) -> Int { try positiveInt(n, "repeats", atMost: ConfigLimits.maxRepeats, "maxRepeats") }

    /// `train_samples`, `validation_samples` or `train_eval_samples`.
    func samples(_ n: Node, _ key: String) throws(ConfigError) -> Int {
        try positiveInt(n, key, atMost: ConfigLimits.maxSamples, "maxSamples")
    }

    /// A learning rate: a finite number > 0.
    func learningRate(_ n: Node) throws(ConfigError) -> Double {
        try double(n, "learning_rate", in: Double.leastNonzeroMagnitude..<Double.infinity)
    }

    /// Hidden layer sizes: at most ``ConfigLimits/maxLayers`` of them, each from 1 to ``ConfigLimits/maxWidth``.
    func hidden(_ n: Node) throws(ConfigError) -> [Int] {
        guard let seq = n.sequence else { throw ConfigError("\(at(n)): 'hidden' must be a list of integers, e.g. [100, 100]") }
        guard seq.count <= ConfigLimits.maxLayers else {
            throw ConfigError("\(at(n)): 'hidden' has \(seq.count) layers, more than the limit of \(ConfigLimits.maxLayers) "
                              + "(ConfigLimits.maxLayers)")
        }
        var out: [Int] = []
        for v in seq { out.append(try positiveInt(v, "hidden", atMost: ConfigLimits.maxWidth, "maxWidth")) }
        return out
    }
}

extension ConfigLimits {
    /// Input features of the embedded MNIST subset (28 × 28 pixels): the input width of a
    /// config's runs when it names no IDX files, for the checks made while it is read.
    static let embeddedInputs = 784
    /// Outputs of the embedded MNIST subset (its ten classes).
    static let embeddedOutputs = 10
    /// Input features of the generated regression set (Friedman #1).
    static let regressionInputs = 10

    /// What puts a model of these sizes past ``maxParameters`` or ``maxActivations``, or nil
    /// when it fits. Counted in saturating integers: no size, however large, traps.
    public static func modelProblem(inputs: Int, hidden: [Int], outputs: Int, batchSize: Int) -> (key: String, message: String)? {
        let widths = [inputs] + hidden + [outputs]
        let parameters = zip(widths, widths.dropFirst()).reduce(0) { sum(sum($0, product($1.0, $1.1)), $1.1) }
        let shape = widths.map(String.init).joined(separator: "-")
        if parameters > maxParameters {
            return ("hidden", "a \(shape) network has \(grouped(parameters)) weights and biases, more than the limit of \(grouped(maxParameters)) "
                + "(ConfigLimits.maxParameters)")
        }
        let activations = product(batchSize, widths.reduce(0, sum))
        if activations > maxActivations {
            return ("batch_size", "batch_size \(grouped(batchSize)) on a \(shape) network holds \(grouped(activations)) values per batch, more than the "
                + "limit of \(grouped(maxActivations)) (ConfigLimits.maxActivations)")
        }
        return nil
    }

    /// Refuses, before any of them trains, runs that the checks made while reading a config
    /// could not see: their input width known from the data, steps counted from epochs, a
    /// built-in study's runs under top-level settings, and two runs of one name (their events
    /// would go to one file). `widths` gives a run's inputs and outputs.
    static func check(_ specs: [RunSpec], widths: (RunSpec) -> (inputs: Int, outputs: Int)) throws(ConfigError) {
        var names: Set<String> = []
        for spec in specs {
            let place = spec.origin.map { "\($0): run '\(spec.name)'" } ?? "run '\(spec.name)'"
            guard names.insert(spec.name).inserted else { throw ConfigError("\(place): two runs have this name; each run needs its own") }
            let (inputs, outputs) = widths(spec)
            if let problem = modelProblem(inputs: inputs, hidden: spec.hidden, outputs: outputs, batchSize: spec.batchSize) {
                throw ConfigError("\(place): \(problem.message)")
            }
            if spec.steps > maxSteps {
                let from = spec.epochs.map { "\(grouped($0)) epochs make " } ?? ""
                throw ConfigError("\(place): \(from)\(grouped(spec.steps)) steps, more than the limit of \(grouped(maxSteps)) "
                                  + "(ConfigLimits.maxSteps)")
            }
            let records = product(sum(perStep(spec.steps, spec.plan.statsEvery), perStep(spec.steps, spec.plan.histogramsEvery)),
                                  spec.hidden.count + 1)
            if records > maxRecords {
                throw ConfigError("\(place): \(grouped(spec.steps)) steps of \(spec.hidden.count + 1) layers make \(grouped(records)) "
                                  + "per-layer records, more than the limit of \(grouped(maxRecords)) (ConfigLimits.maxRecords): fewer steps, "
                                  + "or a larger record.stats_every and record.histograms_every")
            }
        }
    }

    /// The records of `steps` steps when one is made every `every` steps (0: never).
    static func perStep(_ steps: Int, _ every: Int) -> Int { every > 0 ? steps / every : 0 }

    /// `a + b`, or `Int.max` when it overflows.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (v, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : v
    }

    /// `a × b`, or `Int.max` when it overflows.
    static func product(_ a: Int, _ b: Int) -> Int {
        let (v, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : v
    }
}

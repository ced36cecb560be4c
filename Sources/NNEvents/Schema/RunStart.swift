/// `run_start`: what was trained, on what, how.
public struct RunStart: Sendable, Equatable {
    public var run: String
    public var study: String
    public var seed: UInt64
    public var layers: [LayerInfo]
    public var parameterCount: Int
    public var optimizer: String
    public var optimizerSettings: [String: Double]
    public var loss: String
    public var dataset: String
    /// Samples per split, e.g. ["train": 4000, "validation": 500, "test": 500].
    public var splits: [String: Int]
    public var batchSize: Int
    public var producer: String
    /// A short label for legends and panel titles, e.g. `sigmoid + Xavier` (schema 1.2; nil: the run's name).
    public var label: String?
    /// Other settings of the run, name -> value as text (hyperparameters of another tool, say; empty: none; not written).
    public var settings: [String: String] = [:]
    public init(run: String, study: String, seed: UInt64, layers: [LayerInfo], parameterCount: Int, optimizer: String,
                optimizerSettings: [String: Double], loss: String, dataset: String, splits: [String: Int], batchSize: Int,
                producer: String, label: String? = nil, settings: [String: String] = [:]) {
        self.run = run; self.study = study; self.seed = seed; self.layers = layers; self.parameterCount = parameterCount
        self.optimizer = optimizer; self.optimizerSettings = optimizerSettings; self.loss = loss; self.dataset = dataset
        self.splits = splits; self.batchSize = batchSize; self.producer = producer
        self.label = label; self.settings = settings
    }
}

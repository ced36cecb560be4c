import NNEngine
import NNRecorder

/// One training run of a study: model, optimiser, schedule and what to record.
public struct RunSpec: Sendable {
    /// Unique name, e.g. `vanishing/sigmoid-xavier`.
    public var name: String
    /// The study it belongs to (`vanishing`, `init-training`, `optimizer-training`, or a custom name).
    public var study: String
    /// Hidden layer sizes.
    public var hidden: [Int]
    public var activation: Activation
    public var initializer: Initializer
    public var optimizer: OptimizerKind
    public var learningRate: Double
    /// Optimisation steps; each draws `batchSize` samples with replacement (as the book does).
    public var steps: Int
    public var batchSize: Int
    public var seed: UInt64
    /// What the recorder records.
    public var plan: RecordingPlan
    /// Held-out loss and accuracy every N steps (and at the last step).
    public var evaluateEvery: Int
    /// A short label for legends, e.g. `sigmoid + Xavier`.
    public var label: String
    /// Snapshot all weights every N steps and record the path's projection on its two
    /// principal directions over the loss surface of that plane (nil: no projection).
    public var projectEvery: Int?
    /// Batch normalisation between each hidden layer's affine map and its activation.
    public var batchNorm = false
    /// Weight of the old running statistic in each batch-norm update (Keras' 0.99; the book's 0.9).
    public var batchNormMomentum = 0.99
    /// Added to the batch variance before its square root (Keras' 1e-3; the book's 1e-6).
    public var batchNormEpsilon = 1e-3
    /// Dropout rate after each hidden layer's activation (0: none).
    public var dropout = 0.0
    /// L2 weight decay λ (the loss gains λ/2 Σ‖W‖²; 0: none).
    public var weightDecay = 0.0
    /// Train on the first N samples of the training split only (nil: all of them), as the
    /// book's overfitting experiments take the first 300 training images.
    public var trainSamples: Int?
    /// Validate on the first N samples of the validation split only (nil: all of them).
    public var validationSamples: Int?
    /// Training samples evaluated at each evaluation for `train/*` (nil: as many as the
    /// validation samples, at most all the training samples).
    public var trainEvaluationSamples: Int?
    /// Epochs of ⌈training samples / batch⌉ steps each (nil: `steps` steps without epochs).
    /// With epochs the run is evaluated at the end of every epoch, early stopping can watch it,
    /// and `steps` is set from the epochs when the data is known (``resolved(trainCount:)``).
    public var epochs: Int?
    /// Each epoch a shuffled pass over the training samples, as Keras' `fit` does (needs
    /// epochs); false (the default): every batch drawn with replacement, as the book does.
    public var shuffle = false
    /// Early stopping after each epoch (needs epochs; nil: none).
    public var earlyStopping: EarlyStoppingSpec?
    /// The loss minimised.
    public var loss = LossKind.crossEntropy
    /// Where the samples come from.
    public var data = DataSource.mnist
    /// `file:line` of the run in the config it was read from (nil: a built-in study's run), for
    /// the errors of checks made once the data is known.
    public var origin: String?

    /// A run specification.
    public init(name: String, study: String, label: String, hidden: [Int], activation: Activation, initializer: Initializer,
                optimizer: OptimizerKind, learningRate: Double, steps: Int, batchSize: Int, seed: UInt64,
                plan: RecordingPlan = .lean(), evaluateEvery: Int = 100) {
        self.name = name; self.study = study; self.label = label; self.hidden = hidden; self.activation = activation
        self.initializer = initializer; self.optimizer = optimizer; self.learningRate = learningRate; self.steps = steps
        self.batchSize = batchSize; self.seed = seed; self.plan = plan; self.evaluateEvery = evaluateEvery
    }
}

extension RunSpec {
    /// The steps of one epoch for `trainCount` training samples: ⌈samples / batch⌉.
    public func stepsPerEpoch(trainCount: Int) -> Int {
        RandomBatches<Float>.stepsPerEpoch(samples: min(trainSamples ?? trainCount, trainCount), batchSize: batchSize)
    }

    /// The run with `steps` set from its epochs for `trainCount` training samples (unchanged
    /// without epochs).
    public func resolved(trainCount: Int) -> RunSpec {
        guard let epochs else { return self }
        var s = self
        s.steps = epochs * stepsPerEpoch(trainCount: trainCount)
        s.evaluateEvery = stepsPerEpoch(trainCount: trainCount)
        return s
    }
}

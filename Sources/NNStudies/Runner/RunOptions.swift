import NNEngine
import NNReport

/// Early stopping as Keras' `EarlyStopping` callback takes it (the engine's ``EarlyStopping``
/// follows Keras 3 exactly); checked after every epoch, so a run with it needs epochs.
public struct EarlyStoppingSpec: Sendable, Equatable {
    /// The epoch log watched: `val_loss` (Keras' default), `val_accuracy`, `loss`, `accuracy`.
    public var monitor = "val_loss"
    /// Epochs without improvement before training stops.
    public var patience = 0
    /// The smallest change that counts as an improvement.
    public var minDelta = 0.0
    /// Put back the weights of the best epoch when training ends.
    public var restoreBestWeights = false

    /// Early stopping with Keras' defaults unless given.
    public init(monitor: String = "val_loss", patience: Int = 0, minDelta: Double = 0, restoreBestWeights: Bool = false) {
        self.monitor = monitor; self.patience = patience; self.minDelta = minDelta; self.restoreBestWeights = restoreBestWeights
    }

    /// The monitors a run's epoch logs hold.
    public static let monitors = ["val_loss", "val_accuracy", "loss", "accuracy"]
}

/// The loss a run minimises.
public enum LossKind: String, Sendable, CaseIterable {
    /// Softmax cross-entropy on the classes (the default).
    case crossEntropy = "cross_entropy"
    /// Mean squared error, Keras' `"mse"`: on one-hot rows for classes, on the values for regression.
    case mse

    /// The engine's loss.
    func make() -> any Loss<Float> {
        switch self {
        case .crossEntropy: SoftmaxCrossEntropy()
        case .mse: MeanSquaredError(.mean)
        }
    }
}

/// Where a run's samples come from.
public enum DataSource: String, Sendable, CaseIterable {
    /// The config's images: the embedded MNIST subset, or the IDX files it names.
    case mnist
    /// Friedman #1, a generated regression set (``RegressionSet/friedman1(samples:features:noise:seed:)``):
    /// 2000 samples of 10 features uniform on [0, 1], noise 1, drawn from the config's seed, split
    /// 70 / 10 / 20 % like the images and standardised with the training part's mean and std.
    case friedman1

    /// Whether the targets are classes (accuracy is measured) or values.
    public var isClassification: Bool { self == .mnist }
}

extension Repeats {
    /// Every run `times` times: the run itself, then its repeats with the next seeds (seed + 1,
    /// seed + 2, ...), each named `<name>@seed<seed>`; the same data, other initial weights,
    /// batches and dropout masks.
    static func expand(_ specs: [RunSpec], times: Int) -> [RunSpec] {
        guard times > 1 else { return specs }
        return specs.flatMap { spec in
            (0..<times).map { k -> RunSpec in
                guard k > 0 else { return spec }
                var copy = spec
                copy.seed = spec.seed &+ UInt64(k)
                copy.name = Repeats.name(spec.name, seed: copy.seed)
                return copy
            }
        }
    }
}

/// The version of the event format this build writes and reads. A reader accepts any minor
/// version of its major version and refuses a newer major version.
public enum EventSchema {
    /// Major version: incompatible changes bump it.
    public static let major = 1
    /// Minor version: additions (new kinds or fields) bump it.
    public static let minor = 1
    /// `"1.0"`.
    public static var version: String { "\(major).\(minor)" }
}

/// One record of the event stream: a line of an `events.jsonl` file.
///
/// See `docs/events.md` for every kind and field. Each line is a JSON object with `v` (schema
/// version), `kind`, `run` and the kind's fields.
public enum Event: Sendable, Equatable {
    case runStart(RunStart)
    case scalar(ScalarEvent)
    case layerStats(LayerStats)
    case histogram(Histogram)
    case trajectory(TrajectoryPoint)
    case surface(Surface)
    case runEnd(RunEnd)

    /// The run the event belongs to.
    public var run: String {
        switch self {
        case .runStart(let e): e.run
        case .scalar(let e): e.run
        case .layerStats(let e): e.run
        case .histogram(let e): e.run
        case .trajectory(let e): e.run
        case .surface(let e): e.run
        case .runEnd(let e): e.run
        }
    }

    /// The `kind` field.
    public var kind: String {
        switch self {
        case .runStart: "run_start"
        case .scalar: "scalar"
        case .layerStats: "layer_stats"
        case .histogram: "histogram"
        case .trajectory: "trajectory"
        case .surface: "surface"
        case .runEnd: "run_end"
        }
    }
}

/// A layer of the model, as described at run start.
public struct LayerInfo: Sendable, Equatable, Codable {
    public var name: String
    public var kind: String
    public var inputs: Int
    public var outputs: Int
    public var activation: String?
    public var initializer: String?
    public var parameters: Int
    public init(name: String, kind: String, inputs: Int, outputs: Int, activation: String? = nil, initializer: String? = nil, parameters: Int = 0) {
        self.name = name; self.kind = kind; self.inputs = inputs; self.outputs = outputs
        self.activation = activation; self.initializer = initializer; self.parameters = parameters
    }
}

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
    public init(run: String, study: String, seed: UInt64, layers: [LayerInfo], parameterCount: Int, optimizer: String,
                optimizerSettings: [String: Double], loss: String, dataset: String, splits: [String: Int], batchSize: Int,
                producer: String) {
        self.run = run; self.study = study; self.seed = seed; self.layers = layers; self.parameterCount = parameterCount
        self.optimizer = optimizer; self.optimizerSettings = optimizerSettings; self.loss = loss; self.dataset = dataset
        self.splits = splits; self.batchSize = batchSize; self.producer = producer
    }
}

/// `scalar`: one value of a named series at a step (and epoch).
///
/// Names: `train/batch_loss` (the loss of that step's batch before its update, not a running
/// mean), `train/loss`, `train/accuracy` (epoch means over the batches), `val/loss`,
/// `val/accuracy` (at epoch end), `lr`; others may be added.
public struct ScalarEvent: Sendable, Equatable {
    public var run: String
    public var name: String
    public var step: Int
    public var epoch: Int?
    public var value: Double
    public init(run: String, name: String, step: Int, epoch: Int? = nil, value: Double) {
        self.run = run; self.name = name; self.step = step; self.epoch = epoch; self.value = value
    }
}

/// Which tensor of a layer a statistic or histogram describes.
public enum Quantity: String, Sendable, Equatable, CaseIterable, Codable {
    /// The layer's output.
    case activation
    /// The layer's output before its activation function.
    case preactivation
    /// dLoss/dW of the layer's weight matrix.
    case weightGradient = "weight_grad"
    /// The weight matrix.
    case weight
    /// The change of the weight matrix made by the optimiser in that step.
    case update
}

/// `layer_stats`: summary statistics of one tensor at a step.
public struct LayerStats: Sendable, Equatable {
    public var run: String
    public var step: Int
    public var layer: String
    /// Position of the layer in the model, from 0.
    public var index: Int
    public var quantity: Quantity
    public var count: Int
    public var mean: Double
    public var std: Double
    public var min: Double
    public var max: Double
    /// L2 (Frobenius) norm.
    public var l2: Double
    public var nan: Int
    public var posInf: Int
    public var negInf: Int
    /// Fraction of elements exactly 0.
    public var zeroFraction: Double
    /// Activations: fraction of units that are 0 for every sample of the batch (dead ReLUs).
    public var deadFraction: Double?
    /// Activations of sigmoid/tanh layers: fraction outside the unsaturated range.
    public var saturatedFraction: Double?
    /// The saturation rule: `sigmoid y < 0.03 or y > 0.97`, `tanh |y| > 0.97`.
    public var saturationRule: String?
    /// Updates: ‖ΔW‖ / ‖W‖.
    public var updateRatio: Double?
    /// Weights: ‖W − W₀‖, the distance from the initial weights.
    public var distanceFromInit: Double?
    public init(run: String, step: Int, layer: String, index: Int, quantity: Quantity, count: Int, mean: Double, std: Double,
                min: Double, max: Double, l2: Double, nan: Int = 0, posInf: Int = 0, negInf: Int = 0, zeroFraction: Double = 0,
                deadFraction: Double? = nil, saturatedFraction: Double? = nil, saturationRule: String? = nil,
                updateRatio: Double? = nil, distanceFromInit: Double? = nil) {
        self.run = run; self.step = step; self.layer = layer; self.index = index; self.quantity = quantity; self.count = count
        self.mean = mean; self.std = std; self.min = min; self.max = max; self.l2 = l2; self.nan = nan; self.posInf = posInf
        self.negInf = negInf; self.zeroFraction = zeroFraction; self.deadFraction = deadFraction
        self.saturatedFraction = saturatedFraction; self.saturationRule = saturationRule; self.updateRatio = updateRatio
        self.distanceFromInit = distanceFromInit
    }
}

/// `histogram`: counts of one tensor's values in explicit bins at a step.
public struct Histogram: Sendable, Equatable {
    public var run: String
    public var step: Int
    public var layer: String
    public var index: Int
    public var quantity: Quantity
    /// n + 1 increasing bin edges; bin k is [edges[k], edges[k+1]) and the last bin includes its upper edge.
    public var edges: [Double]
    /// n counts.
    public var counts: [Int]
    /// Values below edges[0].
    public var underflow: Int
    /// Values above edges[n].
    public var overflow: Int
    /// NaN values (never dropped silently; ±Inf go to underflow/overflow).
    public var nan: Int
    public init(run: String, step: Int, layer: String, index: Int, quantity: Quantity, edges: [Double], counts: [Int],
                underflow: Int = 0, overflow: Int = 0, nan: Int = 0) {
        self.run = run; self.step = step; self.layer = layer; self.index = index; self.quantity = quantity
        self.edges = edges; self.counts = counts; self.underflow = underflow; self.overflow = overflow; self.nan = nan
    }
    /// Every value counted, in or out of the bins.
    public var total: Int { counts.reduce(0, +) + underflow + overflow + nan }
}

/// `trajectory`: a point of a path in a 2-D parameter space (optimiser paths on a function).
public struct TrajectoryPoint: Sendable, Equatable {
    public var run: String
    public var step: Int
    public var x: Double
    public var y: Double
    /// The function's value at the point, when known.
    public var value: Double?
    public init(run: String, step: Int, x: Double, y: Double, value: Double? = nil) {
        self.run = run; self.step = step; self.x = x; self.y = y; self.value = value
    }
}

/// `surface` (schema 1.1): a function sampled on a grid of a 2-D plane, e.g. the loss on the
/// plane of a trajectory's two principal directions. `values[j][i]` is at (`x[i]`, `y[j]`).
public struct Surface: Sendable, Equatable {
    public var run: String
    /// What the values are, e.g. `loss`.
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var values: [[Double]]
    /// Axis labels, e.g. `PC1 (81.2 % of the path's variance)`.
    public var xLabel: String
    public var yLabel: String
    public init(run: String, name: String, x: [Double], y: [Double], values: [[Double]], xLabel: String, yLabel: String) {
        self.run = run; self.name = name; self.x = x; self.y = y; self.values = values; self.xLabel = xLabel; self.yLabel = yLabel
    }
}

/// `run_end`: how the run ended.
public struct RunEnd: Sendable, Equatable {
    /// `completed`, `stopped_early` or `diverged`.
    public var status: String
    public var run: String
    /// The last step (for `diverged`, the step at which a quantity first went non-finite).
    public var step: Int
    public var epoch: Int?
    /// Why training stopped early.
    public var reason: String?
    /// What went non-finite first (`loss`, `parameter dense_2/W`).
    public var quantity: String?
    public init(run: String, status: String, step: Int, epoch: Int? = nil, reason: String? = nil, quantity: String? = nil) {
        self.run = run; self.status = status; self.step = step; self.epoch = epoch; self.reason = reason; self.quantity = quantity
    }
}

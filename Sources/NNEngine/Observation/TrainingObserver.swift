/// What an observer wants to see at a step. Asking for nothing costs nothing: the training
/// loop then does no extra work (no copies, no statistics).
public struct ObservationNeeds: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Each layer's pre-activation and activation of the batch.
    public static let layerOutputs = ObservationNeeds(rawValue: 1 << 0)
    /// Each parameter's value and gradient.
    public static let gradients = ObservationNeeds(rawValue: 1 << 1)
    /// Each parameter's update (value after minus value before the optimiser step).
    public static let updates = ObservationNeeds(rawValue: 1 << 2)
    /// Only the step's loss and metrics (no tensors): free.
    public static let scalars = ObservationNeeds(rawValue: 1 << 3)
    /// Everything.
    public static let all: ObservationNeeds = [.scalars, .layerOutputs, .gradients, .updates]
}

/// A layer's tensors in one training step (references to the engine's values, no copies).
public struct LayerObservation<Scalar: Real>: Sendable {
    /// Position in the model, from 0.
    public let index: Int
    /// The layer's record (name, kind, sizes, activation).
    public let record: LayerRecord
    /// The output before the activation, for layers that have one (a dense layer with an
    /// activation, an activation layer).
    public let preActivation: Matrix<Scalar>?
    /// The layer's output for the batch.
    public let activation: Matrix<Scalar>
    /// A layer observation.
    public init(index: Int, record: LayerRecord, preActivation: Matrix<Scalar>?, activation: Matrix<Scalar>) {
        self.index = index; self.record = record; self.preActivation = preActivation; self.activation = activation
    }
}

/// A parameter's tensors in one training step.
public struct ParameterObservation<Scalar: Real>: Sendable {
    /// `layer/role`, e.g. `dense_1/W`.
    public let name: String
    /// Index of the owning layer.
    public let layerIndex: Int
    /// `W`, `b`, `gamma` or `beta`.
    public let role: String
    /// The value after this step's update.
    public let value: Matrix<Scalar>
    /// The gradient this step's update used (weight decay included).
    public let gradient: Matrix<Scalar>
    /// The value before this step's update, when `.updates` was asked for.
    public let previousValue: Matrix<Scalar>?
    /// value after − value before, when `.updates` was asked for (computed when read, so an
    /// observer that works on another thread does the subtraction there).
    public var update: Matrix<Scalar>? { previousValue.map { value - $0 } }
    /// A parameter observation.
    public init(name: String, layerIndex: Int, role: String, value: Matrix<Scalar>, gradient: Matrix<Scalar>, previousValue: Matrix<Scalar>?) {
        self.name = name; self.layerIndex = layerIndex; self.role = role; self.value = value; self.gradient = gradient
        self.previousValue = previousValue
    }
}

/// Everything the training loop shows an observer about one step.
public struct StepObservation<Scalar: Real>: Sendable {
    /// The step, counted from 0 over the model's life.
    public let step: Int
    /// The epoch the step belongs to (from 0).
    public let epoch: Int
    /// The loss of this step's batch, before its update (not a running mean).
    public let loss: Double
    /// The accuracy on this step's batch, when the model tracks accuracy.
    public let accuracy: Double?
    /// Samples in the batch.
    public let batchSize: Int
    /// The optimiser's learning rate at this step.
    public let learningRate: Double
    /// Per-layer tensors, when `.layerOutputs` was asked for.
    public let layers: [LayerObservation<Scalar>]
    /// Per-parameter tensors, when `.gradients` or `.updates` was asked for.
    public let parameters: [ParameterObservation<Scalar>]
    /// A step observation.
    public init(step: Int, epoch: Int, loss: Double, accuracy: Double?, batchSize: Int, learningRate: Double,
                layers: [LayerObservation<Scalar>], parameters: [ParameterObservation<Scalar>]) {
        self.step = step; self.epoch = epoch; self.loss = loss; self.accuracy = accuracy; self.batchSize = batchSize
        self.learningRate = learningRate; self.layers = layers; self.parameters = parameters
    }
}

/// Watches training through the model's observation points. The engine knows nothing of
/// what an observer does with what it sees (the event recorder of `NNEvents` is one).
public protocol TrainingObserver<Scalar>: AnyObject {
    /// The scalar type of the model.
    associatedtype Scalar: Real
    /// What to collect at `step`; return `[]` to skip the step at no cost.
    func needs(atStep step: Int) -> ObservationNeeds
    /// Called after each step for which `needs` was not empty.
    func observe(_ observation: StepObservation<Scalar>)
    /// Called at the end of each epoch with the epoch's logs (`loss`, `accuracy`, `val_loss`, ...).
    func epochEnded(_ epoch: Int, logs: [String: Double])
    /// Called once when `fit` returns.
    func trainingEnded(_ outcome: TrainingOutcome)
}

extension TrainingObserver {
    public func epochEnded(_ epoch: Int, logs: [String: Double]) {}
    public func trainingEnded(_ outcome: TrainingOutcome) {}
}

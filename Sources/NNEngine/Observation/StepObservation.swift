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

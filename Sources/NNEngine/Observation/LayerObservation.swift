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

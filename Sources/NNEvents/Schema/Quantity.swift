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

/// The optimisers by name, for configs and the command line.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
    case sgd, momentum, nesterov, adagrad, rmsprop, adam

    /// The optimiser with the given learning rate and the book's other defaults.
    public func make<Scalar: Real>(learningRate: Double, as: Scalar.Type = Scalar.self) -> any Optimizer<Scalar> {
        switch self {
        case .sgd: SGD(learningRate: learningRate)
        case .momentum: Momentum(learningRate: learningRate)
        case .nesterov: Nesterov(learningRate: learningRate)
        case .adagrad: AdaGrad(learningRate: learningRate)
        case .rmsprop: RMSProp(learningRate: learningRate)
        case .adam: Adam(learningRate: learningRate)
        }
    }

    /// The display name, e.g. `AdaGrad`.
    public var displayName: String {
        switch self {
        case .sgd: "SGD"
        case .momentum: "Momentum"
        case .nesterov: "Nesterov"
        case .adagrad: "AdaGrad"
        case .rmsprop: "RMSProp"
        case .adam: "Adam"
        }
    }
}

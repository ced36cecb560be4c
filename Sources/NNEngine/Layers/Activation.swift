/// An element-wise (or, for softmax, row-wise) non-linearity with its derivative.
///
/// Used on its own as an ``Activate`` layer, or inside ``Dense`` (`Dense(100, activation: .relu)`),
/// where the layer then reports both its pre-activation and its activation to observers.
public enum Activation: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// y = x.
    case identity
    /// y = 1 if x > 0 else 0; its derivative is zero wherever it exists.
    case step
    /// y = sign(x) in {-1, 0, 1}; derivative zero.
    case sign
    /// y = 1 / (1 + e^-x); dy/dx = y (1 - y), at most 0.25.
    case sigmoid
    /// y = tanh x; dy/dx = 1 - y².
    case tanh
    /// y = max(0, x); dy/dx = 1 for x > 0 else 0.
    case relu
    /// y = x for x > 0 else alpha x.
    case leakyRelu(alpha: Double)
    /// y_i = e^{x_i} / Σ_j e^{x_j} over each row; computed after subtracting the row maximum.
    case softmax

    /// The lower-case name used in configs, events and model files (`leaky_relu(0.01)`).
    public var description: String {
        switch self {
        case .identity: "identity"
        case .step: "step"
        case .sign: "sign"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .leakyRelu(let a): "leaky_relu(\(a))"
        case .softmax: "softmax"
        }
    }

    /// Parses the names written by `description` (`leaky_relu` alone means alpha 0.01).
    public init?(name: String) {
        switch name.lowercased() {
        case "identity", "linear", "none": self = .identity
        case "step": self = .step
        case "sign": self = .sign
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "relu": self = .relu
        case "leaky_relu", "leakyrelu": self = .leakyRelu(alpha: 0.01)
        case "softmax": self = .softmax
        default:
            let n = name.lowercased()
            guard n.hasPrefix("leaky_relu("), n.hasSuffix(")"),
                  let a = Double(n.dropFirst("leaky_relu(".count).dropLast()) else { return nil }
            self = .leakyRelu(alpha: a)
        }
    }

    /// Whether backprop through this activation carries information (step and sign do not).
    public var isDifferentiable: Bool { self != .step && self != .sign }

    /// Applies the activation.
    public func forward<Scalar>(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        switch self {
        case .identity: x
        case .step: x.step()
        case .sign: x.sign()
        case .sigmoid: x.sigmoid()
        case .tanh: x.tanh()
        case .relu: x.relu()
        case .leakyRelu(let a): x.leakyRelu(alpha: Scalar(a))
        case .softmax: x.softmaxRows()
        }
    }

    /// dLoss/dx from dLoss/dy, given the input `x` and output `y` of the forward pass.
    public func backward<Scalar>(input x: Matrix<Scalar>, output y: Matrix<Scalar>,
                                 gradient dy: Matrix<Scalar>) -> Matrix<Scalar> {
        switch self {
        case .identity: dy
        case .step, .sign: Matrix(rows: dy.rows, cols: dy.cols)
        case .sigmoid: y.sigmoidBackward(dy)
        case .tanh: y.tanhBackward(dy)
        case .relu: x.leakyReluBackward(dy, alpha: 0)
        case .leakyRelu(let a): x.leakyReluBackward(dy, alpha: Scalar(a))
        case .softmax:
            // dx_i = y_i (dy_i - Σ_j dy_j y_j), row by row.
            Self.softmaxBackward(y, dy)
        }
    }

    private static func softmaxBackward<Scalar>(_ y: Matrix<Scalar>, _ dy: Matrix<Scalar>) -> Matrix<Scalar> {
        var dx = Matrix<Scalar>(rows: y.rows, cols: y.cols)
        for i in 0..<y.rows {
            var dot: Scalar = 0
            for j in 0..<y.cols { dot += dy[i, j] * y[i, j] }
            for j in 0..<y.cols { dx[i, j] = y[i, j] * (dy[i, j] - dot) }
        }
        return dx
    }
}

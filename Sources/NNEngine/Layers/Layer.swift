/// One stage of a ``Sequential`` model: it maps a batch (rows = samples) forward and
/// carries the loss gradient backward.
///
/// Like the layers of "Deep Learning from Scratch", a layer keeps what its backward pass
/// needs from the latest forward pass. `backward` fills each parameter's `gradient` and
/// returns dLoss/dInput.
public protocol Layer<Scalar>: AnyObject {
    /// The scalar type the layer computes in.
    associatedtype Scalar: Real

    /// Unique within the model, e.g. `dense_3`; set when the model is built.
    var name: String { get set }
    /// Creates the parameters for `inputFeatures` inputs and returns the number of outputs.
    func build(inputFeatures: Int, rng: inout SeededGenerator) throws(ModelError) -> Int
    /// The layer's output for a batch. `training` switches batch norm and dropout.
    func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar>
    /// Fills the parameters' gradients from dLoss/dOutput and returns dLoss/dInput
    /// (an empty matrix when `needInputGradient` is false, as for the first layer).
    func backward(_ dy: Matrix<Scalar>, needInputGradient: Bool) -> Matrix<Scalar>
    /// The trainable parameters, in a fixed order.
    var parameters: [Parameter<Scalar>] { get }
    /// A description for summaries, events and model files.
    var record: LayerRecord { get }
    /// The output before the activation in the latest forward pass, when the layer has one.
    var lastPreActivation: Matrix<Scalar>? { get }
    /// The layer's output in the latest forward pass.
    var lastOutput: Matrix<Scalar>? { get }
}

extension Layer {
    public var lastPreActivation: Matrix<Scalar>? { nil }
}

/// The serialisable description of a layer: its kind, settings, and (in model files) its values.
public struct LayerRecord: Codable, Equatable, Sendable {
    /// `dense`, `activation`, `batch_norm`, `dropout` or `flatten`.
    public var kind: String
    /// Layer name, e.g. `dense_1`.
    public var name: String
    /// Inputs (features) of the layer.
    public var inputs: Int
    /// Outputs (features) of the layer.
    public var outputs: Int
    /// Activation name for `dense` and `activation` layers.
    public var activation: String?
    /// Initialiser name for `dense` layers.
    public var initializer: String?
    /// Whether a `dense` layer has a bias.
    public var useBias: Bool?
    /// Drop rate of a `dropout` layer; momentum of a `batch_norm` layer.
    public var rate: Double?
    /// Epsilon of a `batch_norm` layer.
    public var epsilon: Double?
    /// Number of trainable scalars.
    public var parameterCount: Int
    /// Named tensors (parameters and running statistics), row-major; present in model files only.
    public var tensors: [String: TensorRecord]?

    /// A record.
    public init(kind: String, name: String, inputs: Int, outputs: Int, activation: String? = nil,
                initializer: String? = nil, useBias: Bool? = nil, rate: Double? = nil,
                epsilon: Double? = nil, parameterCount: Int = 0) {
        self.kind = kind; self.name = name; self.inputs = inputs; self.outputs = outputs
        self.activation = activation; self.initializer = initializer; self.useBias = useBias
        self.rate = rate; self.epsilon = epsilon; self.parameterCount = parameterCount
    }

    /// One line: `dense_1  dense 784->100 relu (he_book) 78500 params`.
    public var summaryLine: String {
        var s = "\(name)  \(kind) \(inputs)->\(outputs)"
        if let a = activation { s += " \(a)" }
        if let i = initializer { s += " (\(i))" }
        if let r = rate { s += kind == "batch_norm" ? " momentum \(r)" : " rate \(r)" }
        return s + "  \(parameterCount) params"
    }
}

/// A tensor in a model file: its shape and row-major values.
public struct TensorRecord: Codable, Equatable, Sendable {
    /// Rows.
    public var rows: Int
    /// Columns.
    public var cols: Int
    /// Row-major values (exact decimal round trip of the stored scalars).
    public var values: [Double]
    /// A tensor record of a matrix.
    public init<S: Real>(_ m: Matrix<S>) { rows = m.rows; cols = m.cols; values = m.storage.map(Double.init) }
    /// The tensor as a matrix; throws when the value count does not fit the shape.
    public func matrix<S: Real>(as: S.Type = S.self) throws(ShapeError) -> Matrix<S> {
        try Matrix(rows: rows, cols: cols, values.map { S($0) })
    }
}

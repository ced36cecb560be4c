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

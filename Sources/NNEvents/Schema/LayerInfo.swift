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

/// Two shapes that had to agree did not. `context` names the layer or operation.
public struct ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the mismatch happened, e.g. `layer 2 (Dense 100->10) input`.
    public var context: String
    /// The shape (or count) that was required.
    public var expected: String
    /// The shape (or count) that was given.
    public var actual: String
    /// A shape error.
    public init(context: String, expected: String, actual: String) {
        self.context = context
        self.expected = expected
        self.actual = actual
    }
    /// One line naming the place and both shapes.
    public var description: String { "shape mismatch in \(context): expected \(expected), got \(actual)" }
}

/// An addition node (the book's `AddLayer`): forward z = x + y; backward passes the upstream
/// gradient to both inputs unchanged.
public struct AddNode: Sendable {
    /// A node.
    public init() {}
    /// z = x + y.
    public func forward(_ x: Double, _ y: Double) -> Double { x + y }
    /// (dL/dx, dL/dy) = (dL/dz, dL/dz).
    public func backward(_ dout: Double) -> (dx: Double, dy: Double) { (dout, dout) }
}

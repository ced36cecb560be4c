/// A multiplication node of a computational graph (the book's `MulLayer`):
/// forward z = x·y; backward dz/dx = y, dz/dy = x, each times the upstream gradient.
public struct MultiplyNode: Sendable {
    private var x = 0.0, y = 0.0
    /// A node.
    public init() {}
    /// z = x·y, remembering both inputs.
    public mutating func forward(_ x: Double, _ y: Double) -> Double { self.x = x; self.y = y; return x * y }
    /// (dL/dx, dL/dy) from dL/dz.
    public func backward(_ dout: Double) -> (dx: Double, dy: Double) { (dout * y, dout * x) }
}

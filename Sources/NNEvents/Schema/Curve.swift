/// `curve` (schema 1.2): a named function sampled at points, e.g. an activation function and its
/// derivative as the engine computes them, or a loss against the probability of the right class.
public struct Curve: Sendable, Equatable {
    /// The run it belongs to.
    public var run: String
    /// What the curve is, e.g. `sigmoid` or `sigmoid'`.
    public var name: String
    /// The sample points.
    public var x: [Double]
    /// The function's values there (same count as `x`).
    public var y: [Double]
    /// Axis labels.
    public var xLabel: String
    /// Axis labels.
    public var yLabel: String

    /// A curve.
    public init(run: String, name: String, x: [Double], y: [Double], xLabel: String = "", yLabel: String = "") {
        self.run = run; self.name = name; self.x = x; self.y = y; self.xLabel = xLabel; self.yLabel = yLabel
    }
}

/// `surface` (schema 1.1): a function sampled on a grid of a 2-D plane, e.g. the loss on the
/// plane of a trajectory's two principal directions. `values[j][i]` is at (`x[i]`, `y[j]`).
public struct Surface: Sendable, Equatable {
    public var run: String
    /// What the values are, e.g. `loss`.
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var values: [[Double]]
    /// Axis labels, e.g. `PC1 (81.2 % of the path's variance)`.
    public var xLabel: String
    public var yLabel: String
    public init(run: String, name: String, x: [Double], y: [Double], values: [[Double]], xLabel: String, yLabel: String) {
        self.run = run; self.name = name; self.x = x; self.y = y; self.values = values; self.xLabel = xLabel; self.yLabel = yLabel
    }
}

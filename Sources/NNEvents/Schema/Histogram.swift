/// `histogram`: counts of one tensor's values in explicit bins at a step.
public struct Histogram: Sendable, Equatable {
    public var run: String
    public var step: Int
    public var layer: String
    public var index: Int
    public var quantity: Quantity
    /// n + 1 increasing bin edges; bin k is [edges[k], edges[k+1]) and the last bin includes its upper edge.
    public var edges: [Double]
    /// n counts.
    public var counts: [Int]
    /// Values below edges[0].
    public var underflow: Int
    /// Values above edges[n].
    public var overflow: Int
    /// NaN values (never dropped silently; ±Inf go to underflow/overflow).
    public var nan: Int
    public init(run: String, step: Int, layer: String, index: Int, quantity: Quantity, edges: [Double], counts: [Int],
                underflow: Int = 0, overflow: Int = 0, nan: Int = 0) {
        self.run = run; self.step = step; self.layer = layer; self.index = index; self.quantity = quantity
        self.edges = edges; self.counts = counts; self.underflow = underflow; self.overflow = overflow; self.nan = nan
    }
    /// Every value counted, in or out of the bins.
    public var total: Int { counts.reduce(0, +) + underflow + overflow + nan }
}

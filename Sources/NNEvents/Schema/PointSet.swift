/// `points` (schema 1.2): labelled points of a 2-D data set, e.g. a TF-Playground set's training
/// or test points, or the four inputs of a logic gate with their truth values.
public struct PointSet: Sendable, Equatable {
    /// The run it belongs to.
    public var run: String
    /// What the points are, e.g. `train`, `test`, `AND`.
    public var name: String
    /// First coordinates.
    public var x: [Double]
    /// Second coordinates (same count).
    public var y: [Double]
    /// Each point's class (same count).
    public var labels: [Int]

    /// A point set.
    public init(run: String, name: String, x: [Double], y: [Double], labels: [Int]) {
        self.run = run; self.name = name; self.x = x; self.y = y; self.labels = labels
    }
}

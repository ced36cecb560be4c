/// `trajectory`: a point of a path in a 2-D parameter space (optimiser paths on a function).
public struct TrajectoryPoint: Sendable, Equatable {
    public var run: String
    public var step: Int
    public var x: Double
    public var y: Double
    /// The function's value at the point, when known.
    public var value: Double?
    public init(run: String, step: Int, x: Double, y: Double, value: Double? = nil) {
        self.run = run; self.step = step; self.x = x; self.y = y; self.value = value
    }
}

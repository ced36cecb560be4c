/// `layer_stats`: summary statistics of one tensor at a step.
public struct LayerStats: Sendable, Equatable {
    public var run: String
    public var step: Int
    public var layer: String
    /// Position of the layer in the model, from 0.
    public var index: Int
    public var quantity: Quantity
    public var count: Int
    public var mean: Double
    public var std: Double
    public var min: Double
    public var max: Double
    /// L2 (Frobenius) norm.
    public var l2: Double
    public var nan: Int
    public var posInf: Int
    public var negInf: Int
    /// Fraction of elements exactly 0.
    public var zeroFraction: Double
    /// Activations: fraction of units that are 0 for every sample of the batch (dead ReLUs).
    public var deadFraction: Double?
    /// Activations of sigmoid/tanh layers: fraction outside the unsaturated range.
    public var saturatedFraction: Double?
    /// The saturation rule: `sigmoid y < 0.03 or y > 0.97`, `tanh |y| > 0.97`.
    public var saturationRule: String?
    /// Updates: ‖ΔW‖ / ‖W‖.
    public var updateRatio: Double?
    /// Weights: ‖W − W₀‖, the distance from the initial weights.
    public var distanceFromInit: Double?
    public init(run: String, step: Int, layer: String, index: Int, quantity: Quantity, count: Int, mean: Double, std: Double,
                min: Double, max: Double, l2: Double, nan: Int = 0, posInf: Int = 0, negInf: Int = 0, zeroFraction: Double = 0,
                deadFraction: Double? = nil, saturatedFraction: Double? = nil, saturationRule: String? = nil,
                updateRatio: Double? = nil, distanceFromInit: Double? = nil) {
        self.run = run; self.step = step; self.layer = layer; self.index = index; self.quantity = quantity; self.count = count
        self.mean = mean; self.std = std; self.min = min; self.max = max; self.l2 = l2; self.nan = nan; self.posInf = posInf
        self.negInf = negInf; self.zeroFraction = zeroFraction; self.deadFraction = deadFraction
        self.saturatedFraction = saturatedFraction; self.saturationRule = saturationRule; self.updateRatio = updateRatio
        self.distanceFromInit = distanceFromInit
    }
}

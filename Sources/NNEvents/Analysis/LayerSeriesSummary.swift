import Foundation

/// What the diagnoses need of one layer's statistics of one quantity, kept exactly over every
/// recorded event while the series itself may be decimated (``EventStore``): sums in recorded
/// order (so means equal those of the whole series to the last bit), extremes with their steps,
/// and the one column an order statistic needs (the activation spread, for its median).
public struct LayerSeriesSummary: Sendable {
    /// Events recorded.
    public private(set) var count = 0
    /// The first and last step recorded.
    public private(set) var firstStep = 0, lastStep = 0
    /// Sum and count of the finite L2 norms.
    public private(set) var l2Sum = 0.0, l2Count = 0
    /// Whether the first event has a saturated fraction; sum and count of the finite ones.
    public private(set) var firstHasSaturation = false
    public private(set) var saturationSum = 0.0, saturationCount = 0
    /// Sum of the logarithms and count of the positive finite update ratios.
    public private(set) var logUpdateRatioSum = 0.0, logUpdateRatioCount = 0
    /// Every standard deviation, in recorded order (activations only: 8 bytes a step).
    public private(set) var stds: [Double] = []
    /// The largest L2 norm and its step, first where it occurs.
    var largest: (l2: Double, step: Int)?
    /// After the last non-finite norm: the running worst from it (see ``Diagnoses/exploding(_:)``).
    var worstAfterNonFinite: (l2: Double, step: Int)?

    /// Adds the next event of the series.
    mutating func add(_ s: LayerStats) {
        if count == 0 { firstStep = s.step; firstHasSaturation = s.saturatedFraction != nil }
        count += 1
        lastStep = s.step
        if s.l2.isFinite { l2Sum += s.l2; l2Count += 1 }
        if let f = s.saturatedFraction, f.isFinite { saturationSum += f; saturationCount += 1 }
        if let u = s.updateRatio, u > 0, u.isFinite { logUpdateRatioSum += log(u); logUpdateRatioCount += 1 }
        if s.quantity == .activation { stds.append(s.std) }
        if largest == nil || s.l2 > largest!.l2 { largest = (s.l2, s.step) }
        if !s.l2.isFinite {
            worstAfterNonFinite = (s.l2, s.step)
        } else if let w = worstAfterNonFinite, s.l2 > w.l2 {
            worstAfterNonFinite = (s.l2, s.step)
        }
    }

    /// Mean of the finite L2 norms (NaN when none), as `mean(values.map(\.l2))` over all events.
    public var l2Mean: Double { l2Count == 0 ? .nan : l2Sum / Double(l2Count) }
    /// Mean of the finite saturated fractions (NaN when none).
    public var saturationMean: Double { saturationCount == 0 ? .nan : saturationSum / Double(saturationCount) }
}

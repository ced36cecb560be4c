import Foundation

/// TensorBoard's scalar smoothing: an exponential moving average debiased like Adam's first
/// moment, so early points are not pulled towards 0. `weight` is TensorBoard's slider (0 = raw).
/// Non-finite values pass through unsmoothed; a constant series is returned unchanged.
///
/// smoothed_t = last_t / (1 − weight^n), last_t = weight · last_{t−1} + (1 − weight) · value_t,
/// with n the number of finite values so far.
public func smoothed(_ values: [Double], weight: Double) -> [Double] {
    guard let first = values.first, !values.allSatisfy({ $0 == first }) else { return values }
    var last = 0.0, n = 0.0
    return values.map { v in
        guard v.isFinite else { return v }
        last = last * weight + (1 - weight) * v
        n += 1
        let debias = 1 - pow(weight, n)
        return debias == 0 ? v : last / debias
    }
}

/// The percentiles TensorBoard's distribution view draws (in basis points): minimum, the
/// normal distribution's ±1.5σ, ±1σ, ±0.5σ points, median, and maximum.
public let distributionBasisPoints = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000]

/// Percentiles of a histogram, interpolated linearly within bins by cumulative count. The
/// under- and overflow count at the outer edges; NaN values are left out.
public func percentiles(of h: Histogram, basisPoints: [Int] = distributionBasisPoints) -> [Double] {
    let counts = [Double(h.underflow)] + h.counts.map(Double.init) + [Double(h.overflow)]
    let edges = [h.edges.first!] + h.edges + [h.edges.last!]
    let total = counts.reduce(0, +)
    guard total > 0 else { return basisPoints.map { _ in .nan } }
    return basisPoints.map { bp in
        let target = total * Double(bp) / 10000
        var cum = 0.0
        for (k, c) in counts.enumerated() where c > 0 {
            if cum + c >= target {
                let f = max(0, min(1, (target - cum) / c))
                return edges[k] + f * (edges[k + 1] - edges[k])
            }
            cum += c
        }
        return edges.last!
    }
}

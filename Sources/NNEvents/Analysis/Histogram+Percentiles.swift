extension Histogram {
    /// The percentiles TensorBoard's distribution view draws (in basis points): minimum, the
    /// normal distribution's ±1.5σ, ±1σ, ±0.5σ points, median, and maximum.
    public static let distributionBasisPoints = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000]

    /// Percentiles of a histogram, interpolated linearly within bins by cumulative count. The
    /// under- and overflow count at the outer edges; NaN values are left out.
    public func percentiles(basisPoints: [Int] = Histogram.distributionBasisPoints) -> [Double] {
        let h = self
        guard let low = h.edges.first, let high = h.edges.last else { return basisPoints.map { _ in .nan } }
        let counts = [Double(h.underflow)] + h.counts.map(Double.init) + [Double(h.overflow)]
        let edges = [low] + h.edges + [high]
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
            return high
        }
    }
}

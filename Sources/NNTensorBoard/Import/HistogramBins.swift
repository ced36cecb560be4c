/// TensorBoard histogram buckets turned into nnviz's bins: n + 1 strictly increasing edges and n counts, every
/// value kept.
public struct HistogramBins: Equatable, Sendable {
    /// The largest number of buckets accepted.
    public static let maximumBuckets = 1 << 20
    /// n + 1 strictly increasing edges.
    public var edges: [Double]
    /// n counts.
    public var counts: [Int]

    /// Bins with these edges and counts.
    public init(edges: [Double], counts: [Int]) { self.edges = edges; self.counts = counts }

    /// Bins from buckets given by their left and right edges and counts, in order.
    ///
    /// A bucket of zero or negative width (TensorBoard writes such for a tensor of equal values) adds its count
    /// to the bin before it (or after it, for the first), so edges strictly increase and no count is lost; when
    /// every bucket has zero width, the values get one bin one wide around them, as numpy's `histogram` does (for a
    /// value so large that ±0.5 rounds away, the bin spans the neighbouring doubles). Counts, merged ones too, stay
    /// below 9e15, the largest integer an nnviz event file holds.
    public static func make(left: [Double], right: [Double], counts raw: [Double]) throws(HistogramProblem) -> HistogramBins {
        guard !raw.isEmpty else { throw .empty }
        guard raw.count <= maximumBuckets else { throw .tooManyBuckets(raw.count) }
        guard left.count == raw.count, right.count == raw.count else { throw .malformed("\(left.count) left edges, \(right.count) right, \(raw.count) counts") }
        guard (left + right).allSatisfy(\.isFinite) else { throw .nonFiniteEdge }
        var counts: [Int] = []
        counts.reserveCapacity(raw.count)
        for c in raw {
            guard c.isFinite, c >= 0, c.rounded() < maximumCount else { throw .badCount(c) }
            counts.append(Int(c.rounded()))
        }
        // Each count is below 9e15, so a sum of two cannot overflow; a merged count is checked like a read one.
        func sum(_ a: Int, _ b: Int) throws(HistogramProblem) -> Int {
            guard Double(a + b) < maximumCount else { throw .badCount(Double(a + b)) }
            return a + b
        }
        var edges = [left[0]], out: [Int] = [], pending = 0
        for k in raw.indices {
            if right[k] > edges[edges.count - 1] {
                edges.append(right[k])
                out.append(try sum(counts[k], pending))
                pending = 0
            } else if out.isEmpty {
                pending = try sum(pending, counts[k])
            } else {
                out[out.count - 1] = try sum(out[out.count - 1], counts[k])
            }
        }
        if out.isEmpty { return HistogramBins(edges: binAround(left[0]), counts: [pending]) }
        return HistogramBins(edges: edges, counts: out)
    }

    /// Counts must stay below this (nnviz event files hold integers below 9e15).
    static let maximumCount = 9.0e15

    /// Two increasing finite edges around the finite value `v`: v ± 0.5, or its neighbouring doubles when ±0.5 is
    /// lost to rounding (|v| above 2^53); at ±greatestFiniteMagnitude, `v` itself is one edge.
    static func binAround(_ v: Double) -> [Double] {
        if v - 0.5 < v + 0.5 { return [v - 0.5, v + 0.5] }
        return [v.nextDown.isFinite ? v.nextDown : v, v.nextUp.isFinite ? v.nextUp : v]
    }

    /// Bins of a v1 `HistogramProto`, read as TensorBoard reads it (`data_compat`): bucket k spans
    /// (limit[k-1], limit[k]], the first from the smallest value, the last to the largest.
    public static func v1(min: Double, max: Double, limits: [Double], counts: [Double]) throws(HistogramProblem) -> HistogramBins {
        guard !limits.isEmpty else { throw .empty }
        guard limits.count == counts.count else { throw .malformed("\(limits.count) bucket limits, \(counts.count) counts") }
        let left = [Swift.min(min, limits[0])] + limits.dropLast()
        let right = Array(limits.dropLast()) + [Swift.max(max, limits.count > 1 ? limits[limits.count - 2] : min)]
        return try make(left: left, right: right, counts: counts)
    }

    /// Bins of a v2 histogram tensor: `[k, 3]` rows of left edge, right edge, count, as TensorBoard's
    /// histogram plugin writes them.
    public static func v2(rows values: [Double], shape: [Int]) throws(HistogramProblem) -> HistogramBins {
        guard shape.count == 2, shape[1] == 3, values.count == shape[0] * 3 else {
            throw .malformed("shape \(shape), expected [k, 3]")
        }
        let k = shape[0]
        return try make(left: (0..<k).map { values[3 * $0] }, right: (0..<k).map { values[3 * $0 + 1] },
                        counts: (0..<k).map { values[3 * $0 + 2] })
    }
}

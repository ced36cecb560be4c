/// Keeps one layer's statistics of one quantity in bounded memory while they are recorded. Up
/// to `threshold` points it keeps every point (so the figures of short runs are exactly as
/// before); beyond, it splits the steps into at most `maxBuckets` buckets of equal width (a power
/// of two of steps, doubled when the run grows) and keeps of each its first, smallest, largest
/// and last point, in recorded order. Every spike survives: the largest and smallest value of
/// any range of steps one bucket wide are kept, with their own steps. The kept points are the
/// array `points` the caller owns, updated in place, so readers see a plain array; each bucket
/// is a contiguous run of it. Written by hand: min-max decimation is a few lines over a series
/// nnviz already holds, and no kept Swift package streams it.
struct MinMaxDecimator {
    let threshold: Int
    let maxBuckets: Int
    /// Each bucket's key (offset from the first step / width) and the index of its first kept point.
    private(set) var keys: [Int] = []
    private var starts: [Int] = []
    private(set) var width = 0
    private var origin = 0

    init(threshold: Int = 4096, maxBuckets: Int = 4096) { self.threshold = threshold; self.maxBuckets = maxBuckets }

    /// Whether the series is decimated (more than `threshold` points seen).
    var isDecimated: Bool { width > 0 }

    /// What figures draw: the norm of gradients, weights and updates, the spread of activations.
    @inline(__always) static func value(_ s: LayerStats) -> Double {
        s.quantity == .activation || s.quantity == .preactivation ? s.std : s.l2
    }

    /// Adds `p` (recorded after every earlier point) and updates `points`, the kept points.
    mutating func add(_ p: LayerStats, into points: inout [LayerStats]) {
        guard isDecimated else {
            points.append(p)
            if points.count > threshold { start(&points) }
            return
        }
        insert(p, into: &points)
        if keys.count > maxBuckets { merge(&points) }
    }

    private mutating func insert(_ p: LayerStats, into points: inout [LayerStats]) {
        let offset = p.step - origin
        let key = offset >= 0 ? offset / width : Int.min
        guard let lastKey = keys.last, key <= lastKey, let open = starts.last else {
            keys.append(key)
            starts.append(points.count)
            points.append(p)
            return
        }
        // The open bucket's kept points are points[open...]: its first, smallest, largest and last.
        let v = Self.value(p)
        var low = open, high = open
        for i in open..<points.count {
            let w = Self.value(points[i])
            if w < Self.value(points[low]) { low = i }
            if w > Self.value(points[high]) { high = i }
        }
        let newLow = v < Self.value(points[low]), newHigh = v > Self.value(points[high])
        var i = points.count - 1
        while i > open {
            if !((i == low && !newLow) || (i == high && !newHigh)) { points.remove(at: i) }
            i -= 1
        }
        points.append(p)
    }

    /// Switches from keeping every point to buckets, of a width that leaves room to grow.
    private mutating func start(_ points: inout [LayerStats]) {
        origin = points.first?.step ?? 0
        let span = max(1, (points.last?.step ?? 0) - origin + 1)
        width = 1
        while span > width * (maxBuckets / 2) { width *= 2 }
        let all = points
        points.removeAll(keepingCapacity: true)
        for p in all { insert(p, into: &points) }
        while keys.count > maxBuckets { merge(&points) }
    }

    /// Doubles the width: neighbouring buckets that now share a key become one, keeping the
    /// first, smallest, largest and last of their kept points.
    private mutating func merge(_ points: inout [LayerStats]) {
        width *= 2
        var newKeys: [Int] = [], newStarts: [Int] = [], kept: [LayerStats] = []
        kept.reserveCapacity(points.count)
        var b = 0
        while b < keys.count {
            let key = keys[b] == Int.min ? Int.min : keys[b] >> 1
            var e = b + 1
            while e < keys.count, (keys[e] == Int.min ? Int.min : keys[e] >> 1) == key { e += 1 }
            let lo = starts[b], hi = e < starts.count ? starts[e] : points.count
            var low = lo, high = lo
            for i in lo..<hi {
                if Self.value(points[i]) < Self.value(points[low]) { low = i }
                if Self.value(points[i]) > Self.value(points[high]) { high = i }
            }
            newKeys.append(key)
            newStarts.append(kept.count)
            for i in lo..<hi where i == lo || i == low || i == high || i == hi - 1 { kept.append(points[i]) }
            b = e
        }
        keys = newKeys
        starts = newStarts
        points = kept
    }
}

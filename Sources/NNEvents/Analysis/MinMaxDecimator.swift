/// Keeps one layer's statistics of one quantity in bounded memory while they are recorded. Up
/// to `threshold` points it keeps every point (so the figures of short runs are exactly as
/// before); beyond, it splits the steps into at most `maxBuckets` buckets of equal width (a power
/// of two of steps, doubled when the run grows) and keeps of each its first, smallest, largest
/// and last point, in recorded order (the smallest and largest: the first point that reached
/// the bucket's extreme). Every spike survives: the largest and smallest value of any range of
/// steps one bucket wide are kept, with their own steps. The bucket being filled is held apart
/// (four slots updated in place, no array work per point), so adding a point costs a few
/// comparisons. Written by hand: min-max decimation is a few lines over a series nnviz already
/// holds, and no kept Swift package streams it.
struct MinMaxDecimator {
    let threshold: Int
    let maxBuckets: Int
    /// Every point before decimation; after, the kept points of the closed buckets.
    private var closed: [LayerStats] = []
    /// Each closed bucket's key (offset from the first step / width) and the index of its first kept point.
    private(set) var keys: [Int] = []
    private var starts: [Int] = []
    /// The bucket being filled.
    private var open: Bucket?
    private(set) var width = 0
    private(set) var origin = 0
    private var sequence = 0
    /// How many of `closed`'s last points are the open bucket's, appended by ``keptPoints()``.
    private var materialized = 0

    init(threshold: Int = 4096, maxBuckets: Int = 4096) { self.threshold = threshold; self.maxBuckets = maxBuckets }

    /// Whether the series is decimated (more than `threshold` points seen).
    var isDecimated: Bool { width > 0 }

    /// The kept points, in recorded order. The open bucket's are appended to the closed ones
    /// until the next point arrives, so the array returned shares its storage (no copy).
    mutating func keptPoints() -> [LayerStats] {
        if materialized == 0, let b = open {
            let kept = b.kept
            closed.append(contentsOf: kept)
            materialized = kept.count
        }
        return closed
    }

    /// Number of buckets (closed and open).
    var bucketCount: Int { keys.count + (open == nil ? 0 : 1) }

    /// What figures draw: the norm of gradients, weights and updates, the spread of activations.
    @inline(__always) static func value(_ s: LayerStats) -> Double {
        s.quantity == .activation || s.quantity == .preactivation ? s.std : s.l2
    }

    /// Adds `p`, recorded after every earlier point.
    mutating func add(_ p: LayerStats) {
        if materialized > 0 {
            closed.removeLast(materialized)
            materialized = 0
        }
        guard isDecimated else {
            closed.append(p)
            if closed.count > threshold { start() }
            return
        }
        insert(p)
    }

    /// One bucket's first, smallest, largest and last point, each with its position in the series.
    private struct Bucket {
        var key: Int
        var first, low, high, last: (seq: Int, point: LayerStats)

        init(key: Int, seq: Int, point: LayerStats) {
            self.key = key
            first = (seq, point); low = first; high = first; last = first
        }

        /// The bucket of the kept points `kept` (in order), as if they had been added one by one.
        init(key: Int, kept: ArraySlice<LayerStats>, firstSeq: Int) {
            var b = Bucket(key: key, seq: firstSeq, point: kept[kept.startIndex])
            for (k, p) in kept.enumerated().dropFirst() { b.add(seq: firstSeq + k, p) }
            self = b
        }

        mutating func add(seq: Int, _ p: LayerStats) {
            let v = MinMaxDecimator.value(p)
            if v < MinMaxDecimator.value(low.point) { low = (seq, p) }
            if v > MinMaxDecimator.value(high.point) { high = (seq, p) }
            last = (seq, p)
        }

        /// The kept points in recorded order, each once.
        var kept: [LayerStats] {
            var out = [first]
            for c in [low, high, last].sorted(by: { $0.seq < $1.seq }) where c.seq != out[out.count - 1].seq { out.append(c) }
            return out.map(\.point)
        }
    }

    private mutating func insert(_ p: LayerStats) {
        let offset = p.step - origin
        let key = offset >= 0 ? offset / width : Int.min
        sequence += 1
        if let k = open?.key, key <= k {
            open?.add(seq: sequence, p)
            return
        }
        if let b = open { close(b) }
        open = Bucket(key: key, seq: sequence, point: p)
        if bucketCount > maxBuckets { merge() }
    }

    /// Moves a bucket's kept points to the closed ones.
    private mutating func close(_ b: Bucket) {
        keys.append(b.key)
        starts.append(closed.count)
        closed.append(contentsOf: b.kept)
        open = nil
    }

    /// Switches from keeping every point to buckets, of a width that leaves room to grow.
    private mutating func start() {
        origin = closed.first?.step ?? 0
        let span = max(1, (closed.last?.step ?? 0) - origin + 1)
        width = 1
        while span > width * (maxBuckets / 2) { width *= 2 }
        let all = closed
        closed.removeAll(keepingCapacity: true)
        sequence = 0
        for p in all { insert(p) }
        while bucketCount > maxBuckets { merge() }
    }

    /// Doubles the width: neighbouring buckets that now share a key become one, keeping the
    /// first, smallest, largest and last of their kept points. Compacts `closed` in place (a
    /// bucket's kept points never move right), so merging needs no second array. The last
    /// bucket stays open.
    private mutating func merge() {
        if let b = open { close(b) }
        width *= 2
        var newKeys: [Int] = [], newStarts: [Int] = []
        newKeys.reserveCapacity(keys.count / 2 + 1)
        newStarts.reserveCapacity(keys.count / 2 + 1)
        var b = 0, written = 0
        while b < keys.count {
            let key = keys[b] == Int.min ? Int.min : keys[b] >> 1
            var e = b + 1
            while e < keys.count, (keys[e] == Int.min ? Int.min : keys[e] >> 1) == key { e += 1 }
            let lo = starts[b], hi = e < starts.count ? starts[e] : closed.count
            var low = lo, high = lo
            for i in lo..<hi {
                if Self.value(closed[i]) < Self.value(closed[low]) { low = i }
                if Self.value(closed[i]) > Self.value(closed[high]) { high = i }
            }
            newKeys.append(key)
            newStarts.append(written)
            // Ascending indices from lo, written from `written` <= lo: never over a point still to be read.
            for i in lo..<hi where i == lo || i == low || i == high || i == hi - 1 {
                if written != i { closed[written] = closed[i] }
                written += 1
            }
            b = e
        }
        closed.removeLast(closed.count - written)
        // The last bucket is open again: later points with its key join it.
        let lastStart = newStarts.removeLast(), lastKey = newKeys.removeLast()
        open = Bucket(key: lastKey, kept: closed[lastStart...], firstSeq: sequence - (closed.count - lastStart) + 1)
        closed.removeLast(closed.count - lastStart)
        keys = newKeys
        starts = newStarts
    }
}

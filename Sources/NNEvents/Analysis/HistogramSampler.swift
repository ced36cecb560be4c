/// Keeps a histogram sequence in bounded memory: up to `limit` histograms every one; beyond,
/// every k-th recorded (k = 2, 4, 8, ... as the run grows, so between `limit / 2` and `limit`
/// evenly spaced ones remain) plus the latest, so the first and last distributions are always
/// there. Deterministic: the choice depends on the position in the sequence only.
struct HistogramSampler {
    let limit: Int
    private var stride = 1
    private var seen = 0
    /// Position in the sequence of each kept histogram.
    private var positions: [Int] = []

    init(limit: Int = 512) { self.limit = limit }

    /// Adds the next histogram of the sequence and updates `kept`.
    mutating func add(_ h: Histogram, into kept: inout [Histogram]) {
        let position = seen
        seen += 1
        // The latest, off the grid of every stride-th, is kept only until the next one arrives.
        if let last = positions.last, last % stride != 0 {
            positions.removeLast()
            kept.removeLast()
        }
        positions.append(position)
        kept.append(h)
        guard kept.count > limit else { return }
        stride *= 2
        var p: [Int] = [], k: [Histogram] = []
        for (i, pos) in positions.enumerated() where pos % stride == 0 || i == positions.count - 1 {
            p.append(pos)
            k.append(kept[i])
        }
        positions = p
        kept = k
    }
}

/// Which points of a long curve a figure draws and its CSV lists: every point up to
/// ``threshold``; beyond, the steps are cut into ``buckets`` ranges of equal width and each keeps
/// the first, smallest, largest and last value of every series given (a raw curve and its
/// smoothed one), and every non-finite value (a gap in the line). So the figure keeps every
/// spike and the extremes of every pixel column (a figure is at most a few thousand pixels
/// wide), its data stay a few thousand rows however long the run, and a short run's figure is
/// exactly what it was. The same rule as the event store's for layer statistics.
public enum CurveDecimation {
    /// Curves of at most this many points are kept whole.
    public static let threshold = 4096
    /// Step ranges a longer curve is cut into.
    public static let buckets = 4096

    /// The indices to keep of points at `steps` (in recorded order) with values `series` (each as long as `steps`).
    public static func indices(steps: [Double], _ series: [[Double]]) -> [Int] {
        guard steps.count > threshold, let first = steps.first, let last = steps.last else { return Array(steps.indices) }
        let width = max(1, (last - first) / Double(buckets))
        var keep: [Int] = [], start = 0
        keep.reserveCapacity(4 * buckets * max(1, series.count))
        func key(_ i: Int) -> Int { Int(((steps[i] - first) / width).rounded(.down)) }
        while start < steps.count {
            var end = start + 1
            let k = key(start)
            while end < steps.count, key(end) == k { end += 1 }
            var chosen: Set<Int> = [start, end - 1]
            for values in series {
                var low = start, high = start
                for i in start..<end {
                    if !values[i].isFinite { chosen.insert(i); continue }
                    if !values[low].isFinite || values[i] < values[low] { low = i }
                    if !values[high].isFinite || values[i] > values[high] { high = i }
                }
                chosen.insert(low)
                chosen.insert(high)
            }
            keep += chosen.sorted()
            start = end
        }
        return keep
    }

    /// `values` at `indices`.
    public static func pick<T>(_ values: [T], _ indices: [Int]) -> [T] { indices.count == values.count ? values : indices.map { values[$0] } }

    /// The sentence a caption ends with when its figure was decimated (empty otherwise).
    public static func note(_ decimated: Bool) -> String {
        decimated ? " " + ReportText.text("curves.decimated", ["points": "\(threshold)", "buckets": "\(buckets)"]) : ""
    }
}

/// Contour lines by marching squares: for each level, the polylines where the bilinearly
/// sampled field crosses the level, with crossing points interpolated linearly along cell edges.
public enum Contour {
    /// A contour line in data coordinates.
    public struct Line: Sendable {
        /// The level the line follows.
        public var level: Double
        /// The line's points in order (a closed line repeats its first point at the end).
        public var points: [(x: Double, y: Double)]
    }

    /// The contour lines of `values[j][i]` at (`x[i]`, `y[j]`) for each level.
    public static func lines(x: [Double], y: [Double], values: [[Double]], levels: [Double]) -> [Line] {
        let nx = x.count, ny = y.count
        guard nx >= 2, ny >= 2, values.count == ny, values.allSatisfy({ $0.count == nx }) else { return [] }
        let grid = Grid(x: x, y: y, v: values.flatMap { $0 }, nx: nx, ny: ny)
        var crossings = Crossings(edges: 2 * nx * ny)
        var out: [Line] = []
        for level in levels {
            let segments = grid.segments(level, &crossings)
            out += join(segments, crossings: crossings.count).map { ids in
                Line(level: level, points: ids.map { crossings.points[$0] })
            }
            crossings.reset()
        }
        return out
    }

    /// The grid, flat and row-major: `v[j * nx + i]` at (`x[i]`, `y[j]`).
    private struct Grid {
        let x, y, v: [Double]
        let nx, ny: Int

        /// Marching squares at `level`: one or two segments per cell the level crosses, cells in
        /// row order, each segment as the ids of its two edge crossings.
        func segments(_ level: Double, _ crossings: inout Crossings) -> [(Int, Int)] {
            var segments: [(Int, Int)] = []
            // Whether each grid point is at or above the level (NaN is not), computed once a point.
            var above = [UInt8](repeating: 0, count: v.count)
            v.withUnsafeBufferPointer { pv in
                above.withUnsafeMutableBufferPointer { pa in
                    for k in pv.indices { pa[k] = pv[k] >= level ? 1 : 0 }
                }
            }
            func crossing(_ edge: Int) -> Int {
                crossings.id(edge) {
                    let cell = edge / 2, i = cell % nx, j = cell / nx
                    let (i2, j2) = edge % 2 == 0 ? (i + 1, j) : (i, j + 1)
                    let a = v[j * nx + i], b = v[j2 * nx + i2]
                    let t = a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1)
                    return (x[i] + t * (x[i2] - x[i]), y[j] + t * (y[j2] - y[j]))
                }
            }
            above.withUnsafeBufferPointer { pa in
                for j in 0..<(ny - 1) {
                    let r0 = j * nx, r1 = r0 + nx
                    for i in 0..<(nx - 1) {
                        let code = Int(pa[r0 + i] | pa[r0 + i + 1] &<< 1 | pa[r1 + i + 1] &<< 2 | pa[r1 + i] &<< 3)
                        if code == 0 || code == 15 { continue }
                        let v0 = v[r0 + i], v1 = v[r0 + i + 1], v2 = v[r1 + i + 1], v3 = v[r1 + i]
                        guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                        // Edge ids: horizontal edge (i, j)-(i+1, j) is 2*(j*nx+i); vertical (i, j)-(i, j+1) is 2*(j*nx+i)+1.
                        let bottom = 2 * (r0 + i), top = 2 * (r1 + i), left = 2 * (r0 + i) + 1, right = 2 * (r0 + i + 1) + 1
                        let center = (v0 + v1 + v2 + v3) / 4
                        switch code {
                        case 1, 14: segments.append((crossing(left), crossing(bottom)))
                        case 2, 13: segments.append((crossing(bottom), crossing(right)))
                        case 3, 12: segments.append((crossing(left), crossing(right)))
                        case 4, 11: segments.append((crossing(right), crossing(top)))
                        case 6, 9: segments.append((crossing(bottom), crossing(top)))
                        case 7, 8: segments.append((crossing(left), crossing(top)))
                        case 5: // saddle: resolve with the cell centre
                            if center >= level { segments += [(crossing(left), crossing(top)), (crossing(bottom), crossing(right))] }
                            else { segments += [(crossing(left), crossing(bottom)), (crossing(right), crossing(top))] }
                        case 10:
                            if center >= level { segments += [(crossing(left), crossing(bottom)), (crossing(right), crossing(top))] }
                            else { segments += [(crossing(left), crossing(top)), (crossing(bottom), crossing(right))] }
                        default: break
                        }
                    }
                }
            }
            return segments
        }
    }

    /// The edge crossings of one level, numbered 0, 1, 2, ... in the order they are first met, with
    /// their points; `reset` clears only the edges touched, so the next level starts clean cheaply.
    private struct Crossings {
        private var ids: [Int32]
        private(set) var points: [(x: Double, y: Double)] = []
        private var edges: [Int] = []
        var count: Int { points.count }

        init(edges: Int) { ids = [Int32](repeating: -1, count: edges) }

        /// The crossing's id on `edge`, its point computed by `point` the first time.
        mutating func id(_ edge: Int, _ point: () -> (Double, Double)) -> Int {
            let known = ids[edge]
            if known >= 0 { return Int(known) }
            let p = point()
            ids[edge] = Int32(points.count)
            points.append((p.0, p.1))
            edges.append(edge)
            return points.count - 1
        }

        mutating func reset() {
            for e in edges { ids[e] = -1 }
            edges.removeAll(keepingCapacity: true)
            points.removeAll(keepingCapacity: true)
        }
    }

    /// Joins segments that share crossings (numbered `0..<crossings`) into polylines (closed ones
    /// repeat their start). Each crossing belongs to at most two segments (the two cells beside its edge).
    static func join(_ segments: [(Int, Int)], crossings: Int) -> [[Int]] {
        // Crossing -> up to two segment indices (-1 for none).
        var first = [Int](repeating: -1, count: crossings), second = [Int](repeating: -1, count: crossings)
        for (k, (a, b)) in segments.enumerated() {
            for e in [a, b] {
                if first[e] >= 0 { second[e] = k } else { first[e] = k }
            }
        }
        var used = [Bool](repeating: false, count: segments.count)
        func other(_ seg: Int, _ e: Int) -> Int { segments[seg].0 == e ? segments[seg].1 : segments[seg].0 }
        func nextSegment(at e: Int) -> Int? {
            if first[e] >= 0, !used[first[e]] { return first[e] }
            if second[e] >= 0, !used[second[e]] { return second[e] }
            return nil
        }
        var lines: [[Int]] = []
        // Open lines start at crossings with one segment; what is left are closed loops.
        var starts: [Int] = []
        starts.reserveCapacity(3 * segments.count)
        for (a, b) in segments {
            if second[a] < 0 { starts.append(a) }
            if second[b] < 0 { starts.append(b) }
        }
        starts += segments.map(\.0)
        for start in starts {
            while let seg = nextSegment(at: start) {
                used[seg] = true
                var line = [start, other(seg, start)]
                var cur = line[1]
                while let s2 = nextSegment(at: cur) {
                    used[s2] = true
                    cur = other(s2, cur)
                    line.append(cur)
                }
                lines.append(line)
            }
        }
        return lines
    }
}

/// Reduces a long series to at most about two points per output pixel column, keeping each
/// column's first, minimum, maximum and last point so that spikes survive.
public enum Decimation {
    /// Indices of the points to keep when `x` (sorted) spans `columns` pixel columns.
    public static func minMax(x: [Double], y: [Double], columns: Int) -> [Int] {
        let n = x.count
        guard n > 4 * columns, columns > 0, let lo = x.first, let hi = x.last, hi > lo else { return Array(0..<n) }
        var keep: [Int] = []
        keep.reserveCapacity(4 * columns + 2)
        var start = 0
        while start < n {
            let col = Int(Double(columns) * (x[start] - lo) / (hi - lo))
            var end = start
            var iMin = start, iMax = start
            while end < n, Int(Double(columns) * (x[end] - lo) / (hi - lo)) == col {
                if y[end] < y[iMin] || y[iMin].isNaN { iMin = end }
                if y[end] > y[iMax] || y[iMax].isNaN { iMax = end }
                end += 1
            }
            for i in Set([start, iMin, iMax, end - 1]).sorted() { keep.append(i) }
            start = end
        }
        return keep
    }
}

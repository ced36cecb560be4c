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
        var out: [Line] = []
        // Edge ids: horizontal edge (i, j)-(i+1, j) is 2*(j*nx+i); vertical (i, j)-(i, j+1) is 2*(j*nx+i)+1.
        var pointX = [Double](repeating: .nan, count: 2 * nx * ny)
        var pointY = [Double](repeating: .nan, count: 2 * nx * ny)
        for level in levels {
            var segments: [(Int, Int)] = []
            var touched: [Int] = []
            func crossing(_ edge: Int) -> Int {
                if pointX[edge].isNaN {
                    let cell = edge / 2, i = cell % nx, j = cell / nx
                    let (i2, j2) = edge % 2 == 0 ? (i + 1, j) : (i, j + 1)
                    let a = values[j][i], b = values[j2][i2]
                    let t = a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1)
                    pointX[edge] = x[i] + t * (x[i2] - x[i])
                    pointY[edge] = y[j] + t * (y[j2] - y[j])
                    touched.append(edge)
                }
                return edge
            }
            for j in 0..<(ny - 1) {
                let row0 = values[j], row1 = values[j + 1]
                for i in 0..<(nx - 1) {
                    let v0 = row0[i], v1 = row0[i + 1], v2 = row1[i + 1], v3 = row1[i]
                    let code = (v0 >= level ? 1 : 0) | (v1 >= level ? 2 : 0) | (v2 >= level ? 4 : 0) | (v3 >= level ? 8 : 0)
                    if code == 0 || code == 15 { continue }
                    guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                    let bottom = 2 * (j * nx + i), top = 2 * ((j + 1) * nx + i)
                    let left = 2 * (j * nx + i) + 1, right = 2 * (j * nx + i + 1) + 1
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
            out += join(segments).map { ids in Line(level: level, points: ids.map { (pointX[$0], pointY[$0]) }) }
            for e in touched { pointX[e] = .nan; pointY[e] = .nan }
        }
        return out
    }

    /// Joins segments that share edge crossings into polylines (closed ones repeat their start).
    /// Each crossing belongs to at most two segments (the two cells beside its edge).
    static func join(_ segments: [(Int, Int)]) -> [[Int]] {
        var ends: [Int: (Int, Int)] = [:]   // crossing -> up to two segment indices (-1 for none)
        ends.reserveCapacity(segments.count * 2)
        for (k, (a, b)) in segments.enumerated() {
            for e in [a, b] {
                if let slot = ends[e] { ends[e] = (slot.0, k) } else { ends[e] = (k, -1) }
            }
        }
        var used = [Bool](repeating: false, count: segments.count)
        func other(_ seg: Int, _ e: Int) -> Int { segments[seg].0 == e ? segments[seg].1 : segments[seg].0 }
        func nextSegment(at e: Int) -> Int? {
            guard let s = ends[e] else { return nil }
            if s.0 >= 0, !used[s.0] { return s.0 }
            if s.1 >= 0, !used[s.1] { return s.1 }
            return nil
        }
        var lines: [[Int]] = []
        // Open lines start at crossings with one segment; what is left are closed loops.
        let starts = segments.indices.flatMap { [segments[$0].0, segments[$0].1] }.filter { ends[$0]!.1 < 0 } + segments.map(\.0)
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

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
    ///
    /// One pass over the cells finds, for each, the levels between its lowest and highest
    /// corner (only those cross it) and adds its segments to each such level's list, in cell
    /// order; the lines are then joined level by level and their points interpolated.
    public static func lines(x: [Double], y: [Double], values: [[Double]], levels: [Double]) -> [Line] {
        let nx = x.count, ny = y.count
        guard nx >= 2, ny >= 2, values.count == ny, values.allSatisfy({ $0.count == nx }) else { return [] }
        // Edge ids: horizontal edge (i, j)-(i+1, j) is 2*(j*nx+i); vertical (i, j)-(i, j+1) is 2*(j*nx+i)+1.
        var segments = [[(Int, Int)]](repeating: [], count: levels.count)
        guard let lowest = levels.min(), let highest = levels.max() else { return [] }
        for j in 0..<(ny - 1) {
            let row0 = values[j], row1 = values[j + 1]
            for i in 0..<(nx - 1) {
                let v0 = row0[i], v1 = row0[i + 1], v2 = row1[i + 1], v3 = row1[i]
                let lo = min(min(v0, v1), min(v2, v3)), hi = max(max(v0, v1), max(v2, v3))
                // No level crosses a cell wholly above or below them all (NaN corners fail both tests and are caught next).
                if hi < lowest || lo >= highest { continue }
                guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                for k in levels.indices {
                    let level = levels[k]
                    guard lo < level, level <= hi else { continue }
                    let code = (v0 >= level ? 1 : 0) | (v1 >= level ? 2 : 0) | (v2 >= level ? 4 : 0) | (v3 >= level ? 8 : 0)
                    let aboveCenter = (v0 + v1 + v2 + v3) / 4 >= level
                    addSegments(code: code, aboveCenter: aboveCenter, cell: j * nx + i, nx: nx, to: &segments[k])
                }
            }
        }
        var scratch = [Int32](repeating: -1, count: 4 * nx * ny)
        var out: [Line] = []
        for (k, level) in levels.enumerated() {
            for ids in join(segments[k], scratch: &scratch) {
                out.append(Line(level: level, points: ids.map { edge in
                    let cell = edge / 2, i = cell % nx, j = cell / nx
                    let (i2, j2) = edge % 2 == 0 ? (i + 1, j) : (i, j + 1)
                    let a = values[j][i], b = values[j2][i2]
                    let t = a == b ? 0.5 : min(max((level - a) / (b - a), 0), 1)
                    return (x[i] + t * (x[i2] - x[i]), y[j] + t * (y[j2] - y[j]))
                }))
            }
        }
        return out
    }

    /// The segments of a cell whose corners (bottom left, bottom right, top right, top left) are at
    /// or above the level as the bits of `code`; saddles are resolved by the cell's mean.
    private static func addSegments(code: Int, aboveCenter: Bool, cell: Int, nx: Int, to segments: inout [(Int, Int)]) {
        let bottom = 2 * cell, top = 2 * (cell + nx), left = 2 * cell + 1, right = 2 * (cell + 1) + 1
        switch code {
        case 1, 14: segments.append((left, bottom))
        case 2, 13: segments.append((bottom, right))
        case 3, 12: segments.append((left, right))
        case 4, 11: segments.append((right, top))
        case 6, 9: segments.append((bottom, top))
        case 7, 8: segments.append((left, top))
        case 5:
            if aboveCenter { segments += [(left, top), (bottom, right)] } else { segments += [(left, bottom), (right, top)] }
        case 10:
            if aboveCenter { segments += [(left, bottom), (right, top)] } else { segments += [(left, top), (bottom, right)] }
        default: break
        }
    }

    /// Joins segments that share edge crossings into polylines (closed ones repeat their start).
    /// Each crossing belongs to at most two segments (the two cells beside its edge). `scratch`
    /// holds two slots per edge id, all -1, and is left so.
    static func join(_ segments: [(Int, Int)], scratch ends: inout [Int32]) -> [[Int]] {
        // ends[2e], ends[2e+1]: the (up to two) segments at crossing e, -1 for none.
        for (k, (a, b)) in segments.enumerated() {
            for e in [a, b] {
                if ends[2 * e] < 0 { ends[2 * e] = Int32(k) } else { ends[2 * e + 1] = Int32(k) }
            }
        }
        var used = [Bool](repeating: false, count: segments.count)
        func other(_ seg: Int, _ e: Int) -> Int { segments[seg].0 == e ? segments[seg].1 : segments[seg].0 }
        func nextSegment(at e: Int) -> Int? {
            let s0 = Int(ends[2 * e]), s1 = Int(ends[2 * e + 1])
            if s0 >= 0, !used[s0] { return s0 }
            if s1 >= 0, !used[s1] { return s1 }
            return nil
        }
        var lines: [[Int]] = []
        // Open lines start at crossings with one segment; what is left are closed loops.
        let starts = segments.indices.flatMap { [segments[$0].0, segments[$0].1] }.filter { ends[2 * $0 + 1] < 0 } + segments.map(\.0)
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
        for (a, b) in segments { ends[2 * a] = -1; ends[2 * a + 1] = -1; ends[2 * b] = -1; ends[2 * b + 1] = -1 }
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

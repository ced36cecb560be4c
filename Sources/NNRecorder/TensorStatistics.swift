import CNNKernels
import NNEngine

/// The recorder's statistics over engine tensors, computed in vectorised C where the type allows.
public enum TensorStatistics {
    /// ‖a − b‖ without allocating a difference (distance from the initial weights).
    public static func distance<S: Real>(_ a: Matrix<S>, _ b: Matrix<S>) -> Double {
        precondition(a.count == b.count)
        if S.self == Float.self {
            let x = unsafeBitCast(a.storage, to: [Float].self), y = unsafeBitCast(b.storage, to: [Float].self)
            return x.withUnsafeBufferPointer { px in
                y.withUnsafeBufferPointer { py in nn_squared_distance_f32(px.baseAddress, py.baseAddress, px.count) }
            }.squareRoot()
        }
        if S.self == Double.self {
            let x = unsafeBitCast(a.storage, to: [Double].self), y = unsafeBitCast(b.storage, to: [Double].self)
            return x.withUnsafeBufferPointer { px in
                y.withUnsafeBufferPointer { py in nn_squared_distance_f64(px.baseAddress, py.baseAddress, px.count) }
            }.squareRoot()
        }
        return zip(a.storage, b.storage).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }.squareRoot()
    }

    /// Fraction of units (columns) that are exactly 0 for every sample (row) of a batch: dead ReLUs.
    public static func deadUnitFraction<S: Real>(_ m: Matrix<S>) -> Double {
        guard m.rows > 0, m.cols > 0 else { return 0 }
        if S.self == Float.self {
            var mass = [Float](repeating: 0, count: m.cols)
            unsafeBitCast(m.storage, to: [Float].self).withUnsafeBufferPointer { nn_column_abs_sums_f32($0.baseAddress, m.rows, m.cols, &mass) }
            return Double(mass.filter { $0 == 0 }.count) / Double(m.cols)
        }
        let dead = (0..<m.cols).filter { j in (0..<m.rows).allSatisfy { m[$0, j] == 0 } }.count
        return Double(dead) / Double(m.cols)
    }

    /// Histogram counts of values over increasing `edges`; bin k is [e_k, e_k+1), the last bin
    /// includes its upper edge. Returns counts, underflow, overflow and NaN count.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func binned<S: Real>(_ values: [S], edges: [Double]) -> (counts: [Int], underflow: Int, overflow: Int, nan: Int) {
        let bins = edges.count - 1
        var counts = [Int](repeating: 0, count: Swift.max(bins, 0))
        guard bins > 0 else { return (counts, 0, 0, values.count) }
        var under = 0, over = 0, nan = 0
        let lo = edges[0], hi = edges[bins]
        let uniform = zip(edges.dropFirst(), edges).map { $0 - $1 }.allSatisfy { abs($0 - (hi - lo) / Double(bins)) < 1e-9 * (hi - lo) }
        if uniform, S.self == Float.self || S.self == Double.self {
            var c = [Int](repeating: 0, count: bins)
            var u = 0, o = 0, q = 0
            edges.withUnsafeBufferPointer { e in
                c.withUnsafeMutableBufferPointer { cb in
                    if S.self == Float.self {
                        unsafeBitCast(values, to: [Float].self).withUnsafeBufferPointer {
                            nn_histogram_uniform_f32($0.baseAddress, $0.count, e.baseAddress, bins, cb.baseAddress, &u, &o, &q)
                        }
                    } else {
                        unsafeBitCast(values, to: [Double].self).withUnsafeBufferPointer {
                            nn_histogram_uniform_f64($0.baseAddress, $0.count, e.baseAddress, bins, cb.baseAddress, &u, &o, &q)
                        }
                    }
                }
            }
            return (c, u, o, q)
        }
        let scale = Double(bins) / (hi - lo)
        values.withUnsafeBufferPointer { buf in
            for v in buf {
                let d = Double(v)
                if d.isNaN { nan += 1; continue }
                if d < lo { under += 1; continue }
                if d > hi { over += 1; continue }
                var k: Int
                if uniform {
                    k = Swift.min(bins - 1, Int((d - lo) * scale))
                    // Guard against rounding at the edges.
                    if k > 0, d < edges[k] { k -= 1 } else if k < bins - 1, d >= edges[k + 1] { k += 1 }
                } else {
                    var a = 0, b = bins
                    while b - a > 1 { let m = (a + b) / 2; if d >= edges[m] { a = m } else { b = m } }
                    k = a
                }
                counts[k] += 1
            }
        }
        return (counts, under, over, nan)
    }
}

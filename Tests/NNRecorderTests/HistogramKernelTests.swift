import Foundation
import NNRecorder
import NNTestSupport
import XCTest

/// Histograms of Float tensors (counted in AVX2 lanes where the processor has them, value by
/// value where a value is near an edge) against the definition, computed here by binary search
/// over the edges in Double: bin k holds e_k <= v < e_k+1, the last bin also its upper edge;
/// below, above and NaN are counted apart. The Double path (the scalar loop) must agree too.
final class HistogramKernelTests: XCTestCase {
    func definition(_ values: [Double], _ edges: [Double]) -> (counts: [Int], under: Int, over: Int, nan: Int) {
        let bins = edges.count - 1
        var counts = [Int](repeating: 0, count: bins), under = 0, over = 0, nan = 0
        for v in values {
            if v.isNaN { nan += 1; continue }
            if v < edges[0] { under += 1; continue }
            if v > edges[bins] { over += 1; continue }
            var a = 0, b = bins  // edges[a] <= v, and v < edges[b] unless b is the last edge
            while b - a > 1 { let m = (a + b) / 2; if v >= edges[m] { a = m } else { b = m } }
            counts[a] += 1
        }
        return (counts, under, over, nan)
    }

    /// Edges as the recorder makes them: `bins` equal bins from lo to hi.
    func edges(_ lo: Double, _ hi: Double, _ bins: Int) -> [Double] { (0...bins).map { lo + (hi - lo) * Double($0) / Double(bins) } }

    /// Values drawn around the edges: inside, on an edge, one float either side of one, zeros,
    /// out of the range, NaN and ±infinity now and then.
    func values(_ count: Int, _ edges: [Double], _ g: inout SplitMix64) -> [Float] {
        let lo = edges[0], hi = edges[edges.count - 1]
        let special = g.next() % 4 == 0
        return (0..<count).map { _ -> Float in
            let e = Float(edges[Int(g.next() % UInt64(edges.count))])
            switch g.next() % 16 {
            case 0: return 0
            case 1: return e
            case 2: return e.nextUp
            case 3: return e.nextDown
            case 4 where special: return [.nan, .infinity, -.infinity][Int(g.next() % 3)]
            case 5: return Float(lo + (hi - lo) * (g.nextUniform() * 3 - 1))
            default: return Float(lo + (hi - lo) * g.nextUniform())
            }
        }
    }

    func check(_ values: [Float], _ edges: [Double], _ what: String) {
        let expected = definition(values.map(Double.init), edges)
        let f = TensorStatistics.binned(values, edges: edges), d = TensorStatistics.binned(values.map(Double.init), edges: edges)
        XCTAssertEqual(f.counts, expected.counts, what)
        XCTAssertEqual([f.underflow, f.overflow, f.nan], [expected.under, expected.over, expected.nan], what)
        XCTAssertEqual(d.counts, expected.counts, what)
        XCTAssertEqual([d.underflow, d.overflow, d.nan], [expected.under, expected.over, expected.nan], what)
    }

    func testFloatHistogramsMatchTheDefinition() {
        var g = SplitMix64(state: 21)
        for trial in 0..<3000 {
            let bins = [1, 2, 7, 30, 31, 64, 100, 255, 256, 300][trial % 10]
            let scale = pow(10, Double(Int(g.next() % 16)) - 8)
            var lo = (g.nextUniform() - 0.5) * scale * 4, hi = lo + scale * (0.001 + g.nextUniform())
            switch trial % 6 {
            case 0: lo = 0  // fixed edges from 0: a ReLU layer's zeros on the lowest edge
            case 1: lo = -0.05 * hi  // the recorder's edges around ReLU outputs
            case 2: (lo, hi) = (1000 + lo, 1000 + hi)  // a range far from 0 for its width
            default: break
            }
            let e = edges(lo, hi, bins)
            let n = Int(g.next() % 3000) + (trial % 3 == 0 ? 8 : 0)
            check(values(n, e, &g), e, "trial \(trial): \(bins) bins over [\(lo), \(hi)], \(n) values")
        }
    }

    func testLargeTensorsOfTrainingLikeValues() {
        var g = SplitMix64(state: 22)
        // Gradients (normal), ReLU activations (half exact zeros) and weights, as the recorder bins them.
        let normal = (0..<78_400).map { _ in Float(((-2 * log(max(g.nextUniform(), 1e-300))).squareRoot()) * cos(2 * .pi * g.nextUniform())) }
        let relu = normal.map { max($0, 0) }
        for (name, xs) in [("normal", normal), ("relu", relu), ("tiny", normal.map { $0 * 1e-6 })] {
            let lo = Double(xs.min() ?? 0), hi = Double(xs.max() ?? 1), pad = 0.05 * (hi - lo)
            check(xs, edges(lo - pad, hi + pad, 30), "\(name), the recorder's edges")
            check(xs, edges(lo, hi, 30), "\(name), edges on the extremes")
            check(xs, edges(-0.5 * hi, 0.5 * hi, 30), "\(name), half the range")
        }
    }
}

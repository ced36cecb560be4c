import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// The store's decimated layer statistics against the rule as documented, computed by plain
/// loops over every point: past 4096 points the steps fall in buckets of a power-of-two width
/// (the smallest, from 4, that leaves at most 4096 buckets) and each bucket keeps its first point,
/// the first point at its smallest value, the first at its largest, and its last, in order.
final class MinMaxDecimationTests: XCTestCase {
    func testKeptPointsAreEachBucketsFirstExtremesAndLast() throws {
        for (steps, seed) in [(4096, 1), (4097, 2), (9000, 3), (40_000, 4), (70_001, 5)] as [(Int, UInt64)] {
            var g = SplitMix64(state: seed), all: [LayerStats] = []
            for s in 0..<steps {
                // Few distinct levels, so ties between the extremes are common, and rare infinities.
                var v = (g.nextUniform() * 8).rounded(.down)
                if g.nextUniform() < 0.001 { v = g.nextUniform() < 0.5 ? .infinity : -.infinity }
                all.append(LayerStats(run: "r", step: s, layer: "a", index: 0, quantity: .weightGradient, count: 1, mean: 0, std: 0,
                                      min: 0, max: 0, l2: v))
            }
            let store = EventStore(all.map(Event.layerStats))
            let kept = try XCTUnwrap(store["r"]?.stats["a"]?[.weightGradient])
            XCTAssertEqual(kept, Self.oracle(all), "\(steps) steps")
            // Reading, then adding more, then reading again gives the same as reading once at the end.
            let twice = EventStore(Array(all.prefix(steps / 2)).map(Event.layerStats))
            _ = twice["r"]?.stats
            all.dropFirst(steps / 2).forEach { twice.add(.layerStats($0)) }
            XCTAssertEqual(try XCTUnwrap(twice["r"]?.stats["a"]?[.weightGradient]), kept, "\(steps) steps, read midway")
        }
    }

    /// Every point up to 4096; beyond, per bucket of the documented width: first, first minimum, first maximum, last.
    static func oracle(_ all: [LayerStats]) -> [LayerStats] {
        guard all.count > 4096 else { return all }
        var width = 4
        while (all.count + width - 1) / width > 4096 { width *= 2 }
        var out: [LayerStats] = []
        for start in stride(from: 0, to: all.count, by: width) {
            let bucket = Array(all[start..<min(all.count, start + width)])
            var low = 0, high = 0
            for (i, p) in bucket.enumerated() {
                if p.l2 < bucket[low].l2 { low = i }
                if p.l2 > bucket[high].l2 { high = i }
            }
            for i in Set([0, low, high, bucket.count - 1]).sorted() { out.append(bucket[i]) }
        }
        return out
    }
}

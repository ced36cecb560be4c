import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// A long run (200k events) in the store: layer statistics are decimated yet every spike and the
/// extremes of every pixel column survive, each kept point is a recorded one, the diagnoses equal
/// the rules computed by plain loops over every event, and a short run is kept whole.
final class LongRunStoreTests: XCTestCase {
    static let steps = 40_000
    static let spikes: Set<Int> = Set(stride(from: 1234, to: steps, by: 7919))

    /// Uniform numbers from the tests' seeded generator.
    struct Numbers {
        var bits: SplitMix64
        init(state: UInt64) { bits = SplitMix64(state: state) }
        mutating func next() -> Double { bits.nextUniform() }
    }

    /// 5 events a step: the batch loss, the gradient of layers a, b, c, the activations of b.
    static func events(steps: Int = steps) -> [Event] {
        var g = Numbers(state: 200), out: [Event] = []
        for s in 0..<steps {
            out.append(.scalar(ScalarEvent(run: "long", name: "train/batch_loss", step: s, value: 2 * exp(-Double(s) / 9000) + 0.1 * g.next())))
            for (k, layer) in ["a", "b", "c"].enumerated() {
                var l2 = (0.5 + g.next()) / Double(k + 1)
                if spikes.contains(s) { l2 = k == 0 ? 50 : 1e-6 }
                if k == 1 && s == 30_000 { l2 = .infinity }
                out.append(.layerStats(LayerStats(run: "long", step: s, layer: layer, index: k, quantity: .weightGradient, count: 10, mean: 0,
                                                  std: l2 / 3, min: -l2, max: l2, l2: l2)))
            }
            out.append(.layerStats(LayerStats(run: "long", step: s, layer: "b", index: 1, quantity: .activation, count: 10, mean: 0.5,
                                              std: 0.01 + 0.05 * g.next(), min: 0, max: 1, l2: 1, saturatedFraction: 0.3 * g.next())))
        }
        return out
    }

    func testSpikesAndPixelColumnExtremesSurvive() throws {
        let all = Self.events()
        XCTAssertEqual(all.count, 200_000)
        let store = EventStore(all)
        let run = try XCTUnwrap(store["long"])
        let full = all.compactMap { e -> LayerStats? in if case .layerStats(let s) = e, s.layer == "a" { return s } else { return nil } }
        let kept = try XCTUnwrap(run.stats["a"]?[.weightGradient])
        XCTAssertLessThan(kept.count, 4 * 4096, "bounded")
        XCTAssertLessThan(kept.count, full.count / 2, "decimated")
        let byStep = Dictionary(uniqueKeysWithValues: full.map { ($0.step, $0) })
        for p in kept { XCTAssertEqual(byStep[p.step], p, "a kept point is a recorded one") }
        XCTAssertEqual(kept.map(\.step), kept.map(\.step).sorted(), "in step order")
        XCTAssertEqual(kept.first?.step, 0)
        XCTAssertEqual(kept.last?.step, Self.steps - 1)
        let keptSteps = Set(kept.map(\.step))
        for s in Self.spikes { XCTAssertTrue(keptSteps.contains(s), "spike at step \(s) kept") }
        // The largest and smallest value of each pixel column, for plots of 300 to 1000 pixels,
        // are drawn within one bucket (at most span / 1024 steps) of the column.
        let slack = Self.steps / 1024 + 1
        for width in [300, 620, 1000] {
            let perColumn = Double(Self.steps) / Double(width)
            for c in 0..<width {
                let lo = Int((Double(c) * perColumn).rounded(.up)), hi = Int((Double(c + 1) * perColumn).rounded(.up)) - 1
                guard lo <= hi else { continue }
                let column = full[lo...hi].map(\.l2)
                let near = kept.filter { $0.step >= lo - slack && $0.step <= hi + slack }.map(\.l2)
                XCTAssertGreaterThanOrEqual(near.max() ?? -1, column.max() ?? 0, "column \(c) of \(width)")
                XCTAssertLessThanOrEqual(near.min() ?? .infinity, column.min() ?? 0, "column \(c) of \(width)")
            }
        }
    }

    /// The rules' formulas as the diagnoses state them, by plain loops over every event.
    func testDiagnosesEqualPlainLoopsOverEveryEvent() throws {
        let all = Self.events()
        let run = try XCTUnwrap(EventStore(all)["long"])
        var grads: [String: [LayerStats]] = [:], acts: [LayerStats] = []
        for case .layerStats(let s) in all {
            if s.quantity == .weightGradient { grads[s.layer, default: []].append(s) } else { acts.append(s) }
        }
        func mean(_ v: [Double]) -> Double { let f = v.filter(\.isFinite); return f.reduce(0, +) / Double(f.count) }
        let ratio = mean(grads["a", default: []].map(\.l2)) / mean(grads["b", default: []].map(\.l2))
        XCTAssertEqual(Diagnoses.vanishing(run).value?.bitPattern, ratio.bitPattern)
        var worst = (0.0, "", 0)
        for l in ["a", "b", "c"] { for s in grads[l, default: []] where s.l2 > worst.0 || !s.l2.isFinite { worst = (s.l2, l, s.step) } }
        XCTAssertEqual(Diagnoses.exploding(run).value?.bitPattern, worst.0.bitPattern)
        XCTAssertTrue(Diagnoses.exploding(run).location.contains("\(worst.2)"), Diagnoses.exploding(run).location)
        let stds = acts.map(\.std).sorted()
        XCTAssertEqual(Diagnoses.collapsed(run).value, stds[stds.count / 2])
        XCTAssertEqual(Diagnoses.saturation(run).value?.bitPattern, mean(acts.compactMap(\.saturatedFraction)).bitPattern)
        XCTAssertEqual(run.values("train/batch_loss").count, Self.steps, "scalar series are kept whole")
    }

    func testAShortRunIsKeptWhole() throws {
        let all = Self.events(steps: 4000)
        let run = try XCTUnwrap(EventStore(all)["long"])
        let full = all.compactMap { e -> LayerStats? in if case .layerStats(let s) = e, s.layer == "c" { return s } else { return nil } }
        XCTAssertEqual(run.stats["c"]?[.weightGradient], full)
    }

    func testHistogramSequencesAreSampledEvenly() throws {
        let store = EventStore()
        for s in 0..<2000 {
            store.add(.histogram(Histogram(run: "h", step: s * 10, layer: "a", index: 0, quantity: .weight, edges: [0, 1], counts: [s])))
        }
        let kept = try XCTUnwrap(store["h"]?.histograms["a"]?[.weight])
        XCTAssertGreaterThanOrEqual(kept.count, 256)
        XCTAssertLessThanOrEqual(kept.count, 513)
        XCTAssertEqual(kept.first?.step, 0)
        XCTAssertEqual(kept.last?.step, 19_990, "the last histogram is kept")
        let gaps = Set(zip(kept.dropLast(), kept.dropFirst().dropLast()).map { $1.step - $0.step })
        XCTAssertEqual(gaps.count, 1, "evenly spaced: \(gaps)")
    }
}

import Foundation
import NNEngine
import NNEvents
import NNRecorder
import NNTestSupport
import XCTest

/// Keeps the raw tensors of step 0 to compute the expected statistics independently.
final class RawTensors: TrainingObserver {
    var first: StepObservation<Double>?
    func needs(atStep step: Int) -> ObservationNeeds { step == 0 ? .all : [] }
    func observe(_ o: StepObservation<Double>) { if first == nil { first = o } }
}

final class RecordingTests: XCTestCase {
    func smallRun(plan: RecordingPlan = RecordingPlan(statsEvery: 1, histogramsEvery: 2), file: String? = nil, asynchronous: Bool = true) throws
        -> (MemorySink, EventRecorder<Double>, RawTensors) {
        let data = try SyntheticSet.moons.generate(count: 64, noise: 0.2, seed: 1, as: Double.self)
        let model = try Sequential<Double>(inputFeatures: 2, seed: 3) {
            Dense(8, activation: .relu, initializer: .bookHe)
            Dense(8, activation: .sigmoid, initializer: .bookXavier)
            Dense(2)
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: Momentum(learningRate: 0.1), metrics: [.accuracy])
        let memory = MemorySink()
        var sinks: [any EventSink] = [memory]
        if let file { sinks.append(try JSONLinesSink(path: file)) }
        let rec = EventRecorder<Double>(run: "moons", plan: plan, sinks: sinks, asynchronous: asynchronous)
        rec.start(model: model, study: "test", dataset: "moons", splits: ["train": 48, "validation": 16], batchSize: 16)
        let raw = RawTensors()
        _ = try model.fit(data.x, data.target, epochs: 3, batchSize: 16, validation: .split(0.25), observers: [rec, raw])
        return (memory, rec, raw)
    }

    func testFileRoundTripGivesTheSameEvents() throws {
        let path = TemporaryDirectory.make("events.jsonl").path
        let (memory, rec, _) = try smallRun(file: path)
        XCTAssertNil(rec.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".partial"), "renamed into place on close")
        var reader = EventReader()
        let back = try reader.read(path: path)
        XCTAssertEqual(reader.warnings, [])
        XCTAssertEqual(back.count, memory.events.count)
        if let k = back.indices.first(where: { back[$0] != memory.events[$0] }) {
            XCTFail("event \(k) differs:\n file:   \(EventCodec.encode(back[k]))\n memory: \(EventCodec.encode(memory.events[k]))")
        }
        let kinds = Set(back.map(\.kind))
        XCTAssertEqual(kinds, ["run_start", "scalar", "layer_stats", "histogram", "run_end"])
        let store = EventStore(back)
        let run = try XCTUnwrap(store["moons"])
        XCTAssertEqual(run.values("train/batch_loss").count, 9, "3 epochs x 3 batches, every step")
        XCTAssertEqual(run.values("val/loss").count, 3)
        XCTAssertEqual(run.end?.status, "completed")
        XCTAssertEqual(run.layerOrder, ["dense_1", "dense_2", "dense_3"])
        // Same seed, same bytes.
        let path2 = TemporaryDirectory.make("events.jsonl").path
        _ = try smallRun(file: path2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try Data(contentsOf: URL(fileURLWithPath: path2)))
    }

    func testAsynchronousRecordingWritesTheSameEvents() throws {
        for plan in [RecordingPlan(statsEvery: 1, histogramsEvery: 2), .lean(histogramsEvery: 3), .scalarsOnly] {
            let (a, _, _) = try smallRun(plan: plan, asynchronous: true)
            let (b, _, _) = try smallRun(plan: plan, asynchronous: false)
            XCTAssertEqual(a.events, b.events)
            XCTAssertFalse(a.events.isEmpty)
        }
    }

    func testStatisticsMatchIndependentComputation() throws {
        let (memory, _, raw) = try smallRun()
        let obs = try XCTUnwrap(raw.first)
        let stats = memory.events.compactMap { if case .layerStats(let s) = $0, s.step == 0 { s } else { nil } }
        func expect(_ values: [Double], _ s: LayerStats, file: StaticString = #filePath, line: UInt = #line) {
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
            XCTAssertEqual(s.count, values.count, file: file, line: line)
            XCTAssertEqual(s.mean, mean, accuracy: 1e-12, file: file, line: line)
            XCTAssertEqual(s.std, std, accuracy: 1e-9, file: file, line: line)
            XCTAssertEqual(s.min, values.min()!, file: file, line: line)
            XCTAssertEqual(s.max, values.max()!, file: file, line: line)
            XCTAssertEqual(s.l2, values.map { $0 * $0 }.reduce(0, +).squareRoot(), accuracy: 1e-12, file: file, line: line)
            XCTAssertEqual(s.zeroFraction, Double(values.filter { $0 == 0 }.count) / n, file: file, line: line)
        }
        for l in obs.layers {
            let s = try XCTUnwrap(stats.first { $0.layer == l.record.name && $0.quantity == .activation })
            expect(l.activation.storage, s)
            if l.record.activation == "relu" {
                let a = l.activation
                let dead = (0..<a.cols).filter { j in (0..<a.rows).allSatisfy { a[$0, j] == 0 } }.count
                XCTAssertEqual(s.deadFraction, Double(dead) / Double(a.cols))
            }
            if l.record.activation == "sigmoid" {
                let sat = l.activation.storage.filter { $0 < 0.03 || $0 > 0.97 }.count
                XCTAssertEqual(s.saturatedFraction, Double(sat) / Double(l.activation.count))
            }
        }
        for p in obs.parameters where p.role == "W" {
            let layer = p.name.split(separator: "/").first.map(String.init)!
            expect(p.gradient.storage, try XCTUnwrap(stats.first { $0.layer == layer && $0.quantity == .weightGradient }))
            let u = try XCTUnwrap(stats.first { $0.layer == layer && $0.quantity == .update })
            expect(p.update!.storage, u)
            XCTAssertEqual(u.updateRatio!, p.update!.norm() / p.value.norm(), accuracy: 1e-12)
            let w = try XCTUnwrap(stats.first { $0.layer == layer && $0.quantity == .weight })
            XCTAssertEqual(w.distanceFromInit!, p.update!.norm(), accuracy: 1e-12, "after one step W - W0 is the update")
        }
    }

    func testHistogramsCountEveryValue() throws {
        let (memory, _, _) = try smallRun()
        let hists = memory.events.compactMap { if case .histogram(let h) = $0 { h } else { nil } }
        XCTAssertFalse(hists.isEmpty)
        for h in hists {
            let n = h.quantity == .activation || h.quantity == .preactivation ? 16 * (h.layer == "dense_3" ? 2 : 8) : nil
            if let n { XCTAssertEqual(h.total, n, "\(h.layer) \(h.quantity)") }
        }
        // Edges chosen at the first histogram step are kept for the run.
        let byKey = Dictionary(grouping: hists) { "\($0.layer)/\($0.quantity)" }
        for (_, hs) in byKey { XCTAssertEqual(Set(hs.map(\.edges)).count, 1) }
        // Fixed edges, NaN and out-of-range values are counted, never dropped.
        let b = TensorStatistics.binned([0.0, 0.5, 1.0, 1.5, -0.1, .nan, .infinity], edges: [0, 0.5, 1])
        XCTAssertEqual(b.counts, [1, 2])
        XCTAssertEqual([b.underflow, b.overflow, b.nan], [1, 2, 1])
    }

    /// Equal-width bins (counted by a C kernel for Float and Double) against the definition:
    /// bin k holds e_k <= v < e_k+1, the last bin also its upper edge.
    func testUniformBinsMatchTheirDefinition() {
        var rng = SeededGenerator(seed: 3, stream: "bins")
        let edges = (0...30).map { -1.5 + 3.0 * Double($0) / 30 }
        let values: [Double] = (0..<5000).map { _ in rng.nextNormal() } + edges + [.nan, -.infinity, .infinity, 1.5, -1.5]
        func expected<S: Real>(_ xs: [S]) -> ([Int], Int, Int, Int) {
            var counts = [Int](repeating: 0, count: 30), under = 0, over = 0, nan = 0
            for x in xs.map(Double.init) {
                if x.isNaN { nan += 1 } else if x < edges[0] { under += 1 } else if x > edges[30] { over += 1 }
                else { counts[(0..<30).last { edges[$0] <= x }!] += 1 }
            }
            return (counts, under, over, nan)
        }
        let floats = values.map(Float.init)
        let f = TensorStatistics.binned(floats, edges: edges), d = TensorStatistics.binned(values, edges: edges)
        let ef = expected(floats), ed = expected(values)
        XCTAssertEqual(f.counts, ef.0); XCTAssertEqual([f.underflow, f.overflow, f.nan], [ef.1, ef.2, ef.3])
        XCTAssertEqual(d.counts, ed.0); XCTAssertEqual([d.underflow, d.overflow, d.nan], [ed.1, ed.2, ed.3])
        XCTAssertEqual(d.counts.reduce(0, +) + d.underflow + d.overflow + d.nan, values.count)
    }

    /// The book's experiment (W1): X 1000 x 100 N(0,1), 5 bias-free layers, sigmoid, std 1 and
    /// Xavier; the per-layer mean and std must fall within 4 seed-to-seed standard deviations
    /// of numpy's 50-seed means (Swift cannot draw numpy's numbers).
    func testInitHistogramStatisticsMatchPeerOracle() throws {
        let spread = try XCTUnwrap(Fixtures.json("oracle_spread.json") as? [String: Any])
        let w1 = try XCTUnwrap(spread["w1"] as? [String: [String: [Double]]])
        var rng = SeededGenerator(seed: 0)
        let x = Matrix<Double>.normal(rows: 1000, cols: 100, using: &rng)
        let z = (0..<5).map { _ in Matrix<Double>.normal(rows: 100, cols: 100, using: &rng) }
        for (act, activation) in [("sigmoid", Activation.sigmoid), ("tanh", .tanh), ("relu", .relu)] {
            for (key, scale) in [("std=1", 1.0), ("std=0.01", 0.01), ("xavier", 0.1), ("he", 2.0.squareRoot() / 10)] {
                let o = try XCTUnwrap(w1["\(act)/\(key)"])
                var a = x
                for k in 0..<5 {
                    a = activation.forward(Matrix.product(a, z[k].scaled(by: scale)))
                    let s = TensorSummary(a)
                    for (stat, value) in [("mean", s.mean), ("std", s.std)] {
                        let mu = o["\(stat)_mean"]![k], sd = o["\(stat)_std"]![k]
                        XCTAssertEqual(value, mu, accuracy: 4 * sd + 1e-9 * abs(mu), "\(act)/\(key) layer \(k + 1) \(stat)")
                    }
                }
            }
        }
    }
}

import Foundation
import NNEvents
import NNPlot
import NNReport
import NNTestSupport
import XCTest

/// The generic section of a long run (200k events written to a file and read back): its figure
/// of gradient norms is decimated yet draws every spike and every pixel column's extremes, it
/// renders, and its facts and diagnoses equal those computed by plain loops over every event.
final class LongRunSectionTests: XCTestCase {
    static let steps = 40_000

    /// 5 events a step: batch loss, gradient norms of 3 layers (with spikes), activations of one;
    /// the lines, and the losses and gradient norms written (the oracle's input).
    static func lines() -> (lines: [String], losses: [Double], grads: [String: [Double]]) {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var out: [String] = [], losses: [Double] = [], grads: [String: [Double]] = [:]
        for s in 0..<steps {
            let loss = s % 9973 == 5000 ? 9.5 : 2 * exp(-Double(s) / 9000) + 0.1 * next()
            out.append(EventCodec.encode(.scalar(ScalarEvent(run: "long", name: "train/batch_loss", step: s, value: loss))))
            losses.append(loss)
            for (k, layer) in ["a", "b", "c"].enumerated() {
                let l2 = s % 7919 == 1234 ? 40 : (0.5 + next()) / Double(k + 1)
                grads[layer, default: []].append(l2)
                out.append(EventCodec.encode(.layerStats(LayerStats(run: "long", step: s, layer: layer, index: k, quantity: .weightGradient, count: 9,
                                                                    mean: 0, std: l2 / 3, min: -l2, max: l2, l2: l2))))
            }
            out.append(EventCodec.encode(.layerStats(LayerStats(run: "long", step: s, layer: "b", index: 1, quantity: .activation, count: 9,
                                                                mean: 0.5, std: 0.2 + 0.1 * next(), min: 0, max: 1, l2: 1))))
        }
        return (out, losses, grads)
    }

    func testTheLongRunSectionKeepsSpikesAndExactFacts() throws {
        let (lines, losses, grads) = Self.lines()
        XCTAssertEqual(lines.count, 200_000)
        let path = TemporaryDirectory.make("long.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let (store, warnings) = try EventStore.read(paths: [path])
        XCTAssertEqual(warnings, [])
        let section = GenericSection.make(study: "long", runs: store.runs)

        // Oracles: plain loops over the values written (every double is written in its shortest
        // form, which reads back exactly; Foundation's JSONSerialization on Linux does not always).
        let k = Int(Double(losses.count) * 0.05)
        let tail = losses.suffix(k).reduce(0, +) / Double(k)
        let loss = try XCTUnwrap(section.facts.first { $0.value != nil })
        XCTAssertEqual(try XCTUnwrap(loss.value), tail, accuracy: 1e-12 * abs(tail), loss.label)
        let meanA = grads["a", default: []].reduce(0, +) / Double(Self.steps)
        let meanB = grads["b", default: []].reduce(0, +) / Double(Self.steps)
        let vanishing = try XCTUnwrap(section.diagnoses.first?.results.first { $0.id == "vanishing" })
        XCTAssertEqual(try XCTUnwrap(vanishing.value), meanA / meanB, accuracy: 1e-12)
        let exploding = try XCTUnwrap(section.diagnoses.first?.results.first { $0.id == "exploding" })
        XCTAssertEqual(exploding.value, 40)

        // The gradient figure: every spike drawn, every pixel column's largest value within one bucket.
        let figure = try XCTUnwrap(section.figures.first { $0.name.hasSuffix("_norms") })
        let png = try figure.figure.render(.png(dpi: 100))
        XCTAssertGreaterThan(png.count, 1000)
        let gradientTitle = ReportText.text("generic.norms.weight_grad")
        let gradients = try XCTUnwrap(figure.figure.axes.first { ($0.title ?? "").hasSuffix(gradientTitle) })
        let lineA = try XCTUnwrap(gradients.marks.compactMap { m -> LineMark? in if case .line(let l) = m { l } else { nil } }.first)
        XCTAssertLessThan(lineA.x.count, Self.steps / 2, "decimated")
        let drawn = Dictionary(uniqueKeysWithValues: zip(lineA.x.map { Int($0) }, lineA.y))
        for s in stride(from: 1234, to: Self.steps, by: 7919) { XCTAssertEqual(drawn[s], 40, "spike at step \(s)") }
        let slack = Self.steps / 1024 + 1, perColumn = Double(Self.steps) / 900
        let a = grads["a", default: []]
        for c in 0..<900 {
            let lo = Int((Double(c) * perColumn).rounded(.up)), hi = min(Self.steps - 1, Int((Double(c + 1) * perColumn).rounded(.up)) - 1)
            guard lo <= hi, let top = a[lo...hi].max() else { continue }
            let near = drawn.filter { $0.key >= lo - slack && $0.key <= hi + slack }.values
            XCTAssertGreaterThanOrEqual(near.max() ?? 0, top, "column \(c)")
        }
    }

    /// The loss figure of the same run: drawn and listed by the min-max selection of 4096 step
    /// ranges (every spike, each pixel column's extremes), its smoothed curve TensorBoard's
    /// debiased average over every value (computed here by a plain loop), its caption saying so.
    func testTheLongLossCurveKeepsSpikesAndSmoothsOverEveryValue() throws {
        let (lines, losses, _) = Self.lines()
        let path = TemporaryDirectory.make("long-loss.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let (store, _) = try EventStore.read(paths: [path])
        let section = GenericSection.make(study: "long", runs: store.runs)
        let figure = try XCTUnwrap(section.figures.first { $0.name.hasSuffix("_loss") })
        XCTAssertTrue(figure.caption.contains(ReportText.text("curves.decimated", ["points": "4096", "buckets": "4096"])))
        let lineMarks = figure.figure.axes[0].marks.compactMap { m -> LineMark? in if case .line(let l) = m { l } else { nil } }
        let (raw, smoothed) = (try XCTUnwrap(lineMarks.first), try XCTUnwrap(lineMarks.last))
        XCTAssertLessThan(raw.x.count, Self.steps / 2, "decimated")
        XCTAssertLessThanOrEqual(raw.x.count, 4 * 2 * 4096 + 2)
        var ema = 0.0, n = 0.0, expected: [Int: Double] = [:]
        for (s, v) in losses.enumerated() {
            ema = 0.9 * ema + 0.1 * v
            n += 1
            expected[s] = ema / (1 - pow(0.9, n))
        }
        for (x, y) in zip(smoothed.x, smoothed.y) { XCTAssertEqual(y, try XCTUnwrap(expected[Int(x)]), accuracy: 1e-12 * abs(y)) }
        let drawn = Dictionary(uniqueKeysWithValues: zip(raw.x.map { Int($0) }, raw.y))
        for (s, v) in losses.enumerated() where v == 9.5 { XCTAssertEqual(drawn[s], 9.5, "spike at step \(s)") }
        for (s, y) in drawn { XCTAssertEqual(y, losses[s], "a drawn point is a recorded one") }
        let slack = Self.steps / 4096 + 1, perColumn = Double(Self.steps) / 1100
        for c in 0..<1100 {
            let lo = Int((Double(c) * perColumn).rounded(.up)), hi = min(Self.steps - 1, Int((Double(c + 1) * perColumn).rounded(.up)) - 1)
            guard lo <= hi else { continue }
            let near = drawn.filter { $0.key >= lo - slack && $0.key <= hi + slack }.values
            XCTAssertGreaterThanOrEqual(near.max() ?? -1, losses[lo...hi].max() ?? 0, "column \(c)")
            XCTAssertLessThanOrEqual(near.min() ?? .infinity, losses[lo...hi].min() ?? 0, "column \(c)")
        }
        let csvRows = figure.csv.split(separator: "\n").count - 1
        XCTAssertEqual(csvRows, raw.x.count, "the CSV lists the points drawn")
    }
}

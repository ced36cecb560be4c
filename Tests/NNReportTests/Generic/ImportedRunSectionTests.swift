import Foundation
import NNEvents
import NNPlot
import NNReport
import NNTensorBoard
import NNTestSupport
import XCTest

/// The generic section of runs imported from TensorBoard (`Tests/Fixtures/tensorboard`, written by tensorboardX and
/// TensorBoard's summary protos with `scripts/check-tensorboard-import.py --fixture`): every scalar tag is drawn, each
/// panel's points are the events' values, histograms whose edges change at every step are re-binned without losing
/// a count, and Keras's per-epoch curves say "epoch".
final class ImportedRunSectionTests: XCTestCase {
    func section() throws -> Section {
        let imported = try TensorBoardImport.read([Fixtures.url("tensorboard").path])
        return GenericSection.make(study: "tensorboard", runs: EventStore(imported.events).runs)
    }

    static func lines(_ a: Axes) -> [LineMark] { a.marks.compactMap { if case .line(let l) = $0 { l } else { nil } } }

    func testEveryScalarTagHasAPanelWithTheEventsValues() throws {
        let s = try section()
        let f = try XCTUnwrap(s.figures.first { $0.name == "tensorboard_scalars" })
        // The tensorboardX runs' `loss`, `accuracy` and `v2/lr`; Keras's learning rate and evaluation loss (train/loss,
        // val/loss and the accuracies are in the training/validation figure, not repeated here).
        XCTAssertEqual(f.figure.axes.map(\.title), ["accuracy", "val/evaluation_loss_vs_iterations", "train/learning_rate", "loss", "v2/lr"])
        let accuracy = f.figure.axes[0]
        // The writer's values (float32 of 0.1 + 0.8 step / 20), as recorded (20 points: too short to smooth), for both runs in
        // the runs' order (adam, sgd), with markers.
        let want: [Double] = (0..<20).map { (step: Int) -> Double in Double(Float(0.1 + 0.8 * Double(step) / 20)) }
        let lines = Self.lines(accuracy)
        XCTAssertEqual(lines.map(\.y), [want, want])
        XCTAssertEqual(lines[0].x, (0..<20).map(Double.init))
        XCTAssertEqual(lines.compactMap(\.label), ["adam", "sgd"])
        XCTAssertNotNil(lines[0].marker)
        // lr halved every 10 steps.
        let lr = try XCTUnwrap(Self.lines(f.figure.axes[4]).first)
        let halved: [Double] = [0.001, 0.0005].map { (v: Double) -> Double in Double(Float(v)) }
        XCTAssertEqual(lr.y, halved)
        XCTAssertEqual(lr.x, [0, 10])
        XCTAssertNotNil(lr.marker)
        // Keras's epoch learning rate (a double tensor) counts epochs; the evaluation loss vs iterations counts steps.
        XCTAssertEqual(f.figure.axes[2].xLabel, "epoch")
        let rates: [Double] = (0..<2).map { (e: Int) -> Double in 0.01 / Double(e + 1) }
        XCTAssertEqual(Self.lines(f.figure.axes[2]).first?.y, rates)
        XCTAssertEqual(f.figure.axes[1].xLabel, "step")
        XCTAssertEqual(Self.lines(f.figure.axes[1]).first?.x, [0, 100])
        // The CSV has every point: 2 × 20 accuracy and loss values, 2 lr, 2 learning rates, 2 evaluation losses.
        XCTAssertEqual(f.csv.split(separator: "\n").count, 1 + 80 + 6)
    }

    func testKerasEpochCurvesSayEpoch() throws {
        let s = try section()
        let curves = try XCTUnwrap(s.figures.first { $0.name == "tensorboard_train_validation" })
        XCTAssertEqual(curves.figure.axes.map(\.xLabel), ["epoch", "epoch"])
        let loss = Self.lines(curves.figure.axes[0])
        // epoch_loss = 1.5 / (epoch + 1), + 0.1 for validation, as float32.
        let train: [Double] = (0..<2).map { (e: Int) -> Double in Double(Float(1.5 / Double(e + 1))) }
        let validation: [Double] = (0..<2).map { (e: Int) -> Double in Double(Float(1.5 / Double(e + 1) + 0.1)) }
        XCTAssertEqual(loss.map(\.y), [train, validation])
        let ko = try Language.$current.withValue(.korean) { try section() }
        XCTAssertEqual(ko.figures.first { $0.name == "tensorboard_train_validation" }?.figure.axes.first?.xLabel, "에포크")
    }

    func testHistogramsWithNewEdgesAtEveryStepAreRebinnedWithoutLosingCounts() throws {
        let s = try section()
        let names = s.figures.map(\.name).filter { $0.contains("_histograms_") }
        XCTAssertEqual(names, ["tensorboard_histograms_activation_adam", "tensorboard_histograms_weight_adam", "tensorboard_histograms_weight_grad_adam",
                               "tensorboard_histograms_weight_keras_mlp", "tensorboard_histograms_activation_sgd", "tensorboard_histograms_weight_sgd",
                               "tensorboard_histograms_weight_grad_sgd"])
        let weights = try XCTUnwrap(s.figures.first { $0.name == "tensorboard_histograms_weight_sgd" })
        XCTAssertEqual(weights.figure.axes.map(\.title), ["fc1/weight: histograms", "fc1/weight: percentiles"])
        guard case .ridgeline(let ridge) = weights.figure.axes[0].marks.first else { return XCTFail("no ridgeline") }
        XCTAssertEqual(ridge.rowLabels, ["0", "10"])
        XCTAssertGreaterThan(ridge.edges.count, 10)
        // Every value of each histogram lands in a common bin: each row holds the summary's exact count.
        let stats = try XCTUnwrap(EventStore(TensorBoardImport.read([Fixtures.url("tensorboard").path]).events)["sgd"]?.stats["fc1/weight"]?[.weight])
        XCTAssertEqual(stats.count, 2)
        for (row, st) in zip(ridge.rows, stats) { XCTAssertEqual(row.reduce(0, +), Double(st.count), accuracy: 1e-9) }
        let rows = weights.csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows.count, 2)
        for (r, st) in zip(rows, stats) {
            let p = r[3..<12].compactMap(Double.init)
            // The outer percentiles are the edges of the buckets holding the minimum and maximum: TensorFlow's buckets
            // grow by 10 % of the value each, so they lie within 10 % of the exact values, outside them.
            let lo = try XCTUnwrap(p.first), hi = try XCTUnwrap(p.last)
            XCTAssertTrue(lo <= st.min && st.min - lo <= 0.1 * abs(st.min), "\(lo) vs \(st.min)")
            XCTAssertTrue(hi >= st.max && hi - st.max <= 0.1 * abs(st.max), "\(hi) vs \(st.max)")
            XCTAssertEqual(p, p.sorted())
        }
    }

    func testTagsSharingAPrefixShareAPanelAndTheRestAreNamed() throws {
        let store = EventStore()
        let tags = ["Loss/train", "Loss/test", "Accuracy/test", "lr"] + (1...12).map { "extra\($0)" }
        for tag in tags {
            for step in 0..<(tag == "Loss/train" ? 120 : 3) { store.add(.scalar(ScalarEvent(run: "r", name: tag, step: step, value: Double(step) + 0.5))) }
        }
        store.add(.scalar(ScalarEvent(run: "r", name: "final/score", step: 9, value: 0.75)))
        let section = GenericSection.make(study: "pt", runs: store.runs)
        let f = try XCTUnwrap(section.figures.first { $0.name == "pt_scalars" })
        XCTAssertEqual(f.figure.axes.count, 12)
        XCTAssertEqual(Array(f.figure.axes.map(\.title).prefix(3)), ["Accuracy/test", "Loss", "extra1"])
        // Loss/train (120 values: faint, then smoothed as TensorBoard does, debiased) and Loss/test (3 values, as recorded).
        let loss = Self.lines(f.figure.axes[1])
        XCTAssertEqual(loss.map(\.label), [nil, "train", "test"])
        XCTAssertEqual(loss.map(\.dash), [.solid, .solid, .dashed])
        XCTAssertEqual(loss[1].y[0], 0.5)
        XCTAssertEqual(loss[1].y[1], (0.9 * 0.1 * 0.5 + 0.1 * 1.5) / (1 - 0.81), accuracy: 1e-12)
        XCTAssertEqual(loss[0].y, (0..<120).map { Double($0) + 0.5 })
        XCTAssertTrue(f.caption.contains("extra8, extra9, lr"), f.caption)
        XCTAssertTrue(f.caption.contains("final/score = 0.75"), f.caption)
    }

    func testPreactivationHistogramsAreDrawn() throws {
        let store = EventStore()
        for step in [0, 1] {
            store.add(.histogram(Histogram(run: "r", step: step, layer: "fc1/logits", index: 0, quantity: .preactivation,
                                           edges: [0, 1, 2], counts: [3, 1])))
        }
        let section = GenericSection.make(study: "pt", runs: store.runs)
        XCTAssertEqual(section.figures.map(\.name), ["pt_histograms_preactivation_r"])
    }
}

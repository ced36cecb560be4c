import NNEngine
import XCTest

/// Batches drawn with replacement grouped in epochs (the book's `iter_per_epoch`), and the
/// generated regression set.
final class RandomEpochsTests: XCTestCase {
    func data() throws -> (Matrix<Double>, Target<Double>) {
        let x = try Matrix<Double>(rows: 40, cols: 2, (0..<80).map { Double($0 % 7) / 7 })
        return (x, .classes((0..<40).map { $0 % 2 }))
    }

    func model() throws -> Sequential<Double> {
        let m = try Sequential<Double>(inputFeatures: 2, seed: 3) { Dense(4, activation: .relu); Dense(2) }
        m.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.1), metrics: [.accuracy])
        return m
    }

    func testEpochsDrawTheSameBatchesAndEndEpochs() throws {
        let (x, y) = try data()
        let plain = try TrainingLoop<Double>().run(try model(), on: try RandomBatches(x, y, batchSize: 8, steps: 20, seed: 5))
        let journal = Journal()
        let loop = TrainingLoop<Double>(callbacks: [JournalCallback(journal)], validation: (x, y), evaluation: .epochEnd)
        let grouped = try loop.run(try model(), on: try RandomBatches(x, y, batchSize: 8, steps: 20, seed: 5, stepsPerEpoch: 5))
        XCTAssertEqual(grouped.stepLosses, plain.stepLosses, "grouping the draws in epochs changes no draw")
        XCTAssertEqual(grouped.epochs.count, 4)
        XCTAssertEqual(grouped.outcome, .completed(epochs: 4))
        XCTAssertEqual(journal.lines.filter { $0.hasPrefix("callback epoch") }.count, 4)
        XCTAssertNotNil(grouped.epochs.last?["val_loss"])
        XCTAssertEqual(RandomBatches<Double>.stepsPerEpoch(samples: 300, batchSize: 100), 3)
        XCTAssertEqual(RandomBatches<Double>.stepsPerEpoch(samples: 1400, batchSize: 32), 44)
        XCTAssertThrowsError(try RandomBatches(x, y, batchSize: 8, steps: 20, seed: 5, stepsPerEpoch: 0))
    }

    func testEarlyStoppingStopsBatchesDrawnInEpochs() throws {
        let (x, y) = try data()
        let stop = EarlyStopping<Double>(monitor: "val_loss", patience: 0, mode: .max)   // a falling loss never "improves" in max mode
        let loop = TrainingLoop<Double>(callbacks: [stop], validation: (x, y), evaluation: .epochEnd)
        let h = try loop.run(try model(), on: try RandomBatches(x, y, batchSize: 8, steps: 50, seed: 5, stepsPerEpoch: 5))
        if case .stoppedEarly(let epoch, _) = h.outcome { XCTAssertLessThan(epoch, 9) } else { XCTFail("\(h.outcome)") }
    }

    func testFriedmanSetIsSeededAndSplitsApart() throws {
        let a = try RegressionSet.friedman1(samples: 200, seed: 9), b = try RegressionSet.friedman1(samples: 200, seed: 9)
        XCTAssertEqual(a.x, b.x)
        XCTAssertEqual(a.y, b.y)
        XCTAssertEqual(a.x.cols, 10)
        XCTAssertTrue(a.x.storage.allSatisfy { (0...1).contains($0) })
        // Without noise the target is Friedman's function of the first five features.
        let clean = try RegressionSet.friedman1(samples: 5, features: 5, noise: 0, seed: 1)
        for i in 0..<5 {
            let r = (0..<5).map { Double(clean.x[i, $0]) }
            let f = 10 * sin(Double.pi * r[0] * r[1]) + 20 * (r[2] - 0.5) * (r[2] - 0.5) + 10 * r[3] + 5 * r[4]
            XCTAssertEqual(Double(clean.y[i, 0]), f, accuracy: 1e-4)
        }
        let (train, validation, test) = try a.split(validation: 0.1, test: 0.2, seed: 9)
        XCTAssertEqual([train.count, validation.count, test.count], [140, 20, 40])
        let rows = { (s: RegressionSet) in Set((0..<s.count).map { s.x.row($0).map(Double.init) }) }
        XCTAssertTrue(rows(train).isDisjoint(with: rows(test)) && rows(validation).isDisjoint(with: rows(test)), "no sample in two parts")
        XCTAssertThrowsError(try RegressionSet.friedman1(features: 4, seed: 1))
    }
}

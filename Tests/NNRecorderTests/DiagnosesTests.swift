import NNEngine
import NNEvents
import NNRecorder
import XCTest

/// Each rule fires on a small real network built to show the problem, and stays quiet on a
/// healthy one (a ReLU net with He initialisation).
final class DiagnosesTests: XCTestCase {
    static let data = Dataset<Double>.learnableUniform(count: 512, features: 32, classes: 4, seed: 5)

    func run(_ name: String, hidden: Int = 6, width: Int = 32, activation: Activation = .relu, initializer: Initializer = .bookHe,
             optimizer: any Optimizer<Double> = SGD(learningRate: 0.05), epochs: Int = 4, batch: Int = 64,
             data: Dataset<Double> = DiagnosesTests.data, validation: Validation<Double> = .none) throws -> EventStore.Run {
        let model = try Sequential<Double>(inputFeatures: data.x.cols, seed: 9) {
            for _ in 0..<hidden { Dense(width, activation: activation, initializer: initializer) }
            Dense(data.classes, initializer: initializer)
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: optimizer)
        let sink = MemorySink()
        let rec = EventRecorder<Double>(run: name, plan: RecordingPlan(statsEvery: 1, histogramsEvery: 0), sinks: [sink])
        rec.start(model: model, study: "diagnoses", dataset: "learnable", splits: ["train": data.count], batchSize: batch)
        _ = try model.fit(data.x, data.target, epochs: epochs, batchSize: batch, validation: validation, observers: [rec])
        return try XCTUnwrap(EventStore(sink.events)[name])
    }

    lazy var healthy: EventStore.Run = try! run("relu-he")

    func check(_ d: Diagnosis, _ status: Diagnosis.Status, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(d.status, status, "\(d.name): \(d.measured) at \(d.location); rule \(d.rule)", file: file, line: line)
    }

    /// 10 hidden sigmoid layers of 64 (the vanishing-gradient study's net). With std 1 the
    /// outputs pile up at 0 and 1 (saturation fires); the gradients shrink with depth, but the
    /// large weights offset σ′ (measured ratio about 0.1), so the vanishing rule is checked on
    /// the book's Xavier init, where σ′ ≤ 0.25 compounds over the layers.
    func testDeepSigmoidSaturatesWithStd1AndVanishesWithXavier() throws {
        let std1 = try run("sigmoid-std1", hidden: 10, width: 64, activation: .sigmoid, initializer: .normal(std: 1))
        check(Diagnoses.saturation(std1), .fired)
        XCTAssertLessThan(try XCTUnwrap(Diagnoses.vanishing(std1).value), 0.5, "gradients do shrink towards the input")
        let xavier = try run("sigmoid-xavier", hidden: 10, width: 64, activation: .sigmoid, initializer: .bookXavier)
        check(Diagnoses.vanishing(xavier), .fired)
        check(Diagnoses.saturation(xavier), .clear)
        check(Diagnoses.saturation(healthy), .notMeasured)
        check(Diagnoses.vanishing(healthy), .clear)
    }

    func testExploding() throws {
        check(Diagnoses.exploding(try run("relu-std1", initializer: .normal(std: 1), optimizer: SGD(learningRate: 0))), .fired)
        check(Diagnoses.exploding(healthy), .clear)
    }

    func testDeadReLUs() throws {
        check(Diagnoses.deadReLUs(try run("relu-negative", hidden: 2, initializer: .constant(-0.1))), .fired)
        check(Diagnoses.deadReLUs(healthy), .clear)
    }

    func testCollapsedActivations() throws {
        check(Diagnoses.collapsed(try run("relu-std0.01", initializer: .normal(std: 0.01))), .fired)
        check(Diagnoses.collapsed(healthy), .clear)
    }

    func testUpdateRatio() throws {
        check(Diagnoses.updateRatio(try run("tiny-lr", optimizer: SGD(learningRate: 1e-7))), .fired)
        check(Diagnoses.updateRatio(try run("adam", optimizer: Adam(learningRate: 1e-3))), .clear)
    }

    func testLossNotDecreasing() throws {
        check(Diagnoses.stalled(try run("lr0", optimizer: SGD(learningRate: 0))), .fired)
        check(Diagnoses.stalled(try run("adam-fast", optimizer: Adam(learningRate: 0.003), epochs: 8)), .clear)
    }

    func testOverfitting() throws {
        let spiral = try SyntheticSet.spiral.generate(count: 400, noise: 0.6, seed: 2, as: Double.self).shuffled(seed: 1)
        let small = spiral.subset(0..<24), val = spiral.subset(200..<400)
        let over = try run("overfit", hidden: 2, width: 64, optimizer: Adam(learningRate: 0.02), epochs: 200, batch: 24,
                           data: small, validation: .data(val.x, val.target))
        check(Diagnoses.overfitting(over), .fired)
        let fine = try run("fit", hidden: 2, width: 16, optimizer: Adam(learningRate: 0.01), epochs: 6, batch: 32,
                           data: spiral.subset(0..<200), validation: .data(val.x, val.target))
        check(Diagnoses.overfitting(fine), .clear)
        check(Diagnoses.overfitting(healthy), .notMeasured)
    }

    func testDivergence() throws {
        check(Diagnoses.divergence(try run("huge-lr", initializer: .normal(std: 1), optimizer: SGD(learningRate: 1e4))), .fired)
        check(Diagnoses.divergence(healthy), .clear)
    }
}

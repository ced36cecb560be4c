import Foundation
import NNEngine
import XCTest

final class TrainingTests: XCTestCase {
    let gateInputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]

    func testPerceptronLearnsLinearGatesNotXOR() {
        for gate in [LogicGate.and, .nand, .or] {
            var p = Perceptron(inputs: 2)
            let r = p.train(inputs: gateInputs, targets: gate.outputs, learningRate: 0.1, epochs: 100)
            XCTAssertTrue(r.converged, "\(gate)")
            XCTAssertEqual(gateInputs.map(p.predict), gate.outputs)
        }
        var p = Perceptron(inputs: 2)
        let r = p.train(inputs: gateInputs, targets: LogicGate.xor.outputs, learningRate: 0.1, epochs: 1000)
        XCTAssertFalse(r.converged)
        XCTAssertLessThan(p.accuracy(inputs: gateInputs, targets: LogicGate.xor.outputs), 1)
    }

    func testTwoLayerNetSolvesXOR() throws {
        let model = try Sequential<Double>(inputFeatures: 2, seed: 1) {
            Dense(4, activation: .tanh, initializer: .glorotUniform)
            Dense(1, activation: .sigmoid)
        }
        model.compile(loss: BinaryCrossEntropy(), optimizer: Adam(learningRate: 0.05), metrics: [.accuracy])
        let x: Matrix<Double> = LogicGate.inputs()
        let y = Target<Double>.values(try Matrix(rows: 4, cols: 1, LogicGate.xor.outputs.map(Double.init)))
        let h = try model.fit(x, y, epochs: 500, batchSize: nil)
        XCTAssertEqual(h.outcome, .completed(epochs: 500))
        XCTAssertEqual(try model.predictClasses(x), LogicGate.xor.outputs)
    }

    func testEarlyStoppingKeras3ConstantLoss() throws {
        // Constant loss, patience 3, 10 epochs: Keras 3 stops after 4 epochs.
        let model = try Sequential<Double>(inputFeatures: 1, seed: 1) { Dense(1, initializer: .zeros, useBias: false) }
        model.compile(loss: MeanSquaredError(), optimizer: SGD(learningRate: 0))
        let stop = EarlyStopping<Double>(monitor: "loss", patience: 3)
        let h = try model.fit(try Matrix(rows: 4, cols: 1, [1, 2, 3, 4]), .values(try Matrix(rows: 4, cols: 1, [1, 1, 1, 1])),
                              epochs: 10, batchSize: 4, callbacks: [stop])
        XCTAssertEqual(h.epochs.count, 4)
        XCTAssertEqual(stop.stoppedEpoch, 3)
        guard case .stoppedEarly(epoch: 3, _) = h.outcome else { return XCTFail("\(h.outcome)") }
    }

    func testEarlyStoppingRestoresBestWeightsAndBaseline() throws {
        // lr too large: the loss rises after the first epoch; restoreBestWeights brings back epoch 0's.
        let model = try Sequential<Double>(inputFeatures: 1, seed: 1) { Dense(1, initializer: .constant(0.5), useBias: false) }
        model.compile(loss: MeanSquaredError(), optimizer: SGD(learningRate: 1.2))
        let x = try Matrix<Double>(rows: 2, cols: 1, [1, 1]), y = Target<Double>.values(try Matrix(rows: 2, cols: 1, [1, 1]))
        let stop = EarlyStopping<Double>(monitor: "loss", patience: 2, restoreBestWeights: true)
        let h = try model.fit(x, y, epochs: 20, batchSize: 2, shuffle: false, callbacks: [stop])
        XCTAssertEqual(stop.bestEpoch, 0)
        XCTAssertEqual(h.epochs.count, 3)
        // After epoch 0 the weight was 0.5 + 2·1.2·0.5 = 1.7 (the best-epoch weights are those after it).
        XCTAssertEqual(model.weights[0].storage[0], 1.7, accuracy: 1e-12)
        // Constant loss, patience 2: without a baseline epoch 0 resets the wait and training
        // stops after epoch 2; with a baseline that epoch 0 does not beat, it stops after epoch 1.
        for (baseline, expected) in [(nil, 3), (1e-9, 2)] as [(Double?, Int)] {
            let m = try Sequential<Double>(inputFeatures: 1, seed: 1) { Dense(1, initializer: .zeros, useBias: false) }
            m.compile(loss: MeanSquaredError(), optimizer: SGD(learningRate: 0))
            let s = EarlyStopping<Double>(monitor: "loss", patience: 2, baseline: baseline)
            XCTAssertEqual(try m.fit(x, y, epochs: 20, batchSize: 2, callbacks: [s]).epochs.count, expected)
        }
    }

    func testCheckpointSaveLoadRoundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-ckpt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("best.json").path
        let data = try SyntheticSet.moons.generate(count: 200, noise: 0.2, seed: 1, as: Double.self)
        let model = try Sequential<Double>(inputFeatures: 2, seed: 5) {
            Dense(8, activation: .relu, initializer: .bookHe); BatchNorm(); Dropout(rate: 0.1); Dense(2)
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: Adam(learningRate: 0.01), metrics: [.accuracy])
        let ckpt = ModelCheckpoint<Double>(path: path, monitor: "val_loss", saveBestOnly: true)
        _ = try model.fit(data.x, data.target, epochs: 5, batchSize: 20, validation: .split(0.2), callbacks: [ckpt])
        XCTAssertFalse(ckpt.savedEpochs.isEmpty)
        try model.save(to: path)
        let loaded = try Sequential<Double>.load(from: path)
        XCTAssertEqual(try loaded.predict(data.x), try model.predict(data.x))
        XCTAssertEqual(loaded.summary, model.summary)
    }

    func testModelFileErrorsNameTheProblem() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).json").path
        try #"{"format": "nnviz-model", "version": 9, "input_features": 2, "seed": 0, "layers": []}"#.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Sequential<Float>.load(from: path)) { e in
            XCTAssertTrue("\(e)".contains("version 9"), "\(e)")
        }
        XCTAssertThrowsError(try Sequential<Float>.load(from: "/nonexistent/model.json")) { e in
            XCTAssertTrue("\(e)".contains("/nonexistent/model.json"), "\(e)")
        }
    }

    func testShapeMismatchNamesLayerAndShapes() throws {
        let model = try Sequential<Float>(inputFeatures: 4) { Dense(3, name: "hidden"); Dense(2) }
        let hidden = model.layers[0]
        XCTAssertThrowsError(try hidden.forward(Matrix(rows: 2, cols: 5), training: false)) { e in
            XCTAssertEqual("\(e)", "shape mismatch in layer hidden (dense 4->3) input: expected (batch, 4), got (2, 5)")
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD())
        XCTAssertThrowsError(try model.fit(Matrix(rows: 3, cols: 4), .classes([0, 1]), epochs: 1)) { e in
            XCTAssertTrue("\(e)".contains("3 samples"), "\(e)")
        }
        XCTAssertThrowsError(try model.trainStep(Matrix(rows: 2, cols: 4), .classes([0, 7]))) { e in
            XCTAssertTrue("\(e)".contains("0..<2"), "\(e)")
        }
    }

    func testDivergenceIsReportedNotTrapped() throws {
        let model = try Sequential<Float>(inputFeatures: 2, seed: 1) { Dense(1, initializer: .constant(1)) }
        model.compile(loss: MeanSquaredError(), optimizer: SGD(learningRate: 10))
        let x = try Matrix<Float>(rows: 2, cols: 2, [100, 200, 300, 400])
        let h = try model.fit(x, .values(try Matrix(rows: 2, cols: 1, [1, 2])), epochs: 50, batchSize: 2)
        guard case .diverged(let step, let quantity) = h.outcome else { return XCTFail("\(h.outcome)") }
        // Either the loss went non-finite first (at `step`), or a parameter did after the
        // update of `step`, while that step's loss was still finite.
        if quantity == "loss" {
            XCTAssertFalse(h.stepLosses[step].isFinite)
        } else {
            XCTAssertTrue(quantity.hasPrefix("parameter dense_1/"), quantity)
            XCTAssertTrue(h.stepLosses[step].isFinite)
        }
        XCTAssertTrue(h.stepLosses[..<step].allSatisfy(\.isFinite))
        XCTAssertEqual(h.stepLosses.count, step + 1)
    }

    func testSameSeedSameTraining() throws {
        func run() throws -> [Double] {
            let data = try SyntheticSet.spiral.generate(count: 100, noise: 0.1, seed: 3, as: Float.self)
            let model = try Sequential<Float>(inputFeatures: 2, seed: 11) {
                Dense(8, activation: .relu, initializer: .bookHe); Dropout(rate: 0.2); Dense(2)
            }
            model.compile(loss: SoftmaxCrossEntropy(), optimizer: Momentum(learningRate: 0.05))
            return try model.fit(data.x, data.target, epochs: 3, batchSize: 10).stepLosses
        }
        XCTAssertEqual(try run(), try run())
    }

    func testObserversSeeTensorsAndCostNothingWhenSilent() throws {
        final class Watch: TrainingObserver {
            var seen: [StepObservation<Double>] = []
            func needs(atStep step: Int) -> ObservationNeeds { step % 2 == 0 ? .all : [] }
            func observe(_ o: StepObservation<Double>) { seen.append(o) }
        }
        let w = Watch()
        let model = try Sequential<Double>(inputFeatures: 2, seed: 1) { Dense(3, activation: .relu); Dense(2) }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.1))
        let before = model.weights
        let x = try Matrix<Double>(rows: 4, cols: 2, [1, 2, 3, 4, 5, 6, 7, 8])
        _ = try model.fit(x, .classes([0, 1, 0, 1]), epochs: 1, batchSize: 4, observers: [w])
        _ = try model.fit(x, .classes([0, 1, 0, 1]), epochs: 1, batchSize: 4, observers: [w])
        XCTAssertEqual(w.seen.map(\.step), [0])
        let obs = try XCTUnwrap(w.seen.first)
        XCTAssertEqual(obs.layers.count, 2)
        XCTAssertEqual(obs.layers[0].activation, obs.layers[0].preActivation!.relu())
        let upd = try XCTUnwrap(obs.parameters[0].update)
        // SGD: update = -lr · gradient, and value = before + update.
        assertClose(upd.storage, obs.parameters[0].gradient.scaled(by: -0.1).storage, 1e-12)
        assertClose((before[0] + upd).storage, obs.parameters[0].value.storage, 1e-12)
    }

    /// The engine hands observers each layer's record and every parameter in layer order, with
    /// the value before the update; records are cached between steps, so a renamed layer must
    /// still be seen under its new name.
    func testObservationsFollowLayersAndRenames() throws {
        final class Watch: TrainingObserver {
            var seen: [StepObservation<Double>] = []
            func needs(atStep step: Int) -> ObservationNeeds { .all }
            func observe(_ o: StepObservation<Double>) { seen.append(o) }
        }
        let w = Watch()
        let model = try Sequential<Double>(inputFeatures: 2, seed: 3) { Dense(3, activation: .tanh); Dense(3, activation: .relu); Dense(2) }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.1))
        let x = try Matrix<Double>(rows: 4, cols: 2, [1, 2, 3, 4, 5, 6, 7, 8])
        let before = model.weights
        _ = try model.trainStep(x, .classes([0, 1, 0, 1]), observers: [w])
        model.layers[1].name = "hidden"
        _ = try model.trainStep(x, .classes([0, 1, 0, 1]), observers: [w])
        XCTAssertEqual(w.seen.count, 2)
        let first = w.seen[0], second = w.seen[1]
        XCTAssertEqual(first.layers.map(\.record.name), ["dense_1", "dense_2", "dense_3"])
        XCTAssertEqual(second.layers.map(\.record.name), ["dense_1", "hidden", "dense_3"])
        XCTAssertEqual(second.layers.map(\.record), model.layers.map(\.record))
        XCTAssertEqual(first.parameters.map(\.name), model.parameters.map(\.name))
        XCTAssertEqual(first.parameters.map(\.layerIndex), [0, 0, 1, 1, 2, 2])
        XCTAssertEqual(first.parameters.compactMap(\.previousValue), before)
        XCTAssertEqual(second.parameters.compactMap(\.previousValue), first.parameters.map(\.value))
    }
}

import Foundation
import NNEngine
import NNEvents

/// Workload W2 of `shared/bench/peers/README.md`: 784-100-100-100-100-10 ReLU, softmax
/// cross-entropy, SGD lr 0.01, batch 128, 2000 steps drawn with replacement, for the inits
/// std 0.01, Xavier and He; the loss of every 10th step is recorded.
enum W2 {
    static let hidden = [100, 100, 100, 100]
    static let inits: [(String, Initializer)] = [("std=0.01", .normal(std: 0.01)), ("xavier", .bookXavier), ("he", .bookHe)]

    /// One initialisation's training: seconds in the loop (batch gathering included, as the
    /// peers time it) and the loss of every 10th step.
    struct Run: Sendable {
        var name: String
        var seconds: Double
        var losses: [Double]
    }

    /// How the three runs share the machine.
    enum Mode: String, CaseIterable {
        case sequential1 = "sequential, 1 BLAS thread"
        case sequential2 = "sequential, 2 BLAS threads"
        case sideBySide = "side by side: 2 runs with 1 BLAS thread each, then the 3rd with 2"
        case allAtOnce = "all at once: 3 runs with 1 BLAS thread each on the 2 cores"
    }

    static func model(_ initializer: Initializer) throws -> Sequential<Float> {
        try Sequential<Float>(inputFeatures: 784, seed: 2) {
            for n in hidden { Dense(n, activation: .relu, initializer: initializer) }
            Dense(10, initializer: initializer)
        }
    }

    static func train(_ k: Int, data: Dataset<Float>, batches: [[Int]],
                      observers: [any TrainingObserver<Float>] = []) throws -> Run {
        let (name, initializer) = inits[k]
        let net = try model(initializer)
        net.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.01))
        var losses: [Double] = []
        let t0 = DispatchTime.now().uptimeNanoseconds
        for (s, idx) in batches.enumerated() {
            let r = try net.trainStep(data.x.gatherRows(idx), .classes(idx.map { data.labels[$0] }), observers: observers)
            if s % 10 == 0 { losses.append(r.loss) }
        }
        return Run(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9, losses: losses)
    }

    static func batches(steps: Int, count: Int) -> [[Int]] {
        var rng = SeededGenerator(seed: 1, stream: "w2-batches")
        return (0..<steps).map { _ in (0..<128).map { _ in rng.nextInt(below: count) } }
    }

    /// Runs the three trainings in `mode`; returns the runs and steps per second
    /// (3 x steps over the summed loop seconds when sequential, over the wall time when side by side).
    static func run(_ mode: Mode, steps: Int = 2000, data: Dataset<Float>) throws -> (runs: [Run], stepsPerSecond: Double) {
        let b = batches(steps: steps, count: data.count)
        switch mode {
        case .sequential1, .sequential2:
            BLASThreads.set(mode == .sequential1 ? 1 : 2)
            let runs = try (0..<inits.count).map { try train($0, data: data, batches: b) }
            return (runs, Double(steps * inits.count) / runs.map(\.seconds).reduce(0, +))
        case .sideBySide:
            // Two runs fill the two cores with one BLAS thread each; the third then has the
            // machine to itself and gets both threads.
            BLASThreads.set(1)
            let t0 = DispatchTime.now().uptimeNanoseconds
            var runs = try runSideBySide(2, width: 2) { k in try train(k, data: data, batches: b) }
            BLASThreads.set(2)
            runs.append(try train(2, data: data, batches: b))
            BLASThreads.set(1)
            let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            return (runs, Double(steps * inits.count) / wall)
        case .allAtOnce:
            BLASThreads.set(1)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let runs = try runSideBySide(inits.count, width: inits.count) { k in try train(k, data: data, batches: b) }
            let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            return (runs, Double(steps * inits.count) / wall)
        }
    }
}

/// Recording overhead on W2: the same trainings with and without an event recorder that
/// writes statistics every step and histograms every 10 steps to a JSON Lines file.
enum RecordingOverhead {
    static func run(steps: Int, data: Dataset<Float>, out: URL) throws {
        print("\n== Recording overhead on W2 (sequential, 1 BLAS thread), events to JSON Lines")
        BLASThreads.set(1)
        let batches = W2.batches(steps: steps, count: data.count)
        let plans: [(String, RecordingPlan)] = [
            ("full: statistics of all 5 quantities every step, histograms every 10 steps", RecordingPlan(statsEvery: 1, histogramsEvery: 10)),
            ("lean: activations and weight gradients every step, the rest and histograms every 10 steps", .lean(histogramsEvery: 10)),
            ("losses only", .scalarsOnly),
        ]
        var plain = 0.0
        for k in 0..<W2.inits.count { plain += try W2.train(k, data: data, batches: batches).seconds }
        let sps0 = Double(steps * W2.inits.count) / plain
        print(String(format: "without recording: %.1f steps/s", sps0))
        let only = ProcessInfo.processInfo.environment["NNVIZ_PLAN"]
        for (label, plan) in plans where only == nil || label.hasPrefix(only!) {
            var recorded = 0.0, bytes = 0
            for k in 0..<W2.inits.count {
                let path = out.appendingPathComponent("w2-\(k).jsonl").path
                let rec = EventRecorder<Float>(run: W2.inits[k].0, plan: plan, sinks: [try JSONLinesSink(path: path)])
                recorded += try W2.train(k, data: data, batches: batches, observers: [rec]).seconds
                rec.finish(.completed(epochs: 1))
                if let e = rec.error { throw e }
                bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            }
            let sps1 = Double(steps * W2.inits.count) / recorded
            print(String(format: "%@: %.1f steps/s, overhead %.1f %% (%.1f MB of events)", label, sps1, (sps0 / sps1 - 1) * 100, Double(bytes) / 1e6))
        }
    }
}

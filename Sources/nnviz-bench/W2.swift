import Foundation
import NNEngine
import NNEvents
import NNRecorder

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
        /// FNV-1a over the bit patterns of `losses`: equal digests mean the same losses bit for bit.
        var digest: String { Digest.of(losses) }
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

    /// Trains init `k` on `batches` through the engine's training loop (every step runs, as
    /// the peers do: no stop on a non-finite loss). The observers (a recorder) are finished
    /// by the loop, after the stopwatch has stopped.
    static func train(_ k: Int, data: Dataset<Float>, batches: [[Int]],
                      observers: [any TrainingObserver<Float>] = []) throws -> Run {
        let (name, initializer) = inits[k]
        let net = try model(initializer)
        net.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.01))
        let source = try IndexBatches(data.x, data.target, batches: batches)
        let watch = Stopwatch()
        let history = try TrainingLoop(observers: observers, callbacks: [watch], onNonFinite: .continue).run(net, on: source)
        let losses = stride(from: 0, to: history.stepLosses.count, by: 10).map { history.stepLosses[$0] }
        return Run(name: name, seconds: watch.seconds, losses: losses)
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

/// Times a training run from just before its first step to just after its last, leaving out
/// what the observers do once it has ended (a recorder's final flush).
final class Stopwatch: Callback {
    private var start: UInt64 = 0
    /// Seconds from the first step's start to the last step's end.
    private(set) var seconds = 0.0

    func trainingBegan(_ model: Sequential<Float>) { start = DispatchTime.now().uptimeNanoseconds }

    func trainingEnded(_ model: Sequential<Float>, outcome: TrainingOutcome) {
        seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// A short fingerprint of numbers, to check that a change to the engine left results bit for bit the same.
enum Digest {
    /// FNV-1a (64 bits) over the bit patterns of `values`, in hex.
    static func of(_ values: [Double]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for v in values {
            var bits = v.bitPattern
            for _ in 0..<8 { h = (h ^ (bits & 0xFF)) &* 0x100_0000_01B3; bits >>= 8 }
        }
        return String(h, radix: 16)
    }
}

/// Recording overhead on W2: the same trainings with and without an event recorder that
/// writes statistics every step and histograms every 10 steps to a JSON Lines file.
///
/// This machine's speed drifts by several percent within a minute (its clock moves between
/// ~3.3 and ~3.6 GHz), more than the overhead measured; so each recorded training runs right
/// after the same training without recording, the pair is repeated for `rounds` rounds, and
/// the overhead is the median of the rounds' paired ratios (the pair's order alternates).
enum RecordingOverhead {
    static func run(steps: Int, data: Dataset<Float>, out: URL, rounds: Int) throws {
        print("\n== Recording overhead on W2 (sequential, 1 BLAS thread), events to JSON Lines, \(rounds) rounds of paired runs")
        BLASThreads.set(1)
        let batches = W2.batches(steps: steps, count: data.count)
        let only = ProcessInfo.processInfo.environment["NNVIZ_PLAN"]
        let plans: [(String, RecordingPlan)] = [
            ("full: statistics of all 5 quantities every step, histograms every 10 steps", RecordingPlan(statsEvery: 1, histogramsEvery: 10)),
            ("lean: activations and weight gradients every step, the rest and histograms every 10 steps", .lean(histogramsEvery: 10)),
            ("losses only", .scalarsOnly),
        ].filter { only == nil || $0.0.hasPrefix(only!) }
        var ratios = Array(repeating: [Double](), count: plans.count)
        var plainSeconds: [Double] = [], bytes = Array(repeating: 0, count: plans.count)
        for _ in 0..<max(1, rounds) {
            var plain = Array(repeating: 0.0, count: plans.count), recorded = Array(repeating: 0.0, count: plans.count)
            for k in 0..<W2.inits.count {
                for (j, (_, plan)) in plans.enumerated() {
                    // Alternate which of the pair goes first, so that a drift in speed does not
                    // always favour the same side.
                    for recording in (k + j) % 2 == 0 ? [false, true] : [true, false] {
                        guard recording else { plain[j] += try W2.train(k, data: data, batches: batches).seconds; continue }
                        let path = out.appendingPathComponent("w2-\(k).jsonl").path
                        let rec = EventRecorder<Float>(run: W2.inits[k].0, plan: plan, sinks: [try JSONLinesSink(path: path)])
                        recorded[j] += try W2.train(k, data: data, batches: batches, observers: [rec]).seconds
                        if let e = rec.error { throw e }
                        bytes[j] = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                    }
                }
            }
            for j in plans.indices { ratios[j].append(recorded[j] / plain[j]) }
            plainSeconds.append(plain.reduce(0, +) / Double(plans.count))
        }
        let sps0 = Double(steps * W2.inits.count) / (plainSeconds.sorted()[plainSeconds.count / 2])
        print(String(format: "without recording: %.1f steps/s (median round)", sps0))
        for (j, (label, _)) in plans.enumerated() {
            let r = ratios[j].sorted()
            print(String(format: "%@: overhead %.1f %% (median of %d paired rounds; each round: %@), %.1f MB of events per run", label,
                         (r[r.count / 2] - 1) * 100, r.count, ratios[j].map { String(format: "%.1f %%", ($0 - 1) * 100) }.joined(separator: ", "),
                         Double(bytes[j]) / 1e6))
        }
    }
}

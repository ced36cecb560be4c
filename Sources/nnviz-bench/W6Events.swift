import Foundation
import NNEngine
import NNEvents

/// W6's event file: one run of N steps x 5 dense layers, with a batch loss and the statistics of
/// the weight gradients, activations and updates of every layer at every step, histograms of
/// every layer's weights every 100 steps, and a validation loss and accuracy every 1000 steps.
/// Values are smooth trends with seeded noise and rare spikes, written with all their digits as
/// nnviz writes doubles. Deterministic: the same size gives the same bytes.
enum W6Events {
    static let layers = ["dense_1", "dense_2", "dense_3", "dense_4", "dense_5"]
    static let run = "w6/long"

    /// The file's numbers, from the engine's seeded generator.
    struct Numbers {
        var bits: SeededGenerator
        init(state: UInt64) { bits = SeededGenerator(seed: state) }
        mutating func next() -> Double { bits.nextUniform() }
        mutating func noise() -> Double { next() + next() + next() - 1.5 }
    }

    /// The lines of one step.
    static func step(_ s: Int, steps: Int, _ g: inout Numbers) -> [Event] {
        let t = Double(s) / Double(max(steps, 1))
        let spike = g.next() < 0.0005 ? 4.0 : 1.0
        var out: [Event] = [.scalar(ScalarEvent(run: run, name: "train/batch_loss", step: s, epoch: s / 1000,
                                                value: (2.3 * exp(-4 * t) + 0.05) * (1 + 0.15 * g.noise()) * spike))]
        for (k, l) in layers.enumerated() {
            let depth = Double(k + 1)
            let grad = 0.3 * exp(-2 * t) / depth * (1 + 0.2 * g.noise()) * spike
            let std = 0.8 + 0.1 * depth * (1 - 0.5 * t) + 0.02 * g.noise()
            let count = 256 * 256
            out.append(.layerStats(LayerStats(run: run, step: s, layer: l, index: k, quantity: .weightGradient, count: count, mean: 1e-4 * g.noise(),
                                              std: grad / 256, min: -grad / 40 * (1 + g.next()), max: grad / 40 * (1 + g.next()), l2: grad)))
            out.append(.layerStats(LayerStats(run: run, step: s, layer: l, index: k, quantity: .activation, count: 128 * 256, mean: std * 0.6,
                                              std: std, min: 0, max: std * (4 + g.next()), l2: std * 181, zeroFraction: 0.4 + 0.05 * g.noise(),
                                              deadFraction: 0.01 * g.next())))
            out.append(.layerStats(LayerStats(run: run, step: s, layer: l, index: k, quantity: .update, count: count, mean: 1e-6 * g.noise(),
                                              std: grad * 1e-3, min: -grad * 1e-2, max: grad * 1e-2, l2: grad * 0.01,
                                              updateRatio: 1e-3 * (1 + 0.3 * g.noise()))))
        }
        if s % 100 == 0 {
            for (k, l) in layers.enumerated() {
                let edges = (0...30).map { -0.3 + 0.02 * Double($0) }
                let counts = (0..<30).map { b in Int(2000 * exp(-pow(Double(b) - 14.5, 2) / (40 + 20 * t)) * (1 + 0.1 * g.next())) }
                out.append(.histogram(Histogram(run: run, step: s, layer: l, index: k, quantity: .weight, edges: edges, counts: counts)))
            }
        }
        if s % 1000 == 999 {
            out.append(.scalar(ScalarEvent(run: run, name: "val/loss", step: s, epoch: s / 1000, value: 2.3 * exp(-3.5 * t) + 0.1 + 0.01 * g.noise())))
            out.append(.scalar(ScalarEvent(run: run, name: "val/accuracy", step: s, epoch: s / 1000, value: 0.95 - 0.8 * exp(-4 * t) + 0.005 * g.noise())))
        }
        return out
    }

    /// About how many bytes one step writes.
    static let bytesPerStep = 5_100

    /// Writes the file of about `bytes` bytes to `url` (kept when it is already there with the
    /// expected size, so repeated benchmarks reuse it); returns the number of steps and bytes.
    @discardableResult
    static func write(bytes: Int, to url: URL) throws -> (steps: Int, bytes: Int) {
        let steps = max(100, bytes / bytesPerStep)
        let stamp = url.appendingPathExtension("steps")
        if let written = try? String(contentsOf: stamp, encoding: .utf8), written == "\(steps)",
           let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int {
            return (steps, size)
        }
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let h = FileHandle(forWritingAtPath: url.path) else {
            throw BenchError("cannot write \(url.path)")
        }
        defer { try? h.close() }
        var g = Numbers(state: 6)
        let info = layers.enumerated().map {
            LayerInfo(name: $1, kind: "dense", inputs: 256, outputs: $0 == 4 ? 10 : 256, activation: $0 == 4 ? "identity" : "relu",
                      initializer: "he", parameters: 256 * 257)
        }
        var buffer = EventCodec.encode(.runStart(RunStart(run: run, study: "w6", seed: 6, layers: info, parameterCount: 5 * 256 * 257,
                                                          optimizer: "sgd", optimizerSettings: ["learning_rate": 0.01], loss: "cross_entropy",
                                                          dataset: "synthetic", splits: ["train": 60000], batchSize: 128, producer: "nnviz-bench w6"))) + "\n"
        var total = 0
        for s in 0..<steps {
            for e in step(s, steps: steps, &g) { buffer += EventCodec.encode(e); buffer += "\n" }
            if buffer.utf8.count > 1 << 20 || s == steps - 1 {
                if s == steps - 1 { buffer += EventCodec.encode(.runEnd(RunEnd(run: run, status: "completed", step: steps, epoch: steps / 1000))) + "\n" }
                let data = Data(buffer.utf8)
                total += data.count
                try h.write(contentsOf: data)
                buffer = ""
            }
        }
        try "\(steps)".write(to: stamp, atomically: true, encoding: .utf8)
        return (steps, total)
    }
}

import NNEngine
import NNEvents
import NNPlot

/// The book's initialisation experiment (ch. 6.2; workload W1): a 1000 x 100 standard-normal
/// input through 5 bias-free layers of 100 units, for each activation and initial weight
/// scale, with a 30-bin histogram of every layer's activations.
public enum InitHistograms {
    /// The activations compared, with the histogram range the book uses for each.
    public static let activations: [(name: String, activation: Activation, range: ClosedRange<Double>)] = [
        ("sigmoid", .sigmoid, 0...1), ("tanh", .tanh, -1...1), ("relu", .relu, 0...1),
    ]
    /// The initial weight scales compared (std as a function of fan-in n = 100).
    public static let inits: [(name: String, initializer: Initializer)] = [
        ("std=1", .normal(std: 1)), ("std=0.01", .normal(std: 0.01)), ("xavier", .bookXavier), ("he", .bookHe),
    ]

    /// One layer's activation statistics.
    public struct Layer: Sendable {
        public var mean: Double
        public var std: Double
        /// 30 counts over the activation's range; values outside (ReLU above 1) are not counted.
        public var counts: [Int]
    }

    /// One (activation, init) configuration.
    public struct Config: Sendable {
        public var activation: String
        public var initializer: String
        public var range: ClosedRange<Double>
        public var layers: [Layer]
    }

    /// Runs all 12 configurations. The input and the 5 base N(0, 1) matrices Z_k are drawn once
    /// from `seed` and shared, W_k = Z_k · scale, as in the peer workload.
    public static func compute(seed: UInt64 = 0, samples: Int = 1000, width: Int = 100, depth: Int = 5, bins: Int = 30) -> [Config] {
        var rng = SeededGenerator(seed: seed, stream: "init-histograms")
        let x = Matrix<Double>.normal(rows: samples, cols: width, using: &rng)
        let z = (0..<depth).map { _ in Matrix<Double>.normal(rows: width, cols: width, using: &rng) }
        var out: [Config] = []
        for (actName, act, range) in activations {
            for (initName, initializer) in inits {
                let scale = initializer.standardDeviation(fanIn: width, fanOut: width)
                var a = x
                var layers: [Layer] = []
                for k in 0..<depth {
                    a = act.forward(Matrix.product(a, z[k].scaled(by: scale)))
                    let n = Double(a.count)
                    let mean = a.sum() / n
                    let std = max(0, a.sumOfSquares() / n - mean * mean).squareRoot()
                    var counts = [Int](repeating: 0, count: bins)
                    let w = (range.upperBound - range.lowerBound) / Double(bins)
                    for v in a.storage where v >= range.lowerBound && v <= range.upperBound {
                        counts[min(bins - 1, Int((v - range.lowerBound) / w))] += 1
                    }
                    layers.append(Layer(mean: mean, std: std, counts: counts))
                }
                out.append(Config(activation: actName, initializer: initName, range: range, layers: layers))
            }
        }
        return out
    }

    /// One row of 5 histograms (shared y), titled "activation / init", like the book's figure.
    public static func figure(_ c: Config, width: Double = 864, height: Double = 216, sharedYMax: Double? = nil) -> Figure {
        let bins = c.layers.first?.counts.count ?? 30
        let edges = (0...bins).map { c.range.lowerBound + (c.range.upperBound - c.range.lowerBound) * Double($0) / Double(bins) }
        let axes = c.layers.enumerated().map { k, l -> Axes in
            var a = Axes(title: "\(k + 1)-layer", xLabel: "activation", yLabel: k == 0 ? "count" : nil)
            if let m = sharedYMax { a.yLimits = 0...m }
            a.marks = [.histogram(HistogramMark(edges: edges, counts: l.counts.map(Double.init), color: Theme.okabeIto[0]))]
            return a
        }
        return Figure(title: "\(c.activation) / \(c.initializer)", width: width, height: height, columns: axes.count, axes: axes,
                      sharedY: true)
    }
}

extension InitHistograms {
    /// The 12 configurations as events: one run each, with every layer's activation histogram
    /// (30 bins over the book's range) and statistics at step 0.
    public static func events(seed: UInt64) -> [Event] {
        compute(seed: seed).flatMap { c -> [Event] in
            let run = "init-histograms/\(c.activation)/\(c.initializer)"
            let bins = c.layers.first?.counts.count ?? 30
            let edges = (0...bins).map { c.range.lowerBound + (c.range.upperBound - c.range.lowerBound) * Double($0) / Double(bins) }
            let layers = (0..<c.layers.count).map {
                LayerInfo(name: "layer_\($0 + 1)", kind: "dense", inputs: 100, outputs: 100, activation: c.activation,
                          initializer: c.initializer, parameters: 10000)
            }
            var out: [Event] = [.runStart(RunStart(run: run, study: "init-histograms", seed: seed, layers: layers, parameterCount: 50000,
                                                   optimizer: "", optimizerSettings: [:], loss: "", dataset: "standard normal 1000x100",
                                                   splits: ["input": 1000], batchSize: 1000, producer: "nnviz \(NNVizVersion.string)"))]
            for (k, l) in c.layers.enumerated() {
                let inRange = l.counts.reduce(0, +)
                out.append(.layerStats(LayerStats(run: run, step: 0, layer: "layer_\(k + 1)", index: k, quantity: .activation, count: 100_000,
                                                  mean: l.mean, std: l.std, min: .nan, max: .nan, l2: .nan)))
                out.append(.histogram(Histogram(run: run, step: 0, layer: "layer_\(k + 1)", index: k, quantity: .activation, edges: edges,
                                                counts: l.counts, underflow: 0, overflow: 100_000 - inRange)))
            }
            out.append(.runEnd(RunEnd(run: run, status: "completed", step: 0)))
            return out
        }
    }
}

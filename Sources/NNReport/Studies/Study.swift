import Foundation
import NNEngine
import NNEvents

/// The built-in studies of `nnviz train-and-report`.
public enum StudyKind: String, CaseIterable, Sendable {
    case vanishing
    case initialization = "init"
    case optimizers

    /// The section title.
    public var title: String {
        switch self {
        case .vanishing: "Vanishing gradients: sigmoid vs ReLU"
        case .initialization: "Weight initialisation: std 1, std 0.01, Xavier, He"
        case .optimizers: "Optimisers: SGD, Momentum, Nesterov, AdaGrad, RMSProp, Adam"
        }
    }

    /// One line for `nnviz studies`.
    public var summary: String {
        switch self {
        case .vanishing: "10 hidden layers of 64 on MNIST: sigmoid+Xavier vs tanh+Xavier vs ReLU+He; per-layer gradient norms"
        case .initialization: "the book's activation histograms (1000x100 input, 5 layers) and 784-100x4-10 ReLU training with 3 inits"
        case .optimizers: "paths on f(x,y) = x²/20 + y² from (-7, 2) and the same optimisers training MNIST"
        }
    }
}

/// Settings shared by the built-in studies; a config file can change them.
public struct StudySettings: Sendable {
    public var seed: UInt64 = 42
    /// Fewer steps, for a first look and for tests.
    public var quick = false
    /// Steps per training run (nil: the study's default, smaller with `quick`).
    public var steps: Int?
    public var batchSize: Int?
    public var learningRate: Double?
    /// Hidden layer sizes (nil: the study's default).
    public var hidden: [Int]?
    public init(seed: UInt64 = 42, quick: Bool = false) { self.seed = seed; self.quick = quick }

    func steps(_ full: Int, quick q: Int) -> Int { quick ? min(steps ?? q, q) : (steps ?? full) }
}

extension StudyKind {
    /// The training runs of the study.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        switch self {
        case .vanishing:
            let steps = s.steps(500, quick: 60)
            var plan = RecordingPlan.lean(histogramsEvery: max(1, steps / 10))
            plan.statsQuantities = [.activation, .weightGradient, .weight, .update]
            return [("sigmoid-xavier", "sigmoid + Xavier", Activation.sigmoid, Initializer.bookXavier),
                    ("tanh-xavier", "tanh + Xavier", .tanh, .bookXavier),
                    ("relu-he", "ReLU + He", .relu, .bookHe)].map { name, label, act, ini in
                RunSpec(name: "vanishing/\(name)", study: rawValue, label: label, hidden: s.hidden ?? Array(repeating: 64, count: 10),
                        activation: act, initializer: ini, optimizer: .sgd, learningRate: s.learningRate ?? 0.01, steps: steps,
                        batchSize: s.batchSize ?? 64, seed: s.seed, plan: plan, evaluateEvery: max(1, steps / 5))
            }
        case .initialization:
            let steps = s.steps(2000, quick: 150)
            var plan = RecordingPlan.lean(histogramsEvery: max(1, steps / 10))
            plan.histogramQuantities = [.activation]
            return [("std=0.01", "std 0.01", Initializer.normal(std: 0.01)), ("xavier", "Xavier", .bookXavier), ("he", "He", .bookHe)].map { name, label, ini in
                RunSpec(name: "init/\(name)", study: "init-training", label: label, hidden: s.hidden ?? [100, 100, 100, 100],
                        activation: .relu, initializer: ini, optimizer: .sgd, learningRate: s.learningRate ?? 0.01, steps: steps,
                        batchSize: s.batchSize ?? 128, seed: s.seed, plan: plan, evaluateEvery: max(1, steps / 10))
            }
        case .optimizers:
            let steps = s.steps(2000, quick: 150)
            let plan = RecordingPlan.scalarsOnly
            var specs = OptimizerKind.allCases.map { kind in
                RunSpec(name: "optimizers/\(kind.rawValue)", study: "optimizer-training", label: kind.displayName,
                        hidden: s.hidden ?? [100, 100, 100, 100], activation: .relu, initializer: .bookHe, optimizer: kind,
                        learningRate: s.learningRate ?? (kind == .adam ? 0.001 : 0.01), steps: steps, batchSize: s.batchSize ?? 128,
                        seed: s.seed, plan: plan, evaluateEvery: max(1, steps / 10))
            }
            // Beyond the book: a real network's weight path on its two principal directions.
            let projSteps = s.steps(600, quick: 100)
            var projection = RunSpec(name: "optimizers/projection-momentum", study: "optimizer-projection", label: "Momentum",
                                     hidden: [50], activation: .relu, initializer: .bookHe, optimizer: .momentum, learningRate: 0.01,
                                     steps: projSteps, batchSize: 64, seed: s.seed, plan: plan, evaluateEvery: max(1, projSteps / 5))
            projection.projectEvery = max(1, projSteps / 30)
            specs.append(projection)
            return specs
        }
    }

    /// Events of the study's parts that are not training runs.
    public func staticEvents(_ s: StudySettings) -> [Event] {
        switch self {
        case .vanishing: return []
        case .initialization: return InitHistograms.events(seed: s.seed)
        case .optimizers: return OptimizerPaths.events()
        }
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
                LayerInfo(name: "layer_\($0 + 1)", kind: "dense", inputs: 100, outputs: 100, activation: c.activation, initializer: c.initializer, parameters: 10000)
            }
            var out: [Event] = [.runStart(RunStart(run: run, study: "init-histograms", seed: seed, layers: layers, parameterCount: 50000,
                                                   optimizer: "", optimizerSettings: [:], loss: "", dataset: "standard normal 1000x100",
                                                   splits: ["input": 1000], batchSize: 1000, producer: "nnviz \(NNReportInfo.version)"))]
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

extension OptimizerPaths {
    /// The six paths as trajectory events.
    public static func events(steps: Int = 30) -> [Event] {
        book.flatMap { name, make -> [Event] in
            let optimizer = make()
            let run = "optimizer-paths/\(name)"
            var out: [Event] = [.runStart(RunStart(run: run, study: "optimizer-paths", seed: 0, layers: [], parameterCount: 2,
                                                   optimizer: optimizer.name, optimizerSettings: optimizer.settings, loss: "x²/20 + y²",
                                                   dataset: "f(x, y) = x²/20 + y² from (-7, 2)", splits: [:], batchSize: 1,
                                                   producer: "nnviz \(NNReportInfo.version)"))]
            for (k, p) in path(optimizer, steps: steps).enumerated() {
                out.append(.trajectory(TrajectoryPoint(run: run, step: k, x: p.0, y: p.1, value: f(p.0, p.1))))
            }
            out.append(.runEnd(RunEnd(run: run, status: "completed", step: steps)))
            return out
        }
    }
}

import Foundation
import NNEngine
import NNEvents
import NNRecorder
import NNReport

/// Optimisers: SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam on f(x, y) = x²/20 + y²
/// from (−7, 2), the same optimisers training MNIST, and a real network's weight path on its
/// two principal directions.
public struct OptimizerStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "optimizers"
    /// The paths, the training runs and the projection run.
    public let eventStudies = ["optimizer-paths", "optimizer-training", "optimizer-projection"]
    let prose = Prose(resource: PackageResources.optimizers_en_yaml, source: "optimizers.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// The six optimisers with the book's rates (lr 0.01, Adam 0.001), batch 128, 2000 steps,
    /// and a 784-50-10 net with Momentum whose weights are projected.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        let steps = s.steps(2000, quick: 150)
        var specs = OptimizerKind.allCases.map { kind in
            RunSpec(name: "optimizers/\(kind.rawValue)", study: "optimizer-training", label: kind.displayName,
                    hidden: s.hidden ?? [100, 100, 100, 100], activation: .relu, initializer: .bookHe, optimizer: kind,
                    learningRate: s.learningRate ?? (kind == .adam ? 0.001 : 0.01), steps: steps, batchSize: s.batchSize ?? 128,
                    seed: s.seed, plan: .scalarsOnly, evaluateEvery: max(1, steps / 10))
        }
        // Beyond the book: a real network's weight path on its two principal directions.
        let projSteps = s.steps(600, quick: 100)
        var projection = RunSpec(name: "optimizers/projection-momentum", study: "optimizer-projection", label: "Momentum",
                                 hidden: [50], activation: .relu, initializer: .bookHe, optimizer: .momentum, learningRate: 0.01,
                                 steps: projSteps, batchSize: 64, seed: s.seed, plan: .scalarsOnly, evaluateEvery: max(1, projSteps / 5))
        projection.projectEvery = max(1, projSteps / 30)
        specs.append(projection)
        return specs
    }

    /// The six paths on the test function.
    public func staticEvents(_ s: StudySettings) -> [Event] { OptimizerPaths.events() }

    /// The section: paths, training losses, the weight-path projection.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        // With repeats (other seeds), the figures show each optimiser's first seed.
        let pathRuns = byStudy["optimizer-paths"] ?? [], trainingRuns = Repeats.primaries(byStudy["optimizer-training"] ?? [])
        let projectionRuns = Repeats.primaries(byStudy["optimizer-projection"] ?? [])
        let figures = OptimizerFigures(prose: prose)
        var out = SectionParts()
        if !pathRuns.isEmpty { try figures.paths(pathRuns, into: &out) }
        if !trainingRuns.isEmpty { try figures.training(trainingRuns, into: &out) }
        for r in projectionRuns { try figures.projection(r, into: &out) }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: trainingRuns.map { ($0.name, Diagnoses.all($0)) },
                       settings: SettingsTable.rows(trainingRuns + projectionRuns),
                       notes: trainingRuns.isEmpty ? [] : try BookDepartures.notes(BookDepartures.training + ["same_start"]))
    }
}

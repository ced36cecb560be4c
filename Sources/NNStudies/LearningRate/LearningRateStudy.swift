import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNRecorder
import NNReport

/// Choosing the learning rate: one net trained with SGD at learning rates from far too small to
/// far too large, and the same sweep as SGD paths on f(x, y) = x²/20 + y².
public struct LearningRateStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "learning-rate"
    /// The training runs and the paths on the test function.
    public let eventStudies = ["learning-rate", "learning-rate-paths"]
    let prose = Prose(resource: PackageResources.learning_rate_en_yaml, source: "learning-rate.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// The learning rates trained: 10⁻⁴ to 10 in half decades.
    public static let rates = (0...10).map { pow(10, -4 + 0.5 * Double($0)) }
    /// The learning rates of the paths on f: crawling, good, zig-zag, diverging (SGD is stable
    /// on f only below 1, where the y step 2y · lr overshoots the valley floor by less than it started).
    public static let pathRates = [0.05, 0.5, 0.95, 1.03]

    /// One net at every rate: 5 hidden layers of 100 ReLU (He), SGD, batch 100, 300 steps on the
    /// training split, the validation set every 30 steps.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        let steps = s.steps(300, quick: 60)
        return Self.rates.enumerated().map { k, lr in
            RunSpec(name: "learning-rate/lr-\(k < 9 ? "0" : "")\(k + 1)", study: id, label: "lr \(compactNumber(lr))",
                    hidden: s.hidden ?? Array(repeating: 100, count: 5), activation: .relu, initializer: .bookHe, optimizer: .sgd,
                    learningRate: lr, steps: steps, batchSize: s.batchSize ?? 100, seed: s.seed, plan: .scalarsOnly,
                    evaluateEvery: max(1, steps / 10))
        }
    }

    /// The SGD paths on f, 30 steps each from (−7, 2).
    public func staticEvents(_ s: StudySettings) -> [Event] {
        Self.pathRates.enumerated().flatMap { k, lr -> [Event] in
            let run = "learning-rate-paths/lr-\(k + 1)"
            let sgd = SGD<Double>(learningRate: lr)
            var out: [Event] = [.runStart(RunStart(run: run, study: "learning-rate-paths", seed: 0, layers: [], parameterCount: 2,
                                                   optimizer: sgd.name, optimizerSettings: sgd.settings, loss: "x²/20 + y²",
                                                   dataset: "f(x, y) = x²/20 + y² from (-7, 2)", splits: [:], batchSize: 1,
                                                   producer: "nnviz \(NNVizVersion.string)", label: "lr \(lr)"))]
            for (i, p) in OptimizerPaths.path(sgd, steps: 30).enumerated() {
                out.append(.trajectory(TrajectoryPoint(run: run, step: i, x: p.0, y: p.1, value: OptimizerPaths.f(p.0, p.1))))
            }
            out.append(.runEnd(RunEnd(run: run, status: "completed", step: 30)))
            return out
        }
    }

    /// The section: loss curves, final loss against the rate, the paths on f.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let runs = byStudy["learning-rate"] ?? [], paths = byStudy["learning-rate-paths"] ?? []
        let groups = Repeats.groups(runs).sorted { LearningRateFigures.rate($0) < LearningRateFigures.rate($1) }
        let figures = LearningRateFigures(prose: prose, groups: groups)
        var out = SectionParts()
        if !runs.isEmpty {
            out.figures += [try figures.losses(), try figures.finals()]
            try figures.facts(into: &out)
        }
        let byRate = paths.sorted { ($0.start?.optimizerSettings["learning_rate"] ?? 0) < ($1.start?.optimizerSettings["learning_rate"] ?? 0) }
        if !paths.isEmpty { try LearningRatePaths(prose: prose).figure(byRate, into: &out) }
        let primaries = Repeats.primaries(runs)
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: primaries.map { ($0.name, [Diagnoses.learningRateTooSmall($0), Diagnoses.divergence($0),
                                                                             Diagnoses.stalled($0)]) },
                       settings: prose.settingsRows(primaries), notes: runs.isEmpty ? [] : try BookDepartures.notes(BookDepartures.training))
    }
}

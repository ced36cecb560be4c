import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNRecorder
import NNReport

/// Hyper-parameter search (book 6.5, figure 6-24): 100 random trials of learning rate and weight
/// decay, each judged on validation data only; the test set is evaluated once per trial and
/// reported for the chosen one.
public struct HPSearchStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "hpsearch"
    /// The trials.
    public let eventStudies = ["hpsearch"]
    let prose = Prose(resource: PackageResources.hpsearch_en_yaml, source: "hpsearch.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// The book's range of the learning rate, as powers of ten drawn uniformly: lr = 10^U(−6, −2).
    public static let rateExponents = -6.0 ... -2.0
    /// The book's range of the weight decay: 10^U(−8, −4).
    public static let decayExponents = -8.0 ... -4.0

    /// The trials' learning rates and weight decays, drawn from `seed` (stream `hpsearch`).
    public static func trials(_ count: Int, seed: UInt64) -> [(learningRate: Double, weightDecay: Double)] {
        var rng = SeededGenerator(seed: seed, stream: "hpsearch")
        func draw(_ r: ClosedRange<Double>) -> Double { pow(10, r.lowerBound + (r.upperBound - r.lowerBound) * rng.nextUniform()) }
        return (0..<count).map { _ in
            let lr = draw(rateExponents)
            return (lr, draw(decayExponents))
        }
    }

    /// The book's settings: 100 trials; each trains 6 hidden layers of 100 ReLU (He) with SGD,
    /// batch 100, for 50 epochs on 400 training images, validated on 100 images after every epoch.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        let epochs = s.epochs(50, quick: 10)
        var plan = RecordingPlan.scalarsOnly
        plan.stepScalarsEvery = 0
        let trials = Self.trials(s.quick ? 20 : 100, seed: s.seed)
        return trials.enumerated().map { k, t in
            let number = String(format: "%03d", k + 1)
            var spec = RunSpec(name: "hpsearch/trial-\(number)", study: id,
                               label: "lr \(compactNumber(t.learningRate)), wd \(compactNumber(t.weightDecay))",
                               hidden: s.hidden ?? Array(repeating: 100, count: 6), activation: .relu, initializer: .bookHe, optimizer: .sgd,
                               learningRate: t.learningRate, steps: 0, batchSize: s.batchSize ?? 100, seed: s.seed, plan: plan)
            spec.weightDecay = t.weightDecay
            spec.trainSamples = 400
            spec.validationSamples = 100
            spec.epochs = epochs
            return spec
        }
    }

    /// The section: the 20 best trials' curves, every trial on the lr-wd plane, the best ones.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let runs = byStudy["hpsearch"] ?? []
        let trials = HPTrial.rank(Repeats.groups(runs))
        let figures = HPSearchFigures(prose: prose, trials: trials)
        var out = SectionParts()
        if !trials.isEmpty {
            out.figures = [try figures.top(), try figures.scatter()]
            try figures.facts(into: &out)
        }
        let best = trials.prefix(3).compactMap(\.runs.first)
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: best.map { ($0.name, Diagnoses.training($0) + [Diagnoses.divergence($0)]) },
                       settings: prose.settingsRows(trials.prefix(20).compactMap(\.runs.first)),
                       notes: [try prose.text("departure.split"), try prose.text("departure.train_sample")])
    }
}

/// One trial (a run and its repeats) with its hyper-parameters and final validation accuracy.
struct HPTrial {
    var runs: [EventStore.Run]
    var learningRate: Double
    var weightDecay: Double
    /// The last validation accuracy of each seed.
    var finals: [Double]
    /// Their mean: the trial's score.
    var score: Double

    init(_ group: [EventStore.Run]) {
        runs = group
        let settings = group.first?.start?.optimizerSettings ?? [:]
        learningRate = settings["learning_rate"] ?? .nan
        weightDecay = settings["weight_decay"] ?? 0
        finals = group.map { $0.end?.status == "diverged" ? 0 : ($0.values("val/accuracy").last ?? .nan) }
        score = finiteMean(finals)
    }

    /// The trials, best first (ties: in trial order).
    static func rank(_ groups: [[EventStore.Run]]) -> [HPTrial] {
        groups.map(HPTrial.init).enumerated().sorted { a, b in
            let (x, y) = (a.element.score.isNaN ? -1 : a.element.score, b.element.score.isNaN ? -1 : b.element.score)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }
}

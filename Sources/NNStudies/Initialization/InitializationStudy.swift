import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNRecorder
import NNReport

/// Weight initialisation: the book's activation histograms after one forward pass (std 1,
/// std 0.01, Xavier, He under sigmoid, tanh and ReLU), then a 784-100x4-10 ReLU net trained
/// with SGD for three initialisations.
public struct InitializationStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "init"
    /// The histogram runs and the training runs.
    public let eventStudies = ["init-histograms", "init-training"]
    static let texts = Prose(resource: PackageResources.init_en_yaml, source: "init.en.yaml")
    var prose: Prose { Self.texts }

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// `std=0.01` → `std 0.01` (in the current language), `xavier` → `Xavier`, `he` → `He`.
    public static func label(_ s: String) -> String {
        switch s {
        case "xavier", "xavier_book": "Xavier"
        case "he", "he_book": "He"
        default:
            s.hasPrefix("std=") ? (try? texts.text("label.std", ["std": String(s.dropFirst(4))])) ?? s : s.replacingOccurrences(of: "=", with: " ")
        }
    }

    /// Three inits, the book's settings: SGD lr 0.01, batch 128, 2000 steps.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        let steps = s.steps(2000, quick: 150)
        var plan = RecordingPlan.lean(histogramsEvery: max(1, steps / 10))
        plan.histogramQuantities = [.activation]
        let inits: [(String, String, Initializer)] = [("std=0.01", "std 0.01", .normal(std: 0.01)), ("xavier", "Xavier", .bookXavier),
                                                      ("he", "He", .bookHe)]
        return inits.map { name, label, ini in
            RunSpec(name: "init/\(name)", study: "init-training", label: label, hidden: s.hidden ?? [100, 100, 100, 100],
                    activation: .relu, initializer: ini, optimizer: .sgd, learningRate: s.learningRate ?? 0.01, steps: steps,
                    batchSize: s.batchSize ?? 128, seed: s.seed, plan: plan, evaluateEvery: max(1, steps / 10))
        }
    }

    /// The 12 histogram configurations, one forward pass each.
    public func staticEvents(_ s: StudySettings) -> [Event] { InitHistograms.events(seed: s.seed) }

    /// The section: histogram grids, then the training runs' loss, ridgeline and spread.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let histogramRuns = byStudy["init-histograms"] ?? [], trainingRuns = byStudy["init-training"] ?? []
        let figures = InitFigures(prose: prose)
        var out = SectionParts()
        for act in ["sigmoid", "tanh", "relu"] { try figures.histograms(act, histogramRuns, into: &out) }
        if !trainingRuns.isEmpty {
            out.figures.append(try figures.loss(trainingRuns))
            if let ridge = try figures.ridgeline(trainingRuns) { out.figures.append(ridge) }
            out.figures.append(try figures.activationSpread(trainingRuns))
            try trainingFacts(trainingRuns, into: &out)
        }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: trainingRuns.map { ($0.name, Diagnoses.all($0)) },
                       settings: trainingRuns.isEmpty ? [] : SettingsTable.rows(trainingRuns),
                       notes: trainingRuns.isEmpty ? [] : try BookDepartures.notes(BookDepartures.training + ["same_weights"]))
    }

    /// Final losses, the first step below 1.0, and whether std 0.01 stayed at ln 10.
    func trainingFacts(_ runs: [EventStore.Run], into out: inout SectionParts) throws {
        var below: [String: Int?] = [:]
        for r in runs {
            let steps = r.steps("train/batch_loss")
            let firstBelow = Smoothing.exponential(r.values("train/batch_loss"), weight: 0.9).firstIndex { $0 < 1.0 }.map { steps[$0] }
            below[r.shortName] = firstBelow
            out.facts.append(r.finalLossFact)
            out.facts.append(Fact(try prose.text("fact.first_below", ["run": r.name]), firstBelow.map(Double.init),
                                  try firstBelow.map { "\($0)" } ?? prose.text("fact.never")))
            out.facts.append(r.accuracyFact)
        }
        guard let s = runs.first(where: { $0.shortName == "std=0.01" }), let he = runs.first(where: { $0.shortName == "he" }) else { return }
        let fs = s.finalBatchLoss(), fh = he.finalBatchLoss()
        out.facts.append(Fact(try prose.text("fact.distance_ln10"), abs(fs - log(10))))
        let small = ["final": formatNumber(fs, significant: 3), "steps": "\(s.steps("train/batch_loss").count)"]
        var sentence = try prose.text(abs(fs - log(10)) < 0.05 ? "finding.small_stalled" : "finding.small_learned", small)
        if let b = below["he"] ?? nil {
            sentence += try prose.text("finding.he_below", ["step": "\(b)", "final": formatNumber(fh, significant: 3)])
        } else {
            sentence += try prose.text("finding.he_never", ["final": formatNumber(fh, significant: 3)])
        }
        out.findings.append(sentence)
    }
}

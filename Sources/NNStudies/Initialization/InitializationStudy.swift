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
        // With repeats (other seeds), the figures show each net's first seed; the facts give the spread over all.
        let histogramRuns = byStudy["init-histograms"] ?? [], allTraining = byStudy["init-training"] ?? []
        let trainingRuns = Repeats.primaries(allTraining)
        let figures = InitFigures(prose: prose)
        var out = SectionParts()
        for act in ["sigmoid", "tanh", "relu"] { try figures.histograms(act, histogramRuns, into: &out) }
        if !trainingRuns.isEmpty {
            out.figures.append(try figures.loss(allTraining))   // with repeats: mean and band over the seeds
            if let ridge = try figures.ridgeline(trainingRuns) { out.figures.append(ridge) }
            out.figures.append(try figures.activationSpread(trainingRuns))
            try trainingFacts(trainingRuns, all: allTraining, into: &out)
        }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: trainingRuns.map { ($0.name, Diagnoses.all($0)) },
                       settings: trainingRuns.isEmpty ? [] : SettingsTable.rows(trainingRuns),
                       notes: trainingRuns.isEmpty ? [] : try BookDepartures.notes(BookDepartures.training + ["same_weights"]))
    }

    /// The first step with a smoothed batch loss below 1.0 (nil: never).
    static func firstBelowOne(_ r: EventStore.Run) -> Int? {
        let steps = r.steps("train/batch_loss")
        return Smoothing.exponential(r.values("train/batch_loss"), weight: 0.9).firstIndex { $0 < 1.0 }.map { steps[$0] }
    }

    /// Final losses, the first step below 1.0, and whether std 0.01 stayed at ln 10; with
    /// repeats, each over all seeds ("169–204 in 5 of 5 seeds").
    func trainingFacts(_ runs: [EventStore.Run], all: [EventStore.Run], into out: inout SectionParts) throws {
        var below: [String: Int?] = [:]
        var spreads: [String: (text: String, held: Int, seeds: Int)] = [:]
        for r in runs {
            let group = all.filter { Repeats.baseName($0.name) == r.name }
            let firstBelow = Self.firstBelowOne(r)
            below[r.shortName] = firstBelow
            guard group.count > 1 else {
                out.facts.append(r.finalLossFact)
                out.facts.append(Fact(try prose.text("fact.first_below", ["run": r.name]), firstBelow.map(Double.init),
                                      try firstBelow.map { "\($0)" } ?? prose.text("fact.never")))
                out.facts.append(r.accuracyFact)
                continue
            }
            let reached = group.compactMap(Self.firstBelowOne).map(Double.init)
            let text = reached.isEmpty ? "never" : "\(Repeats.spread(reached)) in \(reached.count) of \(group.count) seeds"
            spreads[r.shortName] = (text, reached.count, group.count)
            out.facts.append(Fact("\(r.name): final batch loss (mean of last 5 %)", r.finalBatchLoss(),
                                  Repeats.spread(group.map { $0.finalBatchLoss() }, significant: 4)))
            out.facts.append(Fact("\(r.name): first step with smoothed loss < 1.0", firstBelow.map(Double.init), text))
            let acc = group.map { $0.values("test/accuracy").last ?? .nan }
            out.facts.append(Fact("\(r.name): test accuracy (evaluated once, at the end)", acc.first, Repeats.spread(acc, scale: 100, unit: " %")))
        }
        guard let s = runs.first(where: { $0.shortName == "std=0.01" }), let he = runs.first(where: { $0.shortName == "he" }) else { return }
        let fs = s.finalBatchLoss(), fh = he.finalBatchLoss()
        out.facts.append(Fact(try prose.text("fact.distance_ln10"), abs(fs - log(10))))
        let small = ["final": formatNumber(fs, significant: 3), "steps": "\(s.steps("train/batch_loss").count)"]
        var sentence = try prose.text(abs(fs - log(10)) < 0.05 ? "finding.small_stalled" : "finding.small_learned", small)
        if let spread = spreads["he"], spread.held > 0 {
            sentence += try prose.text("finding.he_below_seeds", ["steps": spread.text, "final": formatNumber(fh, significant: 3)])
        } else if let b = below["he"] ?? nil {
            sentence += try prose.text("finding.he_below", ["step": "\(b)", "final": formatNumber(fh, significant: 3)])
        } else {
            sentence += try prose.text("finding.he_never", ["final": formatNumber(fh, significant: 3)])
        }
        out.findings.append(sentence)
    }
}

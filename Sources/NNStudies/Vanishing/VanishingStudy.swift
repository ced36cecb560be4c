import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNRecorder
import NNReport

/// Vanishing gradients: 10 hidden layers of 64 on MNIST, sigmoid + Xavier vs tanh + Xavier vs
/// ReLU + He, every layer's gradient norm at every step.
public struct VanishingStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "vanishing"
    /// The run_start `study` of its runs.
    public let eventStudies = ["vanishing"]
    let prose = Prose(resource: PackageResources.vanishing_en_yaml, source: "vanishing.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// The three nets, the book's settings: SGD lr 0.01, batch 64, 500 steps.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        let steps = s.steps(500, quick: 60)
        var plan = RecordingPlan.lean(histogramsEvery: max(1, steps / 10))
        plan.statsQuantities = [.activation, .weightGradient, .weight, .update]
        let nets: [(String, String, Activation, Initializer)] = [("sigmoid-xavier", "sigmoid + Xavier", .sigmoid, .bookXavier),
                                                                 ("tanh-xavier", "tanh + Xavier", .tanh, .bookXavier),
                                                                 ("relu-he", "ReLU + He", .relu, .bookHe)]
        return nets.map { name, label, act, ini in
            RunSpec(name: "vanishing/\(name)", study: id, label: label, hidden: s.hidden ?? Array(repeating: 64, count: 10),
                    activation: act, initializer: ini, optimizer: .sgd, learningRate: s.learningRate ?? 0.01, steps: steps,
                    batchSize: s.batchSize ?? 64, seed: s.seed, plan: plan, evaluateEvery: max(1, steps / 5))
        }
    }

    /// The section: σ and its slope, per-layer gradient norms, a heatmap, norms by depth, losses.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        // With repeats (other seeds), the figures show each net's first seed.
        let runs = Repeats.primaries(byStudy["vanishing"] ?? [])
        let figures = VanishingFigures(prose: prose, runs: runs)
        let ratios = runs.map(GradientRatio.init)
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: try findings(ratios),
                       figures: [try figures.derivative(), try figures.gradientNorms(), try figures.heatmap(),
                                 try figures.byDepth(), try figures.loss()],
                       facts: try facts(runs, ratios), diagnoses: runs.map { ($0.name, Diagnoses.all($0)) }, settings: SettingsTable.rows(runs),
                       notes: try BookDepartures.notes(BookDepartures.training + ["same_weights"]))
    }

    func facts(_ runs: [EventStore.Run], _ ratios: [GradientRatio]) throws -> [Fact] {
        var facts: [Fact] = []
        for r in ratios {
            facts.append(Fact(try prose.text("fact.ratio_start", ["run": r.run]), r.atStart))
            facts.append(Fact(try prose.text("fact.ratio_means", ["run": r.run]), r.ofMeans))
        }
        for r in runs {
            facts.append(r.finalLossFact)
            facts.append(r.accuracyFact)
        }
        return facts
    }

    func findings(_ ratios: [GradientRatio]) throws -> [String] {
        guard let sig = ratios.first(where: { $0.run.contains("sigmoid") }), let relu = ratios.first(where: { $0.run.contains("relu") }) else {
            return []
        }
        let values = ["sigmoid": formatNumber(sig.ofMeans, significant: 2), "relu": formatNumber(relu.ofMeans, significant: 2),
                      "gap": formatNumber(relu.ofMeans / sig.ofMeans, significant: 2), "threshold": formatNumber(Diagnoses.vanishingRatio)]
        let contrast = sig.ofMeans < Diagnoses.vanishingRatio && relu.ofMeans >= Diagnoses.vanishingRatio
        return [try prose.text(contrast ? "finding.contrast" : "finding.no_contrast", values)]
    }
}

/// The first layer's gradient norm over the last hidden layer's, at step 0 and of the means.
struct GradientRatio {
    var run: String
    var atStart: Double
    var ofMeans: Double

    init(_ r: EventStore.Run) {
        let layers = r.layers(with: .weightGradient)
        let first = r.stats[layers.first ?? ""]?[.weightGradient]?.first?.l2 ?? .nan
        let lastHidden = layers.count > 2 ? layers[layers.count - 2] : layers.last ?? ""
        run = r.name
        atStart = first / (r.stats[lastHidden]?[.weightGradient]?.first?.l2 ?? .nan)
        ofMeans = Diagnoses.vanishing(r).value ?? .nan
    }
}

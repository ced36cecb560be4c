import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNRecorder
import NNReport

/// Batch normalisation (book 6.3.2, figures 6-18 and 6-19): the same net with and without batch
/// norm, from 16 initial weight scales, on the same weights' draws and the same mini-batches.
public struct BatchNormStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "batchnorm"
    /// The runs of both nets.
    public let eventStudies = ["batchnorm"]
    let prose = Prose(resource: PackageResources.batchnorm_en_yaml, source: "batchnorm.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// The book's 16 weight scales: `np.logspace(0, -4, num=16)`, 1 down to 10⁻⁴.
    public static let scales = (0..<16).map { pow(10, -4 * Double($0) / 15) }

    /// The run name of scale number `k` (from 1), with or without batch norm.
    static func name(_ k: Int, batchNorm: Bool) -> String { "batchnorm/\(batchNorm ? "bn" : "plain")-\(k < 10 ? "0" : "")\(k)" }

    /// The book's settings: the first 1000 training images, 5 hidden layers of 100 ReLU, weights
    /// N(0, scale²), SGD lr 0.01, batch 100, 20 epochs; the training accuracy on all 1000 images
    /// after every epoch; batch norm with the book's momentum 0.9 and ε 10⁻⁶.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        let epochs = s.epochs(20, quick: 4)
        var plan = RecordingPlan.scalarsOnly
        plan.stepScalarsEvery = 0
        return Self.scales.enumerated().flatMap { k, scale in
            [true, false].map { bn -> RunSpec in
                let label = "\(bn ? "batch norm" : "plain"), std \(formatNumber(scale, significant: 3))"
                var spec = RunSpec(name: Self.name(k + 1, batchNorm: bn), study: id, label: label,
                                   hidden: s.hidden ?? Array(repeating: 100, count: 5), activation: .relu, initializer: .normal(std: scale),
                                   optimizer: .sgd, learningRate: s.learningRate ?? 0.01, steps: 0, batchSize: s.batchSize ?? 100,
                                   seed: s.seed, plan: plan)
                spec.batchNorm = bn
                spec.batchNormMomentum = 0.9
                spec.batchNormEpsilon = 1e-6
                spec.trainSamples = 1000
                spec.trainEvaluationSamples = 1000
                spec.validationSamples = 100
                spec.epochs = epochs
                return spec
            }
        }
    }

    /// The section: the 4 x 4 grid of training accuracies, the final accuracy against the scale.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let runs = byStudy["batchnorm"] ?? []
        let pairs = BatchNormPairs(runs)
        let figures = BatchNormFigures(prose: prose, pairs: pairs)
        var out = SectionParts()
        out.figures = [try figures.grid(), try figures.summary()]
        try figures.verdicts(into: &out)
        let diagnoses = try pairs.pairs.compactMap { p -> (run: String, results: [Diagnosis])? in
            guard let bn = p.bn.first, let plain = p.plain.first else { return nil }
            return (try prose.text("diagnosis.pair", ["scale": figures.scaleText(p.scale)]),
                    [Diagnoses.batchNormRescue(withBatchNorm: bn, without: plain), Diagnoses.divergence(plain), Diagnoses.divergence(bn)])
        }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: diagnoses, settings: prose.settingsRows(Repeats.primaries(runs)),
                       notes: try BookDepartures.notes(["same_weights"]) + [try prose.text("departure.epochs"), try prose.text("departure.eval")])
    }
}

/// The runs of the study as pairs: for each weight scale, the runs with and without batch norm
/// (each a run and its repeats), ordered from the largest scale.
struct BatchNormPairs {
    struct Pair {
        var scale: Double
        var bn: [EventStore.Run]
        var plain: [EventStore.Run]
    }
    var pairs: [Pair] = []

    init(_ runs: [EventStore.Run]) {
        var byScale: [Double: Pair] = [:]
        for group in Repeats.groups(runs) {
            guard let first = group.first, let scale = Self.scale(first) else { continue }
            var p = byScale[scale] ?? Pair(scale: scale, bn: [], plain: [])
            if first.start?.layers.contains(where: { $0.kind == "batch_norm" }) == true { p.bn = group } else { p.plain = group }
            byScale[scale] = p
        }
        pairs = byScale.values.sorted { $0.scale > $1.scale }
    }

    /// The std of the first layer's weights, from its initialiser's name (`std=0.01`).
    static func scale(_ r: EventStore.Run) -> Double? {
        guard let ini = r.start?.layers.first?.initializer, ini.hasPrefix("std=") else { return nil }
        return Double(ini.dropFirst(4))
    }
}

import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNRecorder
import NNReport

/// Overfitting and its cures (book 6.4, figures 6-20, 6-21 and 6-23): a 6-layer net on 300
/// images with no regularisation, weight decay and dropout; then early stopping on the same
/// net, and the notes' Keras example: a regression net with `EarlyStopping(patience=10,
/// restore_best_weights=True)`.
public struct RegularizationStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "regularization"
    /// The regularised nets, the early-stopping run and the regression example.
    public let eventStudies = ["regularization", "early-stopping", "regression"]
    let prose = Prose(resource: PackageResources.regularization_en_yaml, source: "regularization.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// The net the book overfits: the first 300 training images, 6 hidden layers of 100 ReLU
    /// (He), SGD lr 0.01, batch 100, 200 epochs, evaluated after every epoch on all 300
    /// training images and on the validation set.
    func overfittingNet(_ name: String, study: String, label: String, _ s: StudySettings) -> RunSpec {
        var plan = RecordingPlan.scalarsOnly
        plan.stepScalarsEvery = 0
        var spec = RunSpec(name: name, study: study, label: label, hidden: s.hidden ?? Array(repeating: 100, count: 6), activation: .relu,
                           initializer: .bookHe, optimizer: .sgd, learningRate: s.learningRate ?? 0.01, steps: 0,
                           batchSize: s.batchSize ?? 100, seed: s.seed, plan: plan)
        spec.trainSamples = 300
        spec.trainEvaluationSamples = 300
        spec.epochs = s.epochs(200, quick: 30)
        return spec
    }

    /// The four nets, the early-stopping run, the regression example.
    public func runs(_ s: StudySettings) -> [RunSpec] {
        var none = overfittingNet("regularization/none", study: id, label: "no regularisation", s)
        var decay = overfittingNet("regularization/weight-decay", study: id, label: "weight decay 0.1", s)
        decay.weightDecay = 0.1
        let dropouts = [0.15, 0.2].map { rate -> RunSpec in
            var d = overfittingNet("regularization/dropout-\(rate)", study: id, label: "dropout \(rate)", s)
            d.dropout = rate
            return d
        }
        var stopping = overfittingNet("early-stopping/none", study: "early-stopping", label: "early stopping", s)
        stopping.earlyStopping = EarlyStoppingSpec(monitor: "val_loss", patience: 10, restoreBestWeights: true)
        none.label = "no regularisation"
        return [none, decay] + dropouts + [stopping, regression(s)]
    }

    /// The notes' Keras example: `Dense(30, relu)`, `Dense(1)`, loss mse, SGD lr 10⁻³, 100
    /// epochs of shuffled batches of 32 (Keras' default), `EarlyStopping(patience=10,
    /// restore_best_weights=True)`, on the generated Friedman #1 set.
    func regression(_ s: StudySettings) -> RunSpec {
        var plan = RecordingPlan.scalarsOnly
        plan.stepScalarsEvery = 0
        var spec = RunSpec(name: "regression/keras-example", study: "regression", label: "Dense(30, relu) + Dense(1), mse", hidden: [30],
                           activation: .relu, initializer: .glorotUniform, optimizer: .sgd, learningRate: 1e-3, steps: 0, batchSize: 32,
                           seed: s.seed, plan: plan)
        spec.data = .friedman1
        spec.loss = .mse
        spec.epochs = s.epochs(100, quick: 30)
        spec.shuffle = true
        spec.earlyStopping = EarlyStoppingSpec(monitor: "val_loss", patience: 10, restoreBestWeights: true)
        return spec
    }

    /// The section: train and validation curves of the four nets, their gaps, early stopping, the regression example.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let nets = byStudy["regularization"] ?? [], stopping = byStudy["early-stopping"] ?? [], regression = byStudy["regression"] ?? []
        // The book's order, whatever order the event files were read in; other runs after.
        let order = ["none", "weight-decay", "dropout-0.15", "dropout-0.2"]
        let groups = Repeats.groups(nets).sorted { a, b in
            (order.firstIndex(of: a[0].shortName) ?? order.count, a[0].name) < (order.firstIndex(of: b[0].shortName) ?? order.count, b[0].name)
        }
        let figures = RegularizationFigures(prose: prose, groups: groups)
        var out = SectionParts()
        if !nets.isEmpty {
            out.figures += [try figures.curves(), try figures.gaps()]
            try figures.facts(into: &out)
        }
        let stop = EarlyStoppingFigures(prose: prose)
        if !stopping.isEmpty { try stop.overfitting(stopping, full: nets.filter { Repeats.baseName($0.name) == "regularization/none" }, into: &out) }
        if !regression.isEmpty { try stop.regression(regression, into: &out) }
        let all = nets + stopping + regression
        let diagnosed = Repeats.primaries(all)
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: diagnosed.map { ($0.name, Diagnoses.training($0) + [Diagnoses.overfitting($0), Diagnoses.divergence($0)]) },
                       settings: prose.settingsRows(diagnosed), notes: [try prose.text("departure.validation"), try prose.text("departure.dropout")])
    }
}

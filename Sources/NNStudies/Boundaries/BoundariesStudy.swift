import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport

/// Decision boundaries on TF-Playground-style 2-D data (circle, xor, gauss, spiral, moons):
/// nets with 0–3 hidden layers and with linear, sigmoid, tanh and ReLU units, their decision
/// regions, held-out accuracy and losses.
public struct BoundariesStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "boundaries"
    /// The nets, and the data sets' points.
    public let eventStudies = ["boundaries", "boundaries-data"]
    let prose = Prose(resource: PackageResources.boundaries_en_yaml, source: "boundaries.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// Nothing trained on MNIST.
    public func runs(_ s: StudySettings) -> [RunSpec] { [] }

    /// The sets and the 35 nets (7 per set). Only the seed matters: they run in full even with
    /// `--quick`, and the config's steps, batch size, rate and hidden sizes are for the MNIST runs.
    public func staticEvents(_ s: StudySettings) -> [Event] {
        // The engine's shapes are fixed and valid here; a failure would be a bug, shown as a missing section part.
        (try? BoundaryNets.events(seed: s.seed)) ?? []
    }

    /// The section: the data, one grid of decision regions per set, accuracies and losses.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        // Runs in the study's order whatever order the event files were read in: the same report from saved events.
        let known = BoundaryNets.sets.map(\.rawValue), netOrder = BoundaryNets.nets.map(\.name)
        func rank(_ v: String, _ order: [String]) -> Int { order.firstIndex(of: v) ?? order.count }
        let dataRuns = (byStudy["boundaries-data"] ?? []).sorted { (rank($0.label, known), $0.label) < (rank($1.label, known), $1.label) }
        let records = (byStudy["boundaries"] ?? []).map(BoundaryRecord.init).sorted {
            (rank($0.set, known), $0.set, rank($0.net, netOrder), $0.net) < (rank($1.set, known), $1.set, rank($1.net, netOrder), $1.net)
        }
        let netRuns = records.map(\.run)
        let sets = known.filter { s in records.contains { $0.set == s } } + Set(records.map(\.set)).subtracting(known).sorted()
        let figures = BoundaryFigures(prose: prose)
        var out = SectionParts()
        if !dataRuns.isEmpty { out.figures.append(try figures.data(dataRuns)) }
        for s in sets {
            let train = dataRuns.first { $0.label == s }?.points.first { $0.name == "train" }
            if let f = try figures.grid(s, train: train, nets: records.filter { $0.set == s }) { out.figures.append(f) }
        }
        if !records.isEmpty {
            out.figures += [try figures.accuracy(sets, records), try figures.loss(sets, records)]
            try figures.facts(sets, records, into: &out)
        }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: netRuns.map { ($0.name, Diagnoses.all($0)) }, settings: prose.settingsRows(netRuns) { r in
                           prose.line("settings.data", ["set": BoundaryRecord(r).set, "noise": formatNumber(BoundaryNets.noise)]) },
                       notes: [try prose.text("notes.settings")])
    }
}

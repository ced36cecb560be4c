import Foundation
import NNEngine
import NNEvents
import NNReport

/// Feature scaling: gradient descent on a linear regression with two features whose scales
/// differ tenfold, on the raw features and on standardised ones: the paths over the loss's
/// contours (an elongated bowl and a round one), steps to converge, losses.
public struct ScalingStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "scaling"
    /// The two gradient-descent runs.
    public let eventStudies = ["scaling"]
    let prose = Prose(resource: PackageResources.scaling_en_yaml, source: "scaling.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// Nothing trained on MNIST.
    public func runs(_ s: StudySettings) -> [RunSpec] { [] }

    /// The raw and the standardised run. Only the seed matters (see the section's notes).
    public func staticEvents(_ s: StudySettings) -> [Event] {
        // The engine's shapes are fixed and valid here; a failure would be a bug, shown as a missing section part.
        (try? ScalingRuns.events(seed: s.seed)) ?? []
    }

    /// The section: paths over the contours, losses and distances to the least-squares weights.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        // Raw first, whatever order the event files were read in.
        func rank(_ r: EventStore.Run) -> Int { ScalingRuns.runs.firstIndex(of: r.name) ?? ScalingRuns.runs.count }
        let runs = (byStudy["scaling"] ?? []).sorted { (rank($0), $0.name) < (rank($1), $1.name) }
        let records = runs.map(ScalingRecord.init)
        let figures = ScalingFigures(prose: prose)
        var out = SectionParts()
        if !records.isEmpty {
            out.figures = [try figures.paths(records), try figures.loss(records)]
            try figures.facts(records, into: &out)
        }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: runs.map { ($0.name, Diagnoses.all($0)) }, settings: prose.settingsRows(runs) { r in
                           prose.line("settings.data", ["samples": "\(r.start?.splits["train"] ?? 0)"]) },
                       notes: [try prose.text("notes.settings")])
    }
}

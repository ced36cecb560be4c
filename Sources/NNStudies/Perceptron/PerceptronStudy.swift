import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport

/// The perceptron: Rosenblatt's rule learning AND, OR and NAND from their four inputs, failing
/// on XOR, and a 2-2-1 sigmoid net that solves XOR (the course notes' first lessons).
public struct PerceptronStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "perceptron"
    /// The gates learned by the rule, and the 2-2-1 net on XOR.
    public let eventStudies = ["perceptron-gates", "perceptron-xor-net"]
    let prose = Prose(resource: PackageResources.perceptron_en_yaml, source: "perceptron.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// Nothing trained on MNIST.
    public func runs(_ s: StudySettings) -> [RunSpec] { [] }

    /// The four gates and the XOR net. Only the seed matters: these are small enough to run in
    /// full even with `--quick`, and the config's steps, batch size, rate and hidden sizes are
    /// for the MNIST runs.
    public func staticEvents(_ s: StudySettings) -> [Event] {
        let gates = PerceptronRuns.gates.flatMap { PerceptronRuns.events($0, seed: s.seed) }
        // The engine's shapes are fixed and valid here; a failure would be a bug, shown as a missing section part.
        return gates + ((try? XORNet.events(seed: s.seed)) ?? [])
    }

    /// The section: the gates' lines epoch by epoch, mistakes, weights against the notes, the XOR net.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        // In the study's order whatever order the event files were read in: the same report from saved events.
        let order = PerceptronRuns.gates.map(PerceptronRuns.name)
        let gates = (byStudy["perceptron-gates"] ?? []).map(GateRecord.init).sorted {
            (order.firstIndex(of: $0.gate) ?? order.count, $0.gate) < (order.firstIndex(of: $1.gate) ?? order.count, $1.gate)
        }
        let nets = (byStudy["perceptron-xor-net"] ?? []).sorted { $0.name < $1.name }.map(XORNetRecord.init)
        let figures = PerceptronFigures(prose: prose)
        var out = SectionParts()
        if !gates.isEmpty {
            out.figures += [try figures.gateLines(gates), try figures.mistakes(gates), try figures.weights(gates)]
            try figures.gateFacts(gates, into: &out)
        }
        if !nets.isEmpty {
            if let last = nets.last, let f = try figures.xorNet(last, notes: gates) { out.figures.append(f) }
            out.figures.append(try figures.xorLoss(nets))
            try figures.netFacts(nets, into: &out)
        }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: nets.map { ($0.run.name, Diagnoses.all($0.run)) },
                       settings: settings(gates, nets.map(\.run)), notes: [try prose.text("notes.hand_set"), try prose.text("notes.settings")])
    }

    /// The gates' rows (epochs, not steps) and the nets' rows, under the shared header.
    func settings(_ gates: [GateRecord], _ nets: [EventStore.Run]) -> [[String]] {
        // The nets learn XOR's truth table: named in the report's language, as the gates' rows are.
        let table = prose.settingsRows(nets) { _ in prose.line("settings.data", ["gate": "XOR"]) }
        let rows = gates.map { g -> [String] in
            let s = g.run.start
            let rate = s?.optimizerSettings["learning_rate"].map { "learning_rate \(formatNumber($0))" } ?? ""
            return [g.run.name, prose.line("settings.model", [:]), s?.layers.first?.initializer ?? "", prose.line("settings.rule", [:]), rate, "1",
                    prose.line("settings.epochs", ["epochs": "\(g.epochs)"]), "\(s?.seed ?? 0)", prose.line("settings.data", ["gate": g.gate])]
        }
        return [table[0]] + rows + table.dropFirst()
    }
}

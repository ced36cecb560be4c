import Foundation
import NNEvents
import NNPlot
import NNReport

/// Backpropagation by the numbers: the course notes' worked examples (the three-layer forward
/// pass, the 2-2-2 network's gradients and one SGD step, the computational graphs) computed by
/// the engine and drawn, and a gradient check of a small network.
public struct BackpropStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "backprop"
    /// The run_start `study` of its runs.
    public let eventStudies = [BackpropExamples.study]
    let prose = Prose(resource: PackageResources.backprop_en_yaml, source: "backprop.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// No training runs: every part is computed in `staticEvents`.
    public func runs(_ settings: StudySettings) -> [RunSpec] { [] }

    /// The worked examples (fixed numbers from the notes) and the gradient check (seeded).
    public func staticEvents(_ s: StudySettings) -> [Event] { BackpropExamples.events() + BackpropCheck.events(seed: s.seed) }

    /// The section: forward pass, one step of the 2-2-2 network, the three graphs, the gradient check.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let runs = byStudy[BackpropExamples.study] ?? []
        func run(_ name: String) -> EventStore.Run? { runs.first { $0.name == name } }
        let figures = BackpropFigures(prose: prose), graphs = GraphFigures(prose: prose)
        var out = SectionParts()
        if let r = run(BackpropExamples.forwardRun) { out.figures.append(try figures.forwardPass(r)) }
        if let r = run(BackpropExamples.stepRun) { out.figures.append(try figures.oneStep(r)) }
        for layout in [GraphFigures.apples, GraphFigures.fruit, GraphFigures.sumProduct] {
            if let r = run(layout.run) { out.figures.append(try graphs.graph(layout, r)) }
        }
        if let r = run(BackpropCheck.run) { out.figures.append(try graphs.gradientCheck(r)) }
        try findings(run, into: &out)
        let stepRuns = [run(BackpropExamples.stepRun)].compactMap { $0 }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: [], settings: stepRuns.isEmpty ? [] : prose.settingsRows(stepRuns) { _ in prose.line("settings.data",
                           [:]) })
    }

    /// Facts and "what this run measured", one part per example present.
    func findings(_ run: (String) -> EventStore.Run?, into out: inout SectionParts) throws {
        func n(_ v: Double, _ decimals: Int) -> String { ClassroomStyle.fixed(v, decimals) }
        if let r = run(BackpropExamples.forwardRun) {
            let y = BackpropFigures.entries(r, "Y").map(\.value)
            for (k, v) in y.enumerated() { out.facts.append(Fact(try prose.text("fact.forward_y", ["k": "\(k + 1)"]), v, n(v, 10))) }
            out.findings.append(try prose.text("finding.forward", ["y": y.map { n($0, 10) }.joined(separator: ", "),
                                                                   "z1": BackpropFigures.entries(r, "Z1").map { n($0.value, 10) }.joined(separator: ", ")]))
        }
        if let r = run(BackpropExamples.stepRun) { try stepFindings(r, into: &out) }
        if let apples = run(BackpropGraphs.apples), let sum = run(BackpropGraphs.sumProduct) {
            func v(_ r: EventStore.Run, _ name: String) -> Double { ClassroomStyle.value(r, name) }
            out.facts.append(Fact(try prose.text("fact.apples_total"), v(apples, "value/total")))
            out.facts.append(Fact(try prose.text("fact.apples_d_price"), v(apples, "grad/apple_price")))
            out.facts.append(Fact(try prose.text("fact.sum_product_db"), v(sum, "grad/b")))
            if let fruit = run(BackpropGraphs.fruit) {
                out.facts.append(Fact(try prose.text("fact.fruit_total"), v(fruit, "value/total")))
                out.facts.append(Fact(try prose.text("fact.fruit_d_tax"), v(fruit, "grad/tax")))
            }
            out.findings.append(try prose.text("finding.graphs", [
                "d_price": n(v(apples, "grad/apple_price"), 6), "d_tax": n(v(apples, "grad/tax"), 6), "db": n(v(sum, "grad/b"), 6),
                "db_c": n(v(sum, "grad/b_via_c"), 6), "db_d": n(v(sum, "grad/b_via_d"), 6),
            ]))
        }
        if let r = run(BackpropCheck.run) { try checkFindings(r, into: &out) }
    }

    /// The update of the 2-2-2 network: E before and after, and how much smaller the first layer's gradients are.
    func stepFindings(_ r: EventStore.Run, into out: inout SectionParts) throws {
        func v(_ name: String, step: Int = 0) -> Double { ClassroomStyle.value(r, name, step: step) }
        let e0 = v("E"), e1 = v("E", step: 1)
        out.facts.append(Fact(try prose.text("fact.e_before"), e0, ClassroomStyle.fixed(e0, 8)))
        out.facts.append(Fact(try prose.text("fact.e_after"), e1, ClassroomStyle.fixed(e1, 8)))
        let hidden = (1...4).map { abs(v("dE/dw\($0)")) }.reduce(0, +) / 4, output = (5...8).map { abs(v("dE/dw\($0)")) }.reduce(0, +) / 4
        out.facts.append(Fact(try prose.text("fact.gradient_ratio"), output / hidden))
        out.findings.append(try prose.text(e1 < e0 ? "finding.step" : "finding.step_up", [
            "w5": ClassroomStyle.given(v("w5")), "w5_after": ClassroomStyle.fixed(v("w5", step: 1), 8),
            "g5": ClassroomStyle.fixed(v("dE/dw5"), 8), "rate": ClassroomStyle.given(r.start?.optimizerSettings["learning_rate"] ?? .nan),
            "e0": ClassroomStyle.fixed(e0, 8), "e1": ClassroomStyle.fixed(e1, 8), "ratio": formatNumber(output / hidden, significant: 2),
        ]))
    }

    /// The gradient check: the largest relative error, and where the ε sweep is best.
    func checkFindings(_ r: EventStore.Run, into out: inout SectionParts) throws {
        let errors = r.scalars.keys.filter { $0.hasPrefix("relative_error/") }.sorted().map { ClassroomStyle.value(r, $0) }
        let worst = errors.max() ?? .nan, epsilon = ClassroomStyle.value(r, "epsilon")
        out.facts.append(Fact(try prose.text("fact.check_worst", ["epsilon": formatNumber(epsilon, significant: 1)]), worst))
        var values = ["worst": formatNumber(worst, significant: 2), "count": "\(errors.count)", "epsilon": formatNumber(epsilon, significant: 1),
                      "parameters": "\(r.start?.parameterCount ?? 0)"]
        if let c = r.curves.first(where: { $0.name == "max_relative_error" }), let best = c.y.indices.min(by: { c.y[$0] < c.y[$1] }),
           let smallest = c.x.indices.min(by: { c.x[$0] < c.x[$1] }), let largest = c.x.indices.max(by: { c.x[$0] < c.x[$1] }) {
            out.facts.append(Fact(try prose.text("fact.check_best"), c.x[best]))
            values["best_epsilon"] = formatNumber(c.x[best], significant: 1)
            values["best_error"] = formatNumber(c.y[best], significant: 2)
            values["small_epsilon"] = formatNumber(c.x[smallest], significant: 1)
            values["small_error"] = formatNumber(c.y[smallest], significant: 2)
            values["large_epsilon"] = formatNumber(c.x[largest], significant: 1)
            values["large_error"] = formatNumber(c.y[largest], significant: 2)
            out.findings.append(try prose.text(worst < 1e-7 ? "finding.check" : "finding.check_mismatch", values))
        }
    }
}

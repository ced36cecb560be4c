import Foundation
import NNEvents
import NNPlot
import NNReport

/// Activation functions and the output layer: the notes' activations and their derivatives as
/// the engine computes them, softmax's overflow and its fix, cross-entropy, and why accuracy
/// cannot be the loss.
public struct ActivationsStudy: Study {
    /// The study's name on the command line and in configs.
    public let id = "activations"
    /// The run_start `study` of its runs.
    public let eventStudies = [ActivationEvents.study]
    let prose = Prose(resource: PackageResources.activations_en_yaml, source: "activations.en.yaml")

    /// The study.
    public init() {}

    /// One line for `nnviz studies`.
    public var summary: String { prose.line("summary", or: id) }

    /// No MNIST runs: the small classifier trains inside `staticEvents`.
    public func runs(_ settings: StudySettings) -> [RunSpec] { [] }

    /// Curves, the softmax example, cross-entropy, and the classifier's weight line (seeded).
    public func staticEvents(_ s: StudySettings) -> [Event] { ActivationEvents.events(seed: s.seed) }

    /// The section: activations, softmax overflow, cross-entropy, accuracy against loss.
    public func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let runs = byStudy[ActivationEvents.study] ?? []
        func run(_ name: String) -> EventStore.Run? { runs.first { $0.name == name } }
        let figures = ActivationsFigures(prose: prose)
        var out = SectionParts()
        if let r = run(ActivationEvents.functionsRun) {
            out.figures.append(try figures.functions(r))
            try derivativeFindings(r, into: &out)
        }
        if let r = run(ActivationEvents.softmaxRun) {
            out.figures.append(try figures.softmax(r))
            try softmaxFindings(r, into: &out)
        }
        if let r = run(ActivationEvents.crossEntropyRun) {
            out.figures.append(try figures.crossEntropy(r))
            try crossEntropyFindings(r, into: &out)
        }
        let line = run(AccuracyLine.run)
        if let r = line, let f = try figures.accuracyLine(r) {
            out.figures.append(f)
            try accuracyFindings(r, into: &out)
        }
        return Section(id: id, title: try prose.text("title"), intro: try prose.text("intro"), findings: out.findings, figures: out.figures,
                       facts: out.facts, diagnoses: [], settings: line.map { prose.settingsRows([$0]) { r in prose.line("settings.data",
                           ["samples": "\(r.start?.splits["train"] ?? 0)", "seed": "\(r.start?.seed ?? 0)"]) } } ?? [])
    }

    /// Which derivatives are zero everywhere, and the peaks of sigmoid′ and tanh′.
    func derivativeFindings(_ r: EventStore.Run, into out: inout SectionParts) throws {
        let slopes = r.curves.filter { $0.name.hasSuffix("'") }
        let flat = slopes.filter { $0.y.allSatisfy { $0 == 0 } }.map { ActivationsFigures(prose: prose).displayName(String($0.name.dropLast()), short: true) }
        func peak(_ name: String) -> Double { r.curves.first { $0.name == name + "'" }?.y.max() ?? .nan }
        let figures = ActivationsFigures(prose: prose)
        for c in slopes {
            out.facts.append(Fact(try prose.text("fact.largest_slope", ["name": figures.displayName(String(c.name.dropLast()), short: true) + "′"]), c.y.max()))
        }
        out.findings.append(try prose.text("finding.derivatives", [
            "flat": flat.isEmpty ? try prose.text("finding.none") : flat.joined(separator: try prose.text("finding.and")),
                "points": "\(slopes.first?.x.count ?? 0)",
            "sigmoid": formatNumber(peak("sigmoid"), significant: 3), "tanh": formatNumber(peak("tanh"), significant: 3),
        ]))
    }

    /// The overflow and the stable values.
    func softmaxFindings(_ r: EventStore.Run, into out: inout SectionParts) throws {
        func v(_ n: String) -> Double { ClassroomStyle.value(r, n) }
        let naive = (1...3).map { ClassroomStyle.fixed(v("naive/softmax[\($0)]"), 0) }
        let stable = (1...3).map { v("stable/softmax[\($0)]") }
        for (k, p) in stable.enumerated() { out.facts.append(Fact(try prose.text("fact.softmax_stable", ["k": "\(k + 1)"]), p)) }
        out.facts.append(Fact(try prose.text("fact.largest_exp"), v("float64/largest_exp_argument")))
        let key = v("naive/exp[1]").isFinite ? "finding.softmax_no_overflow" : "finding.softmax"
        out.findings.append(try prose.text(key, [
            "exp": ClassroomStyle.fixed(v("naive/exp[1]"), 0), "limit": formatNumber(v("float64/largest_exp_argument"), significant: 5),
            "naive": naive.joined(separator: ", "), "stable": stable.map { String(format: "%.8e", $0) }.joined(separator: ", "),
            "sum": formatNumber(v("stable/softmax_sum"), significant: 6),
        ]))
    }

    func crossEntropyFindings(_ r: EventStore.Run, into out: inout SectionParts) throws {
        var values: [String: String] = [:]
        for p in ActivationEvents.probabilities {
            let l = ClassroomStyle.value(r, "cross_entropy(p=\(p))"), g = ClassroomStyle.value(r, "gradient(p=\(p))")
            out.facts.append(Fact(try prose.text("fact.cross_entropy", ["p": "\(p)"]), l))
            let key = "\(p)".replacingOccurrences(of: ".", with: "_")
            values["ce_\(key)"] = formatNumber(l, significant: 3)
            values["g_\(key)"] = formatNumber(g, significant: 3)
            values["s_\(key)"] = formatNumber(ClassroomStyle.value(r, "squared_error_gradient(p=\(p))"), significant: 3)
        }
        out.findings.append(try prose.text("finding.cross_entropy", values))
    }

    /// How flat accuracy is along the line, against the loss.
    func accuracyFindings(_ r: EventStore.Run, into out: inout SectionParts) throws {
        guard let acc = r.curves.first(where: { $0.name == "accuracy" }), let accSlope = r.curves.first(where: { $0.name == "accuracy slope" }),
              let lossSlope = r.curves.first(where: { $0.name == "loss slope" }) else { return }
        let n = accSlope.y.count
        let accZero = accSlope.y.filter { $0 == 0 }.count, lossZero = lossSlope.y.filter { $0 == 0 }.count
        let levels = Set(acc.y).count
        out.facts.append(Fact(try prose.text("fact.classifier_accuracy", ["steps": "\(AccuracyLine.steps)"]), r.values("train/batch_accuracy").last))
        out.facts.append(Fact(try prose.text("fact.accuracy_flat"), Double(accZero), try prose.text("fact.of", ["count": "\(accZero)", "total": "\(n)"])))
        out.facts.append(Fact(try prose.text("fact.loss_flat"), Double(lossZero), try prose.text("fact.of", ["count": "\(lossZero)", "total": "\(n)"])))
        out.facts.append(Fact(try prose.text("fact.accuracy_levels"), Double(levels)))
        let values = ["points": "\(n)", "acc_zero": "\(accZero)", "acc_percent": formatNumber(100 * Double(accZero) / Double(max(n, 1)), significant: 3),
                      "loss_zero": "\(lossZero)", "levels": "\(levels)", "low": formatNumber(acc.x.first ?? .nan, significant: 3),
                      "high": formatNumber(acc.x.last ?? .nan, significant: 3), "weight": AccuracyLine.weight]
        out.findings.append(try prose.text(accZero > n / 2 && lossZero < n / 10 ? "finding.accuracy" : "finding.accuracy_unexpected", values))
    }
}

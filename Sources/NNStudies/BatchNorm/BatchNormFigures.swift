import Foundation
import NNEvents
import NNPlot
import NNReport

/// The batch-norm study's figures, facts and findings.
struct BatchNormFigures {
    let prose: Prose
    let pairs: BatchNormPairs

    /// Batch norm's colour and the plain net's, in every figure.
    static let colors = (bn: Theme.okabeIto[0], plain: Theme.okabeIto[1])
    /// Final training accuracies closer than this are a tie.
    static let tie = 0.05

    func scaleText(_ v: Double) -> String { formatNumber(v, significant: 2) }

    /// Each run's final training accuracy; a run that diverged (NaN or ∞) counts as chance, 10 %.
    static func finals(_ group: [EventStore.Run]) -> [Double] {
        group.map { $0.end?.status == "diverged" ? 0.1 : ($0.values("train/accuracy").last ?? .nan) }
    }

    /// The training accuracy of both nets at each scale: 16 panels, shared axes, one legend.
    func grid() throws -> FigureOutput {
        var rows: [[String]] = []
        var axes: [Axes] = []
        for (k, p) in pairs.pairs.enumerated() {
            var a = Axes(title: try prose.text("grid.panel", ["scale": scaleText(p.scale)]),
                         xLabel: k >= pairs.pairs.count - 4 ? try prose.text("axis.epoch") : nil,
                         yLabel: k % 4 == 0 ? try prose.text("axis.train_accuracy") : nil, yLimits: 0...1)
            a.legend = k == 0
            for (group, bn) in [(p.bn, true), (p.plain, false)] where !group.isEmpty {
                let series = EpochSeries(group, "train/accuracy")
                let color = bn ? Self.colors.bn : Self.colors.plain
                let label = k == 0 ? try prose.text(bn ? "legend.bn" : "legend.plain") : nil
                a.marks += series.marks(label: label, color: color, dash: bn ? .solid : .dashed, width: 1.6)
                rows += series.rows(group[0].name, "train/accuracy")
                a.marks += try divergenceMarks(group, color: color)
            }
            axes.append(a)
        }
        let figure = Figure(title: try prose.text("grid.title"), width: 900, height: 820, rows: (axes.count + 3) / 4, columns: 4,
                            axes: axes, sharedX: true, sharedY: true)
        return FigureOutput(name: "batchnorm_grid", caption: try prose.text("grid.caption", seedValues()), figure: figure,
                            csv: CSVTable.text(EpochSeries.header, rows))
    }

    /// A cross at chance level in the epoch where the group's first diverging run stopped, and
    /// the step, or how many seeds diverged.
    func divergenceMarks(_ group: [EventStore.Run], color: Color) throws -> [Mark] {
        let diverged = group.compactMap { r in r.end.flatMap { $0.status == "diverged" ? $0 : nil } }
        guard let first = diverged.min(by: { $0.step < $1.step }) else { return [] }
        let x = Double((first.epoch ?? 0) + 1)
        let text = group.count > 1 ? try prose.text("grid.diverged_seeds", ["count": "\(diverged.count)", "seeds": "\(group.count)"])
            : try prose.text("grid.diverged", ["step": "\(first.step)"])
        return [.scatter(ScatterMark(x: [x], y: [0.1], color: color, size: 5, marker: .cross)),
                .text(TextMark(x: x, y: 0.1, text: text, anchor: .left, color: color))]
    }

    /// The band's meaning, for captions.
    func seedValues() throws -> [String: String] {
        let seeds = pairs.pairs.first?.bn.count ?? 1
        return ["band": seeds > 1 ? try prose.text("band", ["seeds": "\(seeds)"]) : ""]
    }

    /// The final training accuracy of each net against the weight scale (log x).
    func summary() throws -> FigureOutput {
        var a = Axes(title: try prose.text("summary.title"), xLabel: try prose.text("axis.scale"), yLabel: try prose.text("axis.final_accuracy"),
                     xScale: .log, yLimits: 0...1)
        var rows: [[String]] = []
        for bn in [true, false] {
            let groups = pairs.pairs.map { bn ? $0.bn : $0.plain }
            let finals = groups.map(Self.finals)
            let x = pairs.pairs.map(\.scale), y = finals.map(finiteMean)
            let color = bn ? Self.colors.bn : Self.colors.plain
            if finals.contains(where: { $0.count > 1 }) {
                a.marks.append(.band(BandMark(x: x, lower: finals.map { $0.filter(\.isFinite).min() ?? .nan },
                                              upper: finals.map { $0.filter(\.isFinite).max() ?? .nan }, color: color, opacity: 0.18)))
            }
            a.marks.append(.line(LineMark(x: x, y: y, label: try prose.text(bn ? "legend.bn" : "legend.plain"), color: color, width: 1.8,
                                          dash: bn ? .solid : .dashed, marker: bn ? .circle : .square)))
            let crossed = pairs.pairs.indices.filter { k in (bn ? pairs.pairs[k].bn : pairs.pairs[k].plain).contains { $0.end?.status == "diverged" } }
            if !crossed.isEmpty {
                a.marks.append(.scatter(ScatterMark(x: crossed.map { x[$0] }, y: crossed.map { y[$0] }, label: try prose.text("summary.diverged"),
                                                    color: color, size: 6, marker: .cross)))
            }
            rows += zip(x, finals).map { [bn ? "batch_norm" : "plain", CSVTable.number($0), CSVTable.number(finiteMean($1))] }
        }
        a.referenceLines = [ReferenceLine(.horizontal, at: 0.1, label: try prose.text("summary.chance"))]
        return FigureOutput(name: "batchnorm_final_accuracy", caption: try prose.text("summary.caption", seedValues()),
                            figure: Figure(width: 640, height: 360, axes: [a]), csv: CSVTable.text(["net", "weight_std", "final_train_accuracy"], rows))
    }

    /// Wins, ties and losses of batch norm by scale, as facts and a finding.
    func verdicts(into out: inout SectionParts) throws {
        var wins: [String] = [], ties: [String] = [], losses: [String] = [], mixed: [String] = []
        var rescued: [String] = []
        for p in pairs.pairs {
            let bn = Self.finals(p.bn), plain = Self.finals(p.plain)
            let d = zip(bn, plain).map { $0 - $1 }
            let verdicts = d.map { $0 > Self.tie ? 1 : ($0 < -Self.tie ? -1 : 0) }
            let s = scaleText(p.scale)
            let mean = finiteMean(d)
            switch (verdicts.allSatisfy { $0 == verdicts.first }, mean) {
            case (false, _): mixed.append("\(s) (\(verdicts.filter { $0 > 0 }.count)/\(verdicts.count))")
            case (true, let m) where m > Self.tie: wins.append(s)
            case (true, let m) where m < -Self.tie: losses.append(s)
            default: ties.append(s)
            }
            if let b = p.bn.first, let q = p.plain.first, Diagnoses.batchNormRescue(withBatchNorm: b, without: q).fired { rescued.append(s) }
            out.facts.append(Fact(try prose.text("fact.scale", ["scale": s]), finiteMean(bn),
                                  try prose.text("fact.scale_value", ["bn": Repeats.spread(bn, scale: 100, unit: " %"),
                                                                      "plain": Repeats.spread(plain, scale: 100, unit: " %")])))
        }
        let none = try prose.text("fact.none")
        func list(_ v: [String]) -> String { v.isEmpty ? none : v.joined(separator: ", ") }
        out.facts.insert(contentsOf: [Fact(try prose.text("fact.wins"), Double(wins.count), "\(wins.count): \(list(wins))"),
                                      Fact(try prose.text("fact.ties"), Double(ties.count), "\(ties.count): \(list(ties))"),
                                      Fact(try prose.text("fact.losses"), Double(losses.count), "\(losses.count): \(list(losses))")], at: 0)
        if !mixed.isEmpty { out.facts.insert(Fact(try prose.text("fact.mixed"), Double(mixed.count), list(mixed)), at: 3) }
        out.findings.append(try prose.text("finding.verdicts", ["wins": "\(wins.count)", "ties": "\(ties.count)", "losses": "\(losses.count)",
                                                                "total": "\(pairs.pairs.count)", "win_list": list(wins),
                                                                "mixed": mixed.isEmpty ? "" : try prose.text("finding.mixed", ["list": list(mixed)])]))
        out.findings.append(try prose.text(rescued.isEmpty ? "finding.no_rescue" : "finding.rescue", ["list": list(rescued)]))
        out.findings.append(try prose.text("finding.book"))
    }
}

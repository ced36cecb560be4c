import Foundation
import NNEvents
import NNPlot
import NNReport

extension HPSearchFigures {
    /// The best trials, the ranges of the good ones, the test accuracy of the chosen one, and the findings.
    func facts(into out: inout SectionParts) throws {
        for (k, t) in trials.prefix(5).enumerated() {
            out.facts.append(Fact(try prose.text("fact.rank", ["rank": "\(k + 1)", "lr": compactNumber(t.learningRate, significant: 3),
                                                               "wd": compactNumber(t.weightDecay, significant: 3)]),
                                  t.score, Repeats.spread(t.finals, scale: 100, unit: " %")))
        }
        let g = good
        guard let best = trials.first, let lrs = range(g.map(\.learningRate)), let wds = range(g.map(\.weightDecay)) else { return }
        let test = lastValues(best.runs, "test/accuracy")
        let learned = trials.filter { $0.score > 0.2 }
        let slowest = learned.map(\.learningRate).min()
        let none = try prose.text("fact.none")
        func r(_ v: ClosedRange<Double>) -> String { "\(compactNumber(v.lowerBound)) – \(compactNumber(v.upperBound))" }
        out.facts += [
            Fact(try prose.text("fact.good"), Double(g.count), "\(g.count) / \(trials.count)"),
            Fact(try prose.text("fact.good_lr"), nil, r(lrs)),
            Fact(try prose.text("fact.good_wd"), nil, r(wds)),
            Fact(try prose.text("fact.best_test"), finiteMean(test), Repeats.spread(test, scale: 100, unit: " %")),
            Fact(try prose.text("fact.slowest"), slowest, slowest.map { compactNumber($0) } ?? none),
        ]
        // How much of its range each hyper-parameter's good values cover, in decades.
        let lrShare = log10(lrs.upperBound / lrs.lowerBound) / (HPSearchStudy.rateExponents.upperBound - HPSearchStudy.rateExponents.lowerBound)
        let wdShare = log10(wds.upperBound / wds.lowerBound) / (HPSearchStudy.decayExponents.upperBound - HPSearchStudy.decayExponents.lowerBound)
        let seeds = best.runs.count
        // With repeats: in how many seeds this trial was also the best of that seed's trials.
        let heldBest = (0..<seeds).filter { i in trials.dropFirst().allSatisfy { $0.finals.indices.contains(i) ? $0.finals[i] <= best.finals[i] : true } }.count
        out.findings.append(try prose.text("finding.best", [
            "val": formatNumber(best.score * 100, significant: 3), "lr": compactNumber(best.learningRate, significant: 3),
            "wd": compactNumber(best.weightDecay, significant: 3), "test": formatNumber(finiteMean(test) * 100, significant: 3),
            "trials": "\(trials.count)", "seeds": try seedsClause(heldBest, of: seeds, prose: prose),
        ]))
        out.findings.append(try prose.text("finding.ranges", [
            "count": "\(g.count)", "lr_range": r(lrs), "wd_range": r(wds),
            "edge": lrs.upperBound >= pow(10, HPSearchStudy.rateExponents.upperBound - 0.3) ? try prose.text("finding.edge") : "",
            "lr_share": "\(Int((lrShare * 100).rounded()))", "wd_share": "\(Int((wdShare * 100).rounded()))",
            "slowest": slowest.map { compactNumber($0) } ?? "—", "epochs": "\(best.runs.first?.scalars["val/accuracy"]?.count ?? 0)",
            "verdict": try prose.text(lrShare < wdShare ? "finding.lr_matters" : "finding.both_matter"),
        ]))
    }
}

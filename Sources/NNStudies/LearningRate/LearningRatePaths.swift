import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport

extension LearningRateFigures {
    /// Per rate: the final loss or where it diverged, the validation accuracy; the best rate,
    /// the rates too small and the rates that diverged, as findings.
    func facts(into out: inout SectionParts) throws {
        var best: (rate: Double, loss: Double)?
        var slow: [String] = [], diverged: [String] = [], mixed: [String] = []
        for group in groups {
            let lr = Self.rate(group), text = rateText(lr)
            let losses = group.map(Self.finalLoss), acc = group.map { $0.values("val/accuracy").last ?? .nan }
            let broken = group.compactMap(Self.divergence)
            let value: String
            if broken.isEmpty {
                value = Repeats.spread(losses, significant: 3)
            } else {
                let steps = broken.map { "\($0.step)" }.joined(separator: ", ")
                let seeds = group.count > 1 ? try prose.text("fact.diverged_seeds", ["count": "\(broken.count)", "seeds": "\(group.count)"]) : ""
                value = try prose.text("fact.diverged_value", ["steps": steps, "quantity": Diagnoses.quantityText(broken[0].quantity), "seeds": seeds])
            }
            out.facts.append(Fact(try prose.text("fact.final", ["lr": text]), broken.isEmpty ? finiteMean(losses) : nil, value))
            let accText = acc.contains(where: \.isFinite) ? Repeats.spread(acc, scale: 100, unit: " %") : try prose.text("fact.val_none")
            out.facts.append(Fact(try prose.text("fact.val", ["lr": text]), acc.contains(where: \.isFinite) ? finiteMean(acc) : nil, accText))
            let m = finiteMean(losses)
            if broken.isEmpty, m.isFinite, m < (best?.loss ?? .infinity) { best = (lr, m) }
            let slowRuns = group.filter { Diagnoses.learningRateTooSmall($0).fired }.count
            if slowRuns == group.count { slow.append(text) } else if slowRuns > 0 { mixed.append("\(text) (\(slowRuns)/\(group.count))") }
            if broken.count == group.count {
                diverged.append(try prose.text("finding.diverged_at", ["lr": text, "step": "\(broken.map(\.step).min() ?? 0)"]))
            } else if !broken.isEmpty {
                mixed.append(try prose.text("finding.diverged_some", ["lr": text, "count": "\(broken.count)", "seeds": "\(group.count)"]))
            }
        }
        let none = try prose.text("fact.none")
        out.facts.insert(contentsOf: [Fact(try prose.text("fact.slow"), Double(slow.count), slow.isEmpty ? none : slow.joined(separator: ", ")),
                                      Fact(try prose.text("fact.diverged"), Double(diverged.count),
                                           diverged.isEmpty ? none : diverged.joined(separator: "; "))],
                         at: 0)
        guard let best else { return }
        let steps = groups.first?.first?.steps("train/batch_loss").count ?? 0
        out.findings.append(try prose.text("finding.sweep", [
            "best": rateText(best.rate), "best_loss": formatNumber(best.loss, significant: 3), "steps": "\(steps)",
            "slow": slow.isEmpty ? none : slow.joined(separator: ", "), "diverged": diverged.isEmpty ? none : diverged.joined(separator: "; "),
            "mixed": mixed.isEmpty ? "" : try prose.text("finding.mixed", ["list": mixed.joined(separator: "; ")]),
        ]))
    }
}

/// SGD's paths on f(x, y) = x²/20 + y² at the sweep's learning rates.
struct LearningRatePaths {
    let prose: Prose

    /// One panel per rate over the contours of f, and a finding on what each did.
    func figure(_ runs: [EventStore.Run], into out: inout SectionParts) throws {
        let xs = (0...120).map { -8 + 10 * Double($0) / 120 }
        var rows: [[String]] = []
        var values: [String: String] = [:]
        let axes = try runs.enumerated().map { k, r -> Axes in
            let lr = r.start?.optimizerSettings["learning_rate"] ?? .nan
            let kind = ["crawl", "good", "zigzag", "diverge"][min(k, 3)]
            // Each panel tall enough for its path: ±3 for the paths that converge, more for one that diverges.
            let half = max(3, (r.trajectory.map { abs($0.y) }.filter(\.isFinite).max() ?? 3) * 1.08)
            let ys = (0...80).map { -half + 2 * half * Double($0) / 80 }
            var a = Axes(title: try prose.text("paths.panel.\(kind)", ["lr": "\(lr)"]), xLabel: "x", yLabel: k % 2 == 0 ? "y" : nil,
                         xLimits: -8...2, yLimits: -half...half, grid: false)
            a.marks = [.contour(ContourMark(x: xs, y: ys, values: ys.map { y in xs.map { x in OptimizerPaths.f(x, y) } },
                                            levels: [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64].filter { $0 < half * half }, lineColor: Color(hex: "BBBBBB"),
                                            labelLevels: false)),
                       .path(PathMark(x: r.trajectory.map(\.x), y: r.trajectory.map(\.y), color: .red, arrows: false)),
                       .scatter(ScatterMark(x: [0], y: [0], color: .black, size: 5, marker: .plus))]
            a.legend = false
            rows += r.trajectory.map { [CSVTable.number(lr), "\($0.step)", CSVTable.number($0.x), CSVTable.number($0.y)] }
            if let last = r.trajectory.last {
                let d = (last.x * last.x + last.y * last.y).squareRoot()
                out.facts.append(Fact(try prose.text("fact.path", ["lr": "\(lr)", "steps": "\(last.step)"]), d))
                values[kind] = formatNumber(d, significant: 2)
                values[kind + "_lr"] = "\(lr)"
                values[kind + "_y"] = formatNumber(abs(last.y), significant: 2)
            }
            return a
        }
        out.figures.append(FigureOutput(name: "learning_rate_paths", caption: try prose.text("paths.caption"),
                                        figure: Figure(title: try prose.text("paths.title"), width: 900, height: 560, rows: 2, columns: 2, axes: axes),
                                        csv: CSVTable.text(["learning_rate", "step", "x", "y"], rows)))
        if values.count >= 12 { out.findings.append(try prose.text("finding.paths", values)) }
    }
}

import Foundation
import NNEvents
import NNPlot
import NNReport

/// The initialisation study's figures, with the facts and findings read off them.
struct InitFigures {
    let prose: Prose
    static let order = ["std=1", "std=0.01", "xavier", "he"]

    /// One activation's grid: four initialisations (rows) by five layers (columns).
    func histograms(_ act: String, _ histogramRuns: [EventStore.Run], into out: inout SectionParts) throws {
        let runs = Self.order.compactMap { ini in histogramRuns.first { $0.name == "init-histograms/\(act)/\(ini)" } }
        guard !runs.isEmpty else { return }
        var axes: [Axes] = []
        var rows: [[String]] = []
        for r in runs {
            let ini = r.shortName
            for (k, l) in r.layerOrder.enumerated() {
                guard let h = r.histograms[l]?[.activation]?.first else { continue }
                var a = Axes(title: runs.first === r ? try prose.text("histograms.layer", ["layer": "\(k + 1)"]) : nil,
                             xLabel: try prose.text("histograms.x_axis"), yLabel: k == 0 ? try prose.text("histograms.y_axis", ["init": ini]) : nil)
                a.marks = [.histogram(HistogramMark(edges: h.edges, counts: h.counts.map(Double.init),
                                                    color: Theme.okabeIto[Self.order.firstIndex(of: ini) ?? 0]))]
                axes.append(a)
                rows += h.counts.enumerated().map {
                    [ini, "\(k + 1)", CSVTable.number(h.edges[$0.offset]), CSVTable.number(h.edges[$0.offset + 1]), "\($0.element)"]
                }
                if k == r.layerOrder.count - 1, let s = r.stats[l]?[.activation]?.first {
                    let spread = r.layerOrder.compactMap { r.stats[$0]?[.activation]?.first.map { formatNumber($0.std, significant: 2) } }
                    let label = try prose.text("fact.layer_std", ["activation": act, "init": ini, "layer": "\(k + 1)",
                                                                  "spread": spread.joined(separator: ", ")])
                    out.facts.append(Fact(label, s.std))
                }
            }
        }
        let values = ["activation": act, "range": act == "tanh" ? "(−1, 1)" : "(0, 1)",
                      "relu_note": act == "relu" ? try prose.text("histograms.relu_note") : ""]
        let figure = Figure(title: try prose.text("histograms.title", values), width: 900, height: 640, rows: runs.count, columns: 5,
                            axes: axes, sharedX: true, sharedY: true)
        out.figures.append(FigureOutput(name: "init_histograms_\(act)", caption: try prose.text("histograms.caption", values), figure: figure,
                                        csv: CSVTable.text(["init", "layer", "bin_low", "bin_high", "count"], rows)))
        if act == "sigmoid" { try sigmoidFinding(runs, into: &out) }
        if act == "tanh" { try tanhFinding(runs, into: &out) }
    }

    /// Saturation with std 1, collapse with std 0.01, the spread Xavier keeps.
    func sigmoidFinding(_ runs: [EventStore.Run], into out: inout SectionParts) throws {
        guard let s1 = runs.first(where: { $0.shortName == "std=1" }), let sx = runs.first(where: { $0.shortName == "xavier" }),
              let s001 = runs.first(where: { $0.shortName == "std=0.01" }) else { return }
        func outerShare(_ r: EventStore.Run) -> Double {
            guard let h = r.histograms[r.layerOrder.last ?? ""]?[.activation]?.first, let lo = h.counts.first, let hi = h.counts.last else {
                return .nan
            }
            return Double(lo + hi) / Double(max(h.total, 1))
        }
        func std(_ r: EventStore.Run) -> Double { r.stats[r.layerOrder.last ?? ""]?[.activation]?.first?.std ?? .nan }
        out.facts.append(Fact(try prose.text("fact.outer_share"), outerShare(s1)))
        out.findings.append(try prose.text("finding.sigmoid", ["saturated": formatNumber(outerShare(s1) * 100, significant: 3),
                                                               "small_std": formatNumber(std(s001), significant: 2),
                                                               "xavier_std": formatNumber(std(sx), significant: 2)]))
    }

    /// Xavier's tanh spread as measured: shrinking slowly, between collapse and saturation.
    func tanhFinding(_ runs: [EventStore.Run], into out: inout SectionParts) throws {
        func std(_ r: EventStore.Run?, layer: Int) -> Double? {
            guard let r, r.layerOrder.indices.contains(layer) else { return nil }
            return r.stats[r.layerOrder[layer]]?[.activation]?.first?.std
        }
        let xavier = runs.first { $0.shortName == "xavier" }
        let last = (xavier?.layerOrder.count ?? 0) - 1
        guard let first = std(xavier, layer: 0), let end = std(xavier, layer: last),
              let small = std(runs.first { $0.shortName == "std=0.01" }, layer: last),
              let large = std(runs.first { $0.shortName == "std=1" }, layer: last) else { return }
        let two = { (v: Double) in formatNumber(v, significant: 2) }
        out.findings.append(try prose.text("finding.tanh", ["first": two(first), "last": two(end), "small": two(small), "large": two(large)]))
    }

    /// Loss curves of the three trained nets.
    func loss(_ runs: [EventStore.Run]) throws -> FigureOutput {
        let curves = LossCurves(title: try prose.text("loss.title"), name: "init_loss", caption: try prose.text("loss.caption"),
                                reference: ReferenceLine(.horizontal, at: log(10), label: "ln 10 = 2.30"))
        return curves.figure(runs, labels: runs.map(\.shortName))
    }

    /// The last hidden layer's positive activations over training, one ridgeline per net.
    func ridgeline(_ runs: [EventStore.Run]) throws -> FigureOutput? {
        var ridge: [Axes] = []
        var rows: [[String]] = []
        for r in runs {
            guard let layer = r.layerOrder.dropLast().last, let hs = r.histograms[layer]?[.activation], let e = hs.first?.edges else { continue }
            var a = Axes(title: "\(InitializationStudy.label(r.shortName)): \(layer)", xLabel: try prose.text("ridgeline.x_axis"),
                         yLabel: ridge.isEmpty ? ReportText.text("axis.step") : nil)
            // ReLU outputs many exact zeros (inactive units); their bin would dwarf the rest, so it is left out here.
            let isReLU = r.start?.layers.first { $0.name == layer }?.activation == "relu"
            let zeroBin = isReLU ? (0..<(e.count - 1)).first { e[$0] <= 0 && 0 < e[$0 + 1] } : nil
            let drop = zeroBin.map { $0 + 1 } ?? 0
            let frames = hs.map { h in Array(h.counts.dropFirst(drop)).map(Double.init) }
            a.marks = [.ridgeline(RidgelineMark(edges: Array(e.dropFirst(drop)), rows: frames, rowLabels: hs.map { "\($0.step)" },
                                                normalizeRows: true))]
            a.yCategories = hs.reversed().map { "\($0.step)" }
            a.grid = false
            ridge.append(a)
            for h in hs {
                rows += h.counts.enumerated().map {
                    [r.name, layer, "\(h.step)", CSVTable.number(e[$0.offset]), CSVTable.number(e[$0.offset + 1]), "\($0.element)"]
                }
            }
        }
        guard !ridge.isEmpty else { return nil }
        return FigureOutput(name: "init_ridgeline", caption: try prose.text("ridgeline.caption"),
                            figure: Figure(title: try prose.text("ridgeline.title"), width: 900, height: 420, columns: ridge.count, axes: ridge),
                            csv: CSVTable.text(["run", "layer", "step", "bin_low", "bin_high", "count"], rows))
    }

    /// Each hidden layer's activation std at every step.
    func activationSpread(_ runs: [EventStore.Run]) throws -> FigureOutput {
        var rows: [[String]] = []
        let yLabel = try prose.text("activation_std.axis")
        let panels = runs.map { r -> Axes in
            var a = Axes(title: r.shortName, xLabel: ReportText.text("axis.step"), yLabel: yLabel, yScale: .log)
            let layers = Array(r.layers(with: .activation).dropLast())
            for (k, l) in layers.enumerated() {
                let s = r.stats[l]?[.activation] ?? []
                a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: s.map(\.std), label: l,
                                              color: RunSummary.depthColor(k, of: layers.count), width: 1.2)))
                rows += s.map { [r.name, l, "\($0.step)", CSVTable.number($0.std)] }
            }
            return a
        }
        return FigureOutput(name: "init_activation_std", caption: try prose.text("activation_std.caption"),
                            figure: Figure(title: try prose.text("activation_std.title"), width: 900, height: 320, columns: panels.count,
                                           axes: panels, sharedY: true),
                            csv: CSVTable.text(["run", "layer", "step", "activation_std"], rows))
    }
}

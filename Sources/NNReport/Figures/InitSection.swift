import Foundation
import NNEvents
import NNPlot

/// The initialisation study's section: the book's histogram grids and the training runs.
/// `std=0.01` → `std 0.01`, `xavier` → `Xavier`, `he` → `He`.
func initLabel(_ s: String) -> String {
    switch s { case "xavier", "xavier_book": "Xavier"; case "he", "he_book": "He"; default: s.replacingOccurrences(of: "=", with: " ") }
}

func initSection(histogramRuns: [EventStore.Run], trainingRuns: [EventStore.Run]) -> Section {
    var figures: [FigureOutput] = []
    var facts: [Fact] = []
    var findings: [String] = []
    let order = ["std=1", "std=0.01", "xavier", "he"]
    for act in ["sigmoid", "tanh", "relu"] {
        let runs = order.compactMap { ini in histogramRuns.first { $0.name == "init-histograms/\(act)/\(ini)" } }
        guard !runs.isEmpty else { continue }
        var axes: [Axes] = []
        var rows: [[String]] = []
        for r in runs {
            let ini = shortName(r)
            for (k, l) in r.layerOrder.enumerated() {
                guard let h = r.histograms[l]?[.activation]?.first else { continue }
                var a = Axes(title: runs.first === r ? "layer \(k + 1)" : nil, xLabel: "activation", yLabel: k == 0 ? "\(ini)\ncount" : nil)
                a.yLabel = k == 0 ? "\(ini): count" : nil
                a.marks = [.histogram(HistogramMark(edges: h.edges, counts: h.counts.map(Double.init), color: Theme.okabeIto[order.firstIndex(of: ini) ?? 0]))]
                axes.append(a)
                rows += h.counts.enumerated().map { [ini, "\(k + 1)", num(h.edges[$0.offset]), num(h.edges[$0.offset + 1]), "\($0.element)"] }
                if k == r.layerOrder.count - 1, let s = r.stats[l]?[.activation]?.first {
                    facts.append(Fact("\(act) / \(ini): layer \(k + 1) activation std (layers 1–5: \(r.layerOrder.compactMap { r.stats[$0]?[.activation]?.first.map { formatNumber($0.std, significant: 2) } }.joined(separator: ", ")))", s.std))
                }
            }
        }
        figures.append(FigureOutput(
            name: "init_histograms_\(act)", caption: "\(act): activation histograms of 5 layers of 100 units (columns) for four weight scales (rows), input 1000 × 100 standard normal, 30 bins over \(act == "tanh" ? "(−1, 1)" : "(0, 1)")\(act == "relu" ? "; ReLU zeros fall in the first bin and values above 1 are not shown" : ""). Shared axes: heights compare across panels.",
            figure: Figure(title: "\(act): activations by layer for four initialisations", width: 900, height: 640, rows: runs.count, columns: 5, axes: axes, sharedX: true, sharedY: true),
            csv: csv(["init", "layer", "bin_low", "bin_high", "count"], rows)))
        // Facts worth a sentence.
        if act == "sigmoid", let s1 = runs.first(where: { shortName($0) == "std=1" }), let sx = runs.first(where: { shortName($0) == "xavier" }),
           let s001 = runs.first(where: { shortName($0) == "std=0.01" }) {
            func edges(_ r: EventStore.Run) -> Double {
                guard let h = r.histograms[r.layerOrder.last ?? ""]?[.activation]?.first else { return .nan }
                return Double(h.counts.first! + h.counts.last!) / Double(max(h.total, 1))
            }
            func std(_ r: EventStore.Run) -> Double { r.stats[r.layerOrder.last ?? ""]?[.activation]?.first?.std ?? .nan }
            facts.append(Fact("sigmoid / std=1: share of layer-5 activations in the outer bins (saturated)", edges(s1)))
            findings.append("Sigmoid with std 1: \(formatNumber(edges(s1) * 100, significant: 3)) % of the 5th layer's activations sit in the two outermost bins (near 0 and 1), where σ′ ≈ 0. With std 0.01 the 5th layer's activations have std \(formatNumber(std(s001), significant: 2)): all near 0.5, so every unit says the same thing. Xavier keeps a spread (std \(formatNumber(std(sx), significant: 2))).")
        }
    }
    guard !trainingRuns.isEmpty else {
        return Section(id: "init", title: StudyKind.initialization.title, intro: initIntro, findings: findings, figures: figures, facts: facts, diagnoses: [], settings: [])
    }
    let labels = trainingRuns.map(shortName)
    figures.append(lossCurves(trainingRuns, labels: labels, title: "784-100-100-100-100-10 ReLU, SGD lr 0.01", name: "init_loss",
                              caption: "Batch loss for three initialisations (faint: raw; bold: smoothed, weight 0.9). ln 10 ≈ 2.30 is the loss of a net that outputs the same probability for every class.",
                              reference: ReferenceLine(.horizontal, at: log(10), label: "ln 10 = 2.30")))
    // Ridgeline of the last hidden layer's activations over training, per init.
    var ridge: [Axes] = []
    var ridgeRows: [[String]] = []
    for r in trainingRuns {
        let hidden = r.layerOrder.dropLast()
        guard let layer = hidden.last, let hs = r.histograms[layer]?[.activation], let e = hs.first?.edges else { continue }
        var a = Axes(title: "\(initLabel(shortName(r))): \(layer)", xLabel: "activation (> 0)", yLabel: ridge.isEmpty ? "step" : nil)
        // ReLU outputs many exact zeros (inactive units); their bin would dwarf the rest, so it is left out here.
        let isReLU = r.start?.layers.first { $0.name == layer }?.activation == "relu"
        let zeroBin = isReLU ? (0..<(e.count - 1)).first { e[$0] <= 0 && 0 < e[$0 + 1] } : nil
        let drop = zeroBin.map { $0 + 1 } ?? 0
        let edges = Array(e.dropFirst(drop))
        let frames = hs.map { h in Array(h.counts.dropFirst(drop)).map(Double.init) }
        a.marks = [.ridgeline(RidgelineMark(edges: edges, rows: frames, rowLabels: hs.map { "\($0.step)" }, overlap: 1.5, normalizeRows: true))]
        a.yCategories = hs.reversed().map { "\($0.step)" }
        a.grid = false
        ridge.append(a)
        for h in hs { ridgeRows += h.counts.enumerated().map { [r.name, layer, "\(h.step)", num(e[$0.offset]), num(e[$0.offset + 1]), "\($0.element)"] } }
    }
    if !ridge.isEmpty {
        figures.append(FigureOutput(name: "init_ridgeline", caption: "Histograms of the last hidden layer's positive activations over training (top row: first step; bins fixed per run from the first batch; each row scaled to its own peak so shapes compare; the zeros of inactive ReLU units are left out and are in the CSV). Note each panel's x range: with std 0.01 the activations stay about 10⁻⁴ wide.",
                                    figure: Figure(title: "Last hidden layer's activations during training", width: 900, height: 420, columns: ridge.count, axes: ridge),
                                    csv: csv(["run", "layer", "step", "bin_low", "bin_high", "count"], ridgeRows)))
    }
    // Per-layer activation std over training.
    var stdRows: [[String]] = []
    let stdPanels = trainingRuns.map { r -> Axes in
        var a = Axes(title: shortName(r), xLabel: "step", yLabel: "activation std (log)", yScale: .log)
        let layers = Array(r.layers(with: .activation).dropLast())
        for (k, l) in layers.enumerated() {
            let s = r.stats[l]![.activation]!
            a.marks.append(.line(LineMark(x: s.map { Double($0.step) }, y: s.map(\.std), label: l, color: depthColor(k, of: layers.count), width: 1.2)))
            stdRows += s.map { [r.name, l, "\($0.step)", num($0.std)] }
        }
        return a
    }
    figures.append(FigureOutput(name: "init_activation_std", caption: "Standard deviation of each hidden layer's activations at every step (log scale). A std that shrinks layer by layer means later layers receive almost no signal.",
                                figure: Figure(title: "Activation spread by layer during training", width: 900, height: 320, columns: stdPanels.count, axes: stdPanels, sharedY: true),
                                csv: csv(["run", "layer", "step", "activation_std"], stdRows)))
    var below: [String: Int?] = [:]
    for r in trainingRuns {
        let v = r.values("train/batch_loss"), steps = r.steps("train/batch_loss")
        let sm = smoothed(v, weight: 0.9)
        let firstBelow = sm.firstIndex { $0 < 1.0 }.map { steps[$0] }
        below[shortName(r)] = firstBelow
        facts.append(Fact("\(r.name): final batch loss (mean of last 5 %)", tailMean(v)))
        facts.append(Fact("\(r.name): first step with smoothed loss < 1.0", firstBelow.map(Double.init), firstBelow.map { "\($0)" } ?? "never"))
        facts.append(accuracyFact(r))
    }
    if let s = trainingRuns.first(where: { shortName($0) == "std=0.01" }), let he = trainingRuns.first(where: { shortName($0) == "he" }) {
        let fs = tailMean(s.values("train/batch_loss")), fh = tailMean(he.values("train/batch_loss"))
        let near = abs(fs - log(10)) < 0.05
        facts.append(Fact("std=0.01: |final loss − ln 10|", abs(fs - log(10))))
        var sentence = near ? "With std 0.01 the loss stayed at \(formatNumber(fs, significant: 3)), within 0.05 of ln 10 = 2.303: the net did not learn in \(s.steps("train/batch_loss").count) steps." :
            "With std 0.01 the loss ended at \(formatNumber(fs, significant: 3)), not near ln 10 = 2.303 as the book's figure shows."
        if let b = below["he"] ?? nil { sentence += " He reached a smoothed loss below 1.0 at step \(b) and ended at \(formatNumber(fh, significant: 3))." }
        else { sentence += " He did not get below 1.0 in this run (final \(formatNumber(fh, significant: 3)))." }
        findings.append(sentence)
    }
    return Section(id: "init", title: StudyKind.initialization.title, intro: initIntro, findings: findings, figures: figures, facts: facts,
                   diagnoses: trainingRuns.map { ($0.name, Diagnoses.all($0)) }, settings: settingsRows(trainingRuns))
}

let initIntro = "How large the initial weights are decides what the first forward pass looks like. Too large (std 1) and sigmoid units saturate at 0 and 1, where their slope is almost 0; too small (std 0.01) and every layer's output collapses to the same value, so the units cannot tell samples apart and the gradients are tiny. Xavier (std √(1/n)) keeps the spread of sigmoid and tanh activations from layer to layer; He (std √(2/n)) does the same for ReLU, which zeroes half its inputs. Compare the histogram grids row by row, then the loss curves."

import NNEvents
import NNPlot

/// Per-layer histograms over training, as TensorBoard's two views: a ridgeline of the histograms
/// (its "histograms" tab, the first recording at the top) and the percentile bands of its
/// "distributions" tab (0/7/16/31/50/69/84/93/100 %: the minimum, the points of a normal
/// distribution at ±1.5σ, ±1σ, ±0.5σ, the median and the maximum), one row per layer.
public enum LayerHistograms {
    /// The most histograms a ridgeline draws (evenly spaced over the recorded ones).
    static let maxRidges = 24

    /// One figure per run and quantity that has histograms (`<slug>_histograms_<quantity>_<run>`), in the runs' order.
    public static func figures(_ runs: [EventStore.Run], slug: String) -> [FigureOutput] {
        runs.enumerated().flatMap { k, r in
            [Quantity.activation, .preactivation, .weight, .weightGradient, .update].compactMap {
                figure(r, quantity: $0, color: Theme.okabeIto[k % Theme.okabeIto.count], slug: slug)
            }
        }
    }

    static func figure(_ r: EventStore.Run, quantity q: Quantity, color: Color, slug: String) -> FigureOutput? {
        let layers = r.layerOrder.filter { r.histograms[$0]?[q]?.isEmpty == false }
        guard !layers.isEmpty else { return nil }
        var axes: [Axes] = [], rows: [[String]] = []
        let value = ReportText.text("generic.histograms.\(q.rawValue)")
        let step = ReportText.text(StepAxis.histogramsPerEpoch(r) ? "axis.epoch" : "axis.step")
        for (i, layer) in layers.enumerated() {
            let frames = r.histograms[layer]?[q] ?? []
            axes.append(ridgeline(frames, layer: layer, dropZeros: q == .activation && isReLU(r, layer), xLabel: value, yLabel: i == 0 ? step : nil))
            let p = frames.map { $0.percentiles() }
            let x = frames.map { Double($0.step) }
            var d = Axes(title: ReportText.text("generic.histograms.bands", ["layer": layer]), xLabel: step, yLabel: value)
            d.legend = i == 0
            for (j, (lo, hi)) in [(0, 8), (1, 7), (2, 6), (3, 5)].enumerated() {
                d.marks.append(.band(BandMark(x: x, lower: p.map { $0[lo] }, upper: p.map { $0[hi] },
                                              label: i == 0 ? ["0–100 %", "7–93 %", "16–84 %", "31–69 %"][j] : nil, color: color,
                                              opacity: 0.16 + 0.06 * Double(j))))
            }
            d.marks.append(.line(LineMark(x: x, y: p.map { $0[4] }, label: i == 0 ? ReportText.text("generic.histograms.median") : nil,
                                          color: color, width: 1.8)))
            axes.append(d)
            rows += zip(frames, p).map { h, p in [r.name, layer, "\(h.step)"] + p.map(CSVTable.number) + ["\(h.underflow)", "\(h.overflow)", "\(h.nan)"] }
        }
        let title = ReportText.text("generic.histograms.title", ["run": r.label, "quantity": value])
        let figure = Figure(title: title, width: 900, height: 50 + 250 * Double(layers.count), rows: layers.count, columns: 2, axes: axes)
        let header = ["run", "layer", "step"] + Histogram.distributionBasisPoints.map { $0 % 100 == 0 ? "p\($0 / 100)" : "p\(Double($0) / 100)" }
            + ["underflow", "overflow", "nan"]
        return FigureOutput(name: "\(slug)_histograms_\(q.rawValue)_\(Slug.make(r.shortName))",
                            caption: ReportText.text("generic.histograms.caption", ["quantity": value]), figure: figure,
                            csv: CSVTable.text(header, rows))
    }

    /// The ridgeline panel of one layer (`xLabel` names the values, `yLabel` its rows: step or epoch); with `dropZeros`, the
    /// bin holding 0 is left out (ReLU's many exact zeros would dwarf the rest).
    static func ridgeline(_ frames: [Histogram], layer: String, dropZeros: Bool, xLabel: String? = nil, yLabel: String?) -> Axes {
        let stride = max(1, (frames.count + maxRidges - 1) / maxRidges)
        let shown = frames.enumerated().filter { $0.offset % stride == 0 || $0.offset == frames.count - 1 }.map(\.element)
        let (edges, rows) = commonBins(shown, dropZeros: dropZeros)
        var a = Axes(title: ReportText.text(dropZeros ? "generic.histograms.ridge_relu" : "generic.histograms.ridge", ["layer": layer]),
                     xLabel: xLabel, yLabel: yLabel)
        a.marks = [.ridgeline(RidgelineMark(edges: edges, rows: rows, rowLabels: shown.map { "\($0.step)" }, normalizeRows: true))]
        a.yCategories = shown.reversed().map { "\($0.step)" }
        a.grid = false
        return a
    }

    /// The frames' counts on one set of edges. Frames that share their edges keep them; otherwise (a writer that chose new
    /// edges as values grew, TensorBoard's per-step buckets) each count is spread over equal bins spanning every frame,
    /// in proportion to the overlap, as if uniform within its bin. With `dropZeros` the bin holding 0 is left out.
    static func commonBins(_ frames: [Histogram], dropZeros: Bool) -> (edges: [Double], rows: [[Double]]) {
        guard let first = frames.first?.edges, first.count > 1 else { return ([0, 1], frames.map { _ in [0] }) }
        func isZeroBin(_ e: [Double], _ k: Int) -> Bool { dropZeros && e[k] <= 0 && 0 < e[k + 1] }
        if frames.allSatisfy({ $0.edges == first }) {
            let drop = (0..<(first.count - 1)).first { isZeroBin(first, $0) }.map { $0 + 1 } ?? 0
            return (Array(first.dropFirst(drop)), frames.map { $0.counts.dropFirst(drop).map(Double.init) })
        }
        var lo = frames.compactMap(\.edges.first).min() ?? 0
        let hi = frames.compactMap(\.edges.last).max() ?? 1
        if dropZeros { lo = max(lo, 0) }
        // Common bins no narrower than the frames' widest (on average over a frame's bins), so that re-binning does not comb counts into alternate bins.
        let widths: [Double] = frames.map { h -> Double in
            let span: Double = (h.edges.last ?? 0) - (h.edges.first ?? 0)
            return span / Double(max(1, h.counts.count))
        }
        let widest: Double = widths.filter(\.isFinite).max() ?? 0
        let ratio: Double = widest > 0 ? ((hi - lo) / widest).rounded(.down) : 10
        let n: Int = ratio.isFinite ? Int(Swift.min(60.0, Swift.max(10.0, ratio))) : 10
        let width: Double = (hi - lo) / Double(n)
        guard width > 0, width.isFinite else { return ([0, 1], frames.map { _ in [0] }) }
        let edges = (0...n).map { lo + Double($0) * width }
        let rows = frames.map { h -> [Double] in
            var out = [Double](repeating: 0, count: n)
            for (k, c) in h.counts.enumerated() where c > 0 && k + 1 < h.edges.count && h.edges[k].isFinite && h.edges[k + 1].isFinite
                && !isZeroBin(h.edges, k) {
                let a = max(h.edges[k], lo), b = min(h.edges[k + 1], hi), span = h.edges[k + 1] - h.edges[k]
                guard span > 0, b >= a else { continue }
                let j0 = max(0, min(n - 1, Int(((a - lo) / width).rounded(.down)))), j1 = max(0, min(n - 1, Int(((b - lo) / width).rounded(.down))))
                for j in j0...j1 {
                    let overlap = min(b, edges[j + 1]) - max(a, edges[j])
                    if overlap > 0 { out[j] += Double(c) * overlap / span }
                }
            }
            return out
        }
        return (edges, rows)
    }

    static func isReLU(_ r: EventStore.Run, _ layer: String) -> Bool { r.start?.layers.first { $0.name == layer }?.activation == "relu" }
}

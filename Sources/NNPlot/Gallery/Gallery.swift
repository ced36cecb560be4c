import Foundation

/// Example figures of every mark, scale and theme, for `nnviz gallery` and visual checks.
/// The data are closed-form functions, so the figures are the same on every run.
public enum Gallery {
    /// Named example figures.
    public static func figures() -> [(name: String, figure: Figure)] {
        let xs = (0..<200).map { Double($0) / 10 }
        let mean = xs.map { 2.3 * exp(-$0 / 6) + 0.2 }
        let edges = (0...30).map { Double($0) / 30 }
        let counts = (0..<30).map { i -> Double in let c = (Double(i) + 0.5) / 30; return 1000 * exp(-pow((c - 0.5) / 0.12, 2)) }
        let loss = lossAxes(xs, mean)
        var out: [(String, Figure)] = [
            ("lines_band_reference", Figure(title: "Lines, band, reference lines", axes: [loss])),
            ("scales", scales(xs)),
            ("histograms_bars_scatter", histogramsBarsScatter(edges, counts)),
            ("heatmap", heatmap()),
            ("contour_path", contourPath()),
            ("ridgeline", ridgeline(edges)),
            ("small_multiples", smallMultiples(edges, counts)),
        ]
        // Themes: the same chart for print (one column, 89 mm) and for a slide.
        for (name, theme) in [("print", Theme.print), ("slide", Theme.slide)] {
            var t = loss
            t.title = "Loss (\(name) theme)"
            out.append(("theme_\(name)", Figure(title: nil, axes: [t], theme: theme)))
        }
        out += texts(xs, mean)
        out.append(("decimation", decimation()))
        return out
    }

    /// Lines with markers and dashes, a band, reference lines; the legend placed automatically.
    private static func lossAxes(_ xs: [Double], _ mean: [Double]) -> Axes {
        var a = Axes(title: "Loss with ±1 std band", xLabel: "epoch", yLabel: "loss")
        a.marks = [
            .band(BandMark(x: xs, lower: mean.map { $0 - 0.15 }, upper: mean.map { $0 + 0.15 }, label: "±1 std")),
            .line(LineMark(x: xs, y: mean, label: "train loss", color: Theme.okabeIto[0], marker: .circle, markEvery: 20)),
            .line(LineMark(x: xs, y: xs.map { 2.3 * exp(-$0 / 8) + 0.35 + 0.01 * $0 }, label: "validation loss",
                           color: Theme.okabeIto[1], dash: .dashed)),
        ]
        a.referenceLines = [ReferenceLine(.vertical, at: 12, label: "best epoch"), ReferenceLine(.horizontal, at: log(10), label: "ln 10 = 2.30")]
        return a
    }

    /// Log and symlog scales; sigmoid and its derivative.
    private static func scales(_ xs: [Double]) -> Figure {
        let sig = xs.map { x in 1 / (1 + exp(-(x - 10))) }
        let dsig = sig.map { $0 * (1 - $0) }
        var lg = Axes(title: "Log y: gradient norm by layer", xLabel: "step", yLabel: "‖∇W‖ (log)", yScale: .log)
        lg.marks = (0..<6).map { k in
            .line(LineMark(x: xs, y: xs.map { pow(4, -Double(k)) * (1 + 0.3 * sin($0 + Double(k))) }, label: "layer \(k + 1)",
                           color: ColorMap.viridis.color(at: Double(k) / 5)))
        }
        var sl = Axes(title: "Symlog y", xLabel: "x", yLabel: "x³", yScale: .symlog(linearThreshold: 1))
        sl.marks = [.line(LineMark(x: xs.map { $0 - 10 }, y: xs.map { pow($0 - 10, 3) }))]
        var sg = Axes(title: "σ(x) and σ′(x) (peak 0.25)", xLabel: "x", yLabel: "value")
        sg.marks = [.line(LineMark(x: xs.map { $0 - 10 }, y: sig, label: "σ(x)")),
                    .line(LineMark(x: xs.map { $0 - 10 }, y: dsig, label: "σ′(x)", dash: .dashed))]
        sg.referenceLines = [ReferenceLine(.horizontal, at: 0.25, label: "0.25")]
        return Figure(title: "Scales: log, symlog, linear", width: 900, height: 300, columns: 3, axes: [lg, sl, sg])
    }

    /// Histograms (filled and step), bars, scatter.
    private static func histogramsBarsScatter(_ edges: [Double], _ counts: [Double]) -> Figure {
        var h = Axes(title: "Histogram (filled) and step", xLabel: "activation", yLabel: "count")
        h.marks = [.histogram(HistogramMark(edges: edges, counts: counts, label: "layer 1")),
                   .histogram(HistogramMark(edges: edges, counts: counts.map { $0 * 0.6 }.reversed(), filled: false, label: "layer 5"))]
        var b = Axes(title: "Bars on a log axis", xLabel: "layer", yLabel: "mean ‖∇W‖", yScale: .log)
        b.marks = [.bar(BarMark(x: (0..<11).map(Double.init), height: (0..<11).map { pow(3, Double($0) - 9) },
                                colors: (0..<11).map { ColorMap.viridis.color(at: Double($0) / 10) }))]
        b.xCategories = (1...10).map { "L\($0)" } + ["out"]
        var s = Axes(title: "Scatter: two moons", xLabel: "x₁", yLabel: "x₂")
        let tt = (0..<100).map { Double($0) / 99 * .pi }
        s.marks = [.scatter(ScatterMark(x: tt.map { cos($0) }, y: tt.map { sin($0) }, label: "class 0")),
                   .scatter(ScatterMark(x: tt.map { 1 - cos($0) }, y: tt.map { 0.5 - sin($0) }, label: "class 1", marker: .triangle))]
        return Figure(title: "Histograms, bars, scatter", width: 900, height: 300, columns: 3, axes: [h, b, s])
    }

    /// A heatmap with a log colour scale and a colour bar.
    private static func heatmap() -> Figure {
        var hm = Axes(title: "log₁₀ ‖∇W‖ by layer and step", xLabel: "step", yLabel: "layer")
        let cells: [[Double]] = (0..<10).map { (k: Int) -> [Double] in
            let scale: Double = pow(10, -Double(9 - k) * 0.6)
            return (0..<100).map { (s: Int) -> Double in scale * (1 + 0.5 * sin(Double(s) / 9)) }
        }
        hm.marks = [.heatmap(HeatmapMark(values: cells,
                                         xRange: 0...100, yRange: -0.5...9.5, logColor: true, colorBarLabel: "‖∇W‖"))]
        hm.yCategories = (1...10).map { "L\($0)" }
        hm.grid = false
        return Figure(title: "Heatmap with a log colour bar", width: 640, height: 360, axes: [hm])
    }

    /// Filled contours with level labels and an optimiser path with arrows.
    private static func contourPath() -> Figure {
        let gx = (0..<121).map { -10 + Double($0) / 6 }, gy = (0..<61).map { -5 + Double($0) / 6 }
        let f = gy.map { y in gx.map { x in x * x / 20 + y * y } }
        var pathX = [-7.0], pathY = [2.0]
        for _ in 0..<30 {
            let (x, y) = (pathX[pathX.count - 1], pathY[pathY.count - 1])
            pathX.append(x - 0.95 * x / 10); pathY.append(y - 0.95 * 2 * y)
        }
        var ct = Axes(title: "SGD on f(x, y) = x²/20 + y²", xLabel: "x", yLabel: "y", xLimits: -10...10, yLimits: -5...5)
        ct.marks = [.contour(ContourMark(x: gx, y: gy, values: f, levels: [0.5, 1, 2, 3, 4, 5, 6, 7], filled: true,
                                         lineColor: Color(hex: "555555"), colorBar: true)),
                    .path(PathMark(x: pathX, y: pathY, label: "SGD (lr 0.95)", color: .red)),
                    .scatter(ScatterMark(x: [0], y: [0], color: .black, size: 5, marker: .plus)),
                    .text(TextMark(x: -7, y: 2, text: "start", anchor: .above))]
        ct.equalAspect = true
        ct.grid = false
        return Figure(title: "Filled contours, level labels, a path with arrows", width: 640, height: 400, axes: [ct])
    }

    /// A ridgeline of histograms over training.
    private static func ridgeline(_ edges: [Double]) -> Figure {
        let rows = (0..<8).map { k in
            (0..<30).map { i -> Double in let c = (Double(i) + 0.5) / 30; return exp(-pow((c - 0.5) / (0.05 + 0.03 * Double(k)), 2)) }
        }
        var rl = Axes(title: "Activation histograms over training", xLabel: "activation", yLabel: "step")
        rl.marks = [.ridgeline(RidgelineMark(edges: edges, rows: rows, rowLabels: (0..<8).map { "\($0 * 250)" }))]
        rl.yCategories = (0..<8).map { "\((7 - $0) * 250)" }
        rl.grid = false
        return Figure(title: "Ridgeline", width: 480, height: 420, axes: [rl])
    }

    /// Small multiples with shared axes.
    private static func smallMultiples(_ edges: [Double], _ counts: [Double]) -> Figure {
        let grid = (0..<6).map { k -> Axes in
            var g = Axes(title: "\(k + 1)-layer", xLabel: "activation", yLabel: "count")
            g.marks = [.histogram(HistogramMark(edges: edges, counts: counts.map { $0 * (1 - 0.12 * Double(k)) }, color: Theme.okabeIto[k % 3]))]
            return g
        }
        return Figure(title: "Small multiples, shared axes", width: 760, height: 420, rows: 2, columns: 3, axes: grid,
                      sharedX: true, sharedY: true)
    }

    /// Greek and mathematical symbols in the default font (DejaVu Sans), and Korean labels.
    private static func texts(_ xs: [Double], _ mean: [Double]) -> [(String, Figure)] {
        var g = Axes(title: "α, β₁, ∇W, √h, ε = 10⁻⁷, σ′ ≤ ¼", xLabel: "step t", yLabel: "L(θ) = −Σ t·log y")
        g.marks = [.line(LineMark(x: xs, y: mean, label: "η = 0.01, ρ = 0.9"))]
        // Korean labels in the default theme: Pango takes Hangul from the fallback family (NanumGothic).
        var k = Axes(title: "경사 하강법의 손실 L(θ)", xLabel: "학습 단계 t", yLabel: "손실 (교차 엔트로피)")
        k.marks = [.line(LineMark(x: xs, y: mean, label: "SGD, 학습률 η = 0.01"))]
        return [("text_symbols", Figure(title: "Greek and mathematical labels", width: 520, height: 320, axes: [g])),
                ("text_korean", Figure(title: "한국어 레이블 (Korean labels)", width: 520, height: 320, axes: [k]))]
    }

    /// Decimation: a 100 000-point series with spikes.
    private static func decimation() -> Figure {
        let n = 100_000
        let lx = (0..<n).map(Double.init)
        let ly = (0..<n).map { (i: Int) -> Double in
            let trend: Double = 2 * exp(-Double(i) / 20000)
            let wiggle: Double = 0.05 * sin(Double(i) / 50)
            return trend + wiggle + (i % 9973 == 0 ? 1.5 : 0)
        }
        var d = Axes(title: "100 000 steps, spikes kept", xLabel: "step", yLabel: "batch loss")
        d.marks = [.line(LineMark(x: lx, y: ly, width: 0.8))]
        return Figure(title: "Decimated long series", width: 640, height: 300, axes: [d])
    }
}

/// A histogram from bin edges (n + 1) and counts (n), filled or as a step outline.
public struct HistogramMark: Sendable {
    /// The bin edges, ascending (one more than the counts).
    public var edges: [Double]
    /// The count of each bin.
    public var counts: [Double]
    /// Filled bars; false draws a step outline.
    public var filled = true
    /// The legend label; nil leaves the histogram out of the legend.
    public var label: String?
    /// The colour; nil takes the next colour of the palette.
    public var color: Color?
    /// A histogram.
    public init(edges: [Double], counts: [Double], filled: Bool = true, label: String? = nil, color: Color? = nil) {
        self.edges = edges; self.counts = counts; self.filled = filled; self.label = label; self.color = color
    }
}

extension HistogramMark: MarkPainter {
    var layer: MarkLayer { .area }

    func problem() -> String? {
        edges.count == counts.count + 1 ? nil : "histogram needs \(counts.count + 1) edges, has \(edges.count)"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        edges.forEach { extent.addX($0, xScale) }
        counts.forEach { extent.addY($0, yScale) }
        extent.addBaseline(yScale)
    }

    var colorSlot: ColorSlot { .series(color) }

    func legendEntry(color: Color) -> LegendEntry? {
        label.map { LegendEntry(label: $0, color: filled ? color.opacity(0.75) : color, swatch: filled ? .fill : .line) }
    }

    /// Each bin's area, sampled on a 5 x 5 grid from the baseline to its count.
    func placementSamples() -> PlacementSamples? {
        var xs: [Double] = [], ys: [Double] = []
        for i in counts.indices {
            for s in 0...4 {
                let x = edges[i] + (edges[i + 1] - edges[i]) * Double(s) / 4
                for f in stride(from: 0.0, through: 1.0, by: 0.25) { xs.append(x); ys.append(counts[i] * f) }
            }
        }
        return PlacementSamples(x: xs, y: ys)
    }

    func draw(in context: inout PaintContext) {
        if filled { drawFilled(context) } else { drawStep(context) }
    }

    /// The top of a bin of `count` in points; counts the scale rejects sit on the baseline.
    private func top(_ count: Double, _ t: AxesTransform, base: Double) -> Double {
        t.yScale.accepts(count) ? t.py(count) : base
    }

    private func drawFilled(_ context: PaintContext) {
        let c = context.canvas, t = context.transform
        let base = t.baseline
        c.setColor(context.color.opacity(0.75))
        for i in counts.indices where counts[i] != 0 {
            let x0 = t.px(edges[i]), x1 = t.px(edges[i + 1]), y = top(counts[i], t, base: base)
            c.rectangle(Rect(x: x0, y: min(y, base), width: x1 - x0, height: abs(base - y)))
        }
        c.fill(role: "mark")
        c.setColor(.white)
        c.setLine(width: 0.4, dash: [])
        for i in counts.indices where counts[i] != 0 {
            let x0 = t.px(edges[i]), x1 = t.px(edges[i + 1]), y = top(counts[i], t, base: base)
            c.rectangle(Rect(x: x0, y: min(y, base), width: x1 - x0, height: abs(base - y)))
        }
        c.stroke(role: "mark")
    }

    private func drawStep(_ context: PaintContext) {
        let c = context.canvas, t = context.transform
        guard let first = edges.first, let last = edges.last else { return }
        let base = t.baseline
        c.setColor(context.color)
        c.setLine(width: context.theme.lineWidth, dash: [])
        c.moveTo(t.px(first), base)
        for i in counts.indices {
            let y = top(counts[i], t, base: base)
            c.lineTo(t.px(edges[i]), y); c.lineTo(t.px(edges[i + 1]), y)
        }
        c.lineTo(t.px(last), base)
        c.stroke(role: "mark")
    }
}

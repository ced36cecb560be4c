/// A shaded band between `lower` and `upper` (mean ± std, percentile bands).
public struct BandMark: Sendable {
    /// The x value of each point.
    public var x: [Double]
    /// The lower edge at each x.
    public var lower: [Double]
    /// The upper edge at each x.
    public var upper: [Double]
    /// The legend label; nil leaves the band out of the legend.
    public var label: String?
    /// The colour; nil takes the next colour of the palette.
    public var color: Color?
    /// The fill opacity.
    public var opacity = 0.25
    /// A band.
    public init(x: [Double], lower: [Double], upper: [Double], label: String? = nil, color: Color? = nil, opacity: Double = 0.25) {
        self.x = x; self.lower = lower; self.upper = upper; self.label = label; self.color = color; self.opacity = opacity
    }
}

extension BandMark: MarkPainter {
    var layer: MarkLayer { .area }

    func problem() -> String? {
        (x.count == lower.count && x.count == upper.count) ? nil : "band series lengths differ"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        x.forEach { extent.addX($0, xScale) }
        lower.forEach { extent.addY($0, yScale) }
        upper.forEach { extent.addY($0, yScale) }
        extent.padTop = true; extent.padBottom = true
    }

    var colorSlot: ColorSlot { .series(color) }

    func legendEntry(color: Color) -> LegendEntry? {
        label.map { LegendEntry(label: $0, color: color.opacity(opacity), swatch: .fill) }
    }

    func placementSamples() -> PlacementSamples? { PlacementSamples(x: x + x, y: lower + upper) }

    /// Fills along the upper edge and back along the lower one, over the points both scales accept.
    func draw(in context: inout PaintContext) {
        let c = context.canvas, t = context.transform
        let pts = (0..<x.count).filter { t.drawable(x[$0], lower[$0]) && t.drawable(x[$0], upper[$0]) }
        guard let first = pts.first else { return }
        c.setColor(context.color.opacity(opacity))
        c.moveTo(t.px(x[first]), t.py(upper[first]))
        for i in pts.dropFirst() { c.lineTo(t.px(x[i]), t.py(upper[i])) }
        for i in pts.reversed() { c.lineTo(t.px(x[i]), t.py(lower[i])) }
        c.closePath()
        c.fill(role: "mark")
    }
}

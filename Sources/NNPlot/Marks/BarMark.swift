/// Bars at positions `x` with heights `height` (from the axis' lower limit on a log scale, else from 0).
public struct BarMark: Sendable {
    /// The centre of each bar.
    public var x: [Double]
    /// The height of each bar.
    public var height: [Double]
    /// The width of every bar in data units.
    public var width: Double = 0.8
    /// The legend label; nil leaves the bars out of the legend.
    public var label: String?
    /// The colour; nil takes the next colour of the palette.
    public var color: Color?
    /// Per-bar colours.
    public var colors: [Color]?
    /// Bars.
    public init(x: [Double], height: [Double], width: Double = 0.8, label: String? = nil, color: Color? = nil, colors: [Color]? = nil) {
        self.x = x; self.height = height; self.width = width; self.label = label; self.color = color; self.colors = colors
    }
}

extension BarMark: MarkPainter {
    var layer: MarkLayer { .area }

    func problem() -> String? {
        x.count == height.count ? nil : "bar has \(x.count) positions and \(height.count) heights"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        for (center, h) in zip(x, height) {
            extent.addX(center - width / 2, xScale, data: false); extent.addX(center + width / 2, xScale, data: false)
            extent.noteX(center); extent.addY(h, yScale)
        }
        extent.addBaseline(yScale)
    }

    var colorSlot: ColorSlot { .series(color) }

    func legendEntry(color: Color) -> LegendEntry? {
        label.map { LegendEntry(label: $0, color: color, swatch: .fill) }
    }

    func placementSamples() -> PlacementSamples? { PlacementSamples(x: x, y: height) }

    func draw(in context: inout PaintContext) {
        let c = context.canvas, t = context.transform
        let base = t.baseline
        for (i, (center, h)) in zip(x, height).enumerated() where t.yScale.accepts(h) {
            c.setColor(cycledColor(colors, i, fallback: context.color))
            let x0 = t.px(center - width / 2), x1 = t.px(center + width / 2), y = t.py(h)
            c.rectangle(Rect(x: x0, y: min(y, base), width: x1 - x0, height: abs(base - y)))
            c.fill(role: "mark")
        }
    }
}

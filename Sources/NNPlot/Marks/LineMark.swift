/// A line through points, with optional markers.
public struct LineMark: Sendable {
    /// The x value of each point.
    public var x: [Double]
    /// The y value of each point; NaN (and non-positive values on a log axis) leave gaps.
    public var y: [Double]
    /// The legend label; nil leaves the line out of the legend.
    public var label: String?
    /// The colour; nil takes the next colour of the palette.
    public var color: Color?
    /// The width in points at the screen theme's line width (scaled with the theme).
    public var width: Double = 1.5
    /// The dash pattern.
    public var dash: Dash = .solid
    /// A marker drawn on the points, or nil for none.
    public var marker: MarkerShape?
    /// Draw a marker every `markEvery` points.
    public var markEvery = 1
    /// A line through points; `color` nil takes the next colour of the palette.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil, width: Double = 1.5,
                dash: Dash = .solid, marker: MarkerShape? = nil, markEvery: Int = 1) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.width = width
        self.dash = dash; self.marker = marker; self.markEvery = max(1, markEvery)
    }
}

extension LineMark: MarkPainter {
    var layer: MarkLayer { .line }

    func problem() -> String? {
        x.count == y.count ? nil : "line '\(label ?? "")' has \(x.count) x and \(y.count) y values"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        extent.addPoints(x, y, xScale: xScale, yScale: yScale)
    }

    var colorSlot: ColorSlot { .series(color) }

    func legendEntry(color: Color) -> LegendEntry? {
        label.map { LegendEntry(label: $0, color: color, swatch: .line, dash: dash, marker: marker) }
    }

    func placementSamples() -> PlacementSamples? { PlacementSamples(x: x, y: y, connected: true) }

    /// Draws the line (decimated to about two points per pixel column), then its markers.
    func draw(in context: inout PaintContext) {
        let c = context.canvas, t = context.transform, theme = context.theme
        let idx = Decimation.minMax(x: x, y: y, columns: Int(t.plot.width * 2))
        c.setColor(context.color)
        c.setLine(width: width * theme.lineWidth / 1.5, dash: dash.pattern)
        var pen = false
        for i in idx {
            let (vx, vy) = (x[i], y[i])
            guard t.drawable(vx, vy) else { pen = false; continue }   // gaps at NaN and non-positive log values
            if pen { c.lineTo(t.px(vx), t.py(vy)) } else { c.moveTo(t.px(vx), t.py(vy)); pen = true }
        }
        c.stroke(role: "mark")
        if let marker {
            for i in stride(from: 0, to: x.count, by: markEvery) where t.drawable(x[i], y[i]) {
                marker.draw(at: t.px(x[i]), t.py(y[i]), radius: 3 * theme.lineWidth / 1.5, on: c)
            }
        }
    }
}

/// Points drawn as markers.
public struct ScatterMark: Sendable {
    /// The x value of each point.
    public var x: [Double]
    /// The y value of each point.
    public var y: [Double]
    /// The legend label; nil leaves the points out of the legend.
    public var label: String?
    /// The colour; nil takes the next colour of the palette.
    public var color: Color?
    /// Per-point colours (overrides `color`).
    public var colors: [Color]?
    /// The marker radius in points.
    public var size: Double = 3
    /// The marker shape.
    public var marker: MarkerShape = .circle
    /// A scatter.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil, colors: [Color]? = nil,
                size: Double = 3, marker: MarkerShape = .circle) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.colors = colors; self.size = size; self.marker = marker
    }
}

extension ScatterMark: MarkPainter {
    var layer: MarkLayer { .line }

    func problem() -> String? {
        x.count == y.count ? nil : "scatter has \(x.count) x and \(y.count) y values"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        extent.addPoints(x, y, xScale: xScale, yScale: yScale)
    }

    var colorSlot: ColorSlot { .series(color) }

    func legendEntry(color: Color) -> LegendEntry? {
        label.map { LegendEntry(label: $0, color: color, swatch: .marker, marker: marker) }
    }

    func placementSamples() -> PlacementSamples? { PlacementSamples(x: x, y: y) }

    func draw(in context: inout PaintContext) {
        let c = context.canvas, t = context.transform
        for (i, (vx, vy)) in zip(x, y).enumerated() where t.drawable(vx, vy) {
            c.setColor(cycledColor(colors, i, fallback: context.color))
            marker.draw(at: t.px(vx), t.py(vy), radius: size, on: c)
        }
    }
}

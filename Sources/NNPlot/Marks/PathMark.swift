/// A path through points with markers and arrow heads between them (optimiser trajectories).
public struct PathMark: Sendable {
    /// The x value of each point.
    public var x: [Double]
    /// The y value of each point.
    public var y: [Double]
    /// The legend label; nil leaves the path out of the legend.
    public var label: String?
    /// The colour; nil takes the next colour of the palette.
    public var color: Color?
    /// A marker drawn on every point, or nil for none.
    public var marker: MarkerShape? = .circle
    /// Arrow heads on every segment.
    public var arrows = true
    /// The width in points at the screen theme's line width (scaled with the theme).
    public var width = 1.2
    /// A path.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil, marker: MarkerShape? = .circle,
                arrows: Bool = true, width: Double = 1.2) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.marker = marker; self.arrows = arrows; self.width = width
    }
}

extension PathMark: MarkPainter {
    var layer: MarkLayer { .line }

    func problem() -> String? {
        x.count == y.count ? nil : "path has \(x.count) x and \(y.count) y values"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        extent.addPoints(x, y, xScale: xScale, yScale: yScale)
    }

    var colorSlot: ColorSlot { .series(color) }

    func legendEntry(color: Color) -> LegendEntry? {
        label.map { LegendEntry(label: $0, color: color, swatch: .line, marker: marker) }
    }

    func placementSamples() -> PlacementSamples? { PlacementSamples(x: x, y: y, connected: true) }

    /// Draws the path through the drawable points, an arrow head 60 % along each segment long
    /// enough for one, then the markers.
    func draw(in context: inout PaintContext) {
        let c = context.canvas, t = context.transform, theme = context.theme
        let pts = zip(x, y).filter { t.drawable($0.0, $0.1) }.map { (t.px($0.0), t.py($0.1)) }
        guard let first = pts.first else { return }
        c.setColor(context.color)
        c.setLine(width: width * theme.lineWidth / 1.5, dash: [])
        c.moveTo(first.0, first.1)
        for q in pts.dropFirst() { c.lineTo(q.0, q.1) }
        c.stroke(role: "mark")
        if arrows {
            let s = 3.2 * theme.lineWidth / 1.5 + 1.5
            for (a, b) in zip(pts, pts.dropFirst()) {
                let dx = b.0 - a.0, dy = b.1 - a.1, len = (dx * dx + dy * dy).squareRoot()
                guard len > 3 * s else { continue }
                let ux = dx / len, uy = dy / len, mx = a.0 + dx * 0.6, my = a.1 + dy * 0.6
                c.moveTo(mx + ux * s, my + uy * s)
                c.lineTo(mx - ux * s - uy * s * 0.7, my - uy * s + ux * s * 0.7)
                c.lineTo(mx - ux * s + uy * s * 0.7, my - uy * s - ux * s * 0.7)
                c.closePath()
            }
            c.fill(role: "mark")
        }
        if let marker { for q in pts { marker.draw(at: q.0, q.1, radius: 2.2 * theme.lineWidth / 1.5, on: c) } }
    }
}

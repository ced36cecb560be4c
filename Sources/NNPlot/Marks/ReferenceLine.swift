/// A horizontal or vertical reference line with a label ("best epoch", "ln 10").
public struct ReferenceLine: Sendable {
    /// The direction of a reference line.
    public enum Orientation: Sendable {
        /// Across the plot at a y value.
        case horizontal
        /// Up the plot at an x value.
        case vertical
    }
    /// The line's direction.
    public var orientation: Orientation
    /// The y (horizontal) or x (vertical) value it marks.
    public var value: Double
    /// A label written beside the line, or nil.
    public var label: String?
    /// The colour of the line and its label.
    public var color: Color = .grey
    /// The dash pattern.
    public var dash: Dash = .dashed
    /// A reference line.
    public init(_ orientation: Orientation, at value: Double, label: String? = nil, color: Color = .grey, dash: Dash = .dashed) {
        self.orientation = orientation; self.value = value; self.label = label; self.color = color; self.dash = dash
    }

    /// Fitted limits include the line's value.
    func addExtent(to e: inout Extent, xScale: Scale, yScale: Scale) {
        if orientation == .horizontal { e.addY(value, yScale) } else { e.addX(value, xScale) }
    }

    /// Points along the line and where its label goes, which a legend inside the plot should not cover.
    func placementPoints(_ t: AxesTransform, theme: Theme) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        let along = stride(from: 0.0, through: 1.0, by: 0.02)
        switch orientation {
        case .horizontal where t.yScale.accepts(value):
            let y = t.py(value)
            points += along.map { (t.plot.x + $0 * t.plot.width, y) }
            if label != nil { points += stride(from: 0.0, through: 80, by: 4).map { (t.plot.maxX - $0, y - theme.tickSize) } }
        case .vertical where t.xScale.accepts(value):
            let x = t.px(value)
            points += along.map { (x, t.plot.y + $0 * t.plot.height) }
            if label != nil { points += stride(from: 0.0, through: 80, by: 4).map { (x + $0, t.plot.y + theme.tickSize) } }
        default: break
        }
        return points
    }

    /// Draws the line across the plot and its label at the first of its positions that overlaps
    /// no label in `placed` (the first position when all do); the label's box is added to `placed`.
    func draw(_ t: AxesTransform, _ c: Canvas, theme: Theme, avoiding placed: inout [Rect]) {
        c.setColor(color)
        c.setLine(width: 1, dash: dash.pattern)
        let plot = t.plot
        func placeLabel(_ options: [(Double, Double, HAlign, VAlign)]) {
            guard let l = self.label else { return }
            let fits = options.first { o in
                let b = c.textBox(l, x: o.0, y: o.1, size: theme.tickSize, bold: false, h: o.2, v: o.3, angle: 0)
                return !placed.contains { $0.intersects(b) }
            } ?? options[0]
            placed.append(c.text(l, x: fits.0, y: fits.1, size: theme.tickSize, bold: false, h: fits.2, v: fits.3, angle: 0,
                                 color: color, role: "reference-label"))
        }
        switch orientation {
        case .horizontal:
            guard t.yScale.accepts(value) else { return }
            let y = t.py(value)
            c.moveTo(plot.x, y); c.lineTo(plot.maxX, y); c.stroke(role: "reference")
            placeLabel([(plot.maxX - 3, y - 2, .right, .bottom), (plot.x + 3, y - 2, .left, .bottom), (plot.maxX - 3, y + 2, .right, .top)])
        case .vertical:
            guard t.xScale.accepts(value) else { return }
            let x = t.px(value)
            c.moveTo(x, plot.y); c.lineTo(x, plot.maxY); c.stroke(role: "reference")
            placeLabel([(x + 3, plot.y + 3, .left, .top), (x - 3, plot.y + 3, .right, .top), (x + 3, plot.maxY - 3, .left, .bottom)])
        }
    }
}

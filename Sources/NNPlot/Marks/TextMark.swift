/// Text at a data position.
public struct TextMark: Sendable {
    /// Where the text's anchor goes relative to the point.
    public enum Anchor: Sendable {
        /// Centred on the point.
        case center
        /// Starting just right of the point.
        case left
        /// Ending just left of the point.
        case right
        /// Centred just above the point.
        case above
        /// Centred just below the point.
        case below
    }
    /// The point's x value.
    public var x: Double
    /// The point's y value.
    public var y: Double
    /// The text.
    public var text: String
    /// Where the text sits relative to the point.
    public var anchor: Anchor = .left
    /// The text colour.
    public var color: Color = .black
    /// The font size in points; nil uses the theme's tick label size.
    public var size: Double?
    /// A text annotation.
    public init(x: Double, y: Double, text: String, anchor: Anchor = .left, color: Color = .black, size: Double? = nil) {
        self.x = x; self.y = y; self.text = text; self.anchor = anchor; self.color = color; self.size = size
    }
}

extension TextMark: MarkPainter {
    var layer: MarkLayer { .text }
    var drawsText: Bool { true }

    func problem() -> String? { nil }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        extent.addX(x, xScale); extent.addY(y, yScale)
    }

    func draw(in context: inout PaintContext) {
        let t = context.transform
        guard t.drawable(x, y) else { return }
        let (h, v, dx, dy): (HAlign, VAlign, Double, Double) = switch anchor {
        case .center: (.center, .middle, 0, 0)
        case .left: (.left, .middle, 4, 0)
        case .right: (.right, .middle, -4, 0)
        case .above: (.center, .bottom, 0, -4)
        case .below: (.center, .top, 0, 4)
        }
        context.canvas.text(text, x: t.px(x) + dx, y: t.py(y) + dy, size: size ?? context.theme.tickSize, bold: false, h: h, v: v,
                            angle: 0, color: color, role: "annotation")
    }
}

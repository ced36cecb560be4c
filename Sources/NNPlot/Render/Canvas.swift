import CCairo
import Foundation

/// A rectangle in points, y growing downwards.
public struct Rect: Equatable, Sendable, CustomStringConvertible {
    /// The top-left corner and the size, in points.
    public var x, y, width, height: Double
    /// A rectangle.
    public init(x: Double, y: Double, width: Double, height: Double) { self.x = x; self.y = y; self.width = width; self.height = height }
    /// The right edge.
    public var maxX: Double { x + width }
    /// The bottom edge.
    public var maxY: Double { y + height }
    /// Whether the two rectangles overlap by more than `tolerance` points.
    public func intersects(_ o: Rect, tolerance: Double = 0.5) -> Bool {
        x + tolerance < o.maxX && o.x + tolerance < maxX && y + tolerance < o.maxY && o.y + tolerance < maxY
    }
    /// Whether `o` lies inside, within `tolerance`.
    public func contains(_ o: Rect, tolerance: Double = 0.5) -> Bool {
        o.x >= x - tolerance && o.y >= y - tolerance && o.maxX <= maxX + tolerance && o.maxY <= maxY + tolerance
    }
    /// `(x, y, width x height)` to one decimal.
    public var description: String { String(format: "(%.1f, %.1f, %.1f x %.1f)", x, y, width, height) }
}

/// Horizontal text alignment relative to the anchor point.
enum HAlign { case left, center, right }
/// Vertical text alignment relative to the anchor point.
enum VAlign { case top, middle, baseline, bottom }

/// The size of a piece of text.
struct TextMetrics {
    var width, ascent, descent: Double
    /// How far the ink reaches past either end of the advance `width` (0 when it does not).
    var overhang = 0.0
}

/// What figure drawing needs from a backend. ``CairoCanvas`` draws; ``RecordingCanvas``
/// records what would be drawn, so tests can check layout without pixels.
protocol Canvas: AnyObject {
    func measure(_ text: String, size: Double, bold: Bool) -> TextMetrics
    func setColor(_ c: Color)
    func setLine(width: Double, dash: [Double])
    /// Joins of the following strokes: round (default) or bevel (cheaper, for dense polylines
    /// whose segments are shorter than the line is wide).
    func setRoundJoins(_ round: Bool)
    func moveTo(_ x: Double, _ y: Double)
    func lineTo(_ x: Double, _ y: Double)
    func closePath()
    func rectangle(_ r: Rect)
    func circle(_ x: Double, _ y: Double, radius: Double)
    func stroke(role: String)
    func fill(role: String)
    func save()
    func restore()
    func clip(_ r: Rect)
    /// Draws text at (x, y) with the given alignment, rotated by `angle` radians (counter-clockwise
    /// for negative angles on screen), and returns its bounding box.
    @discardableResult
    func text(_ s: String, x: Double, y: Double, size: Double, bold: Bool, h: HAlign, v: VAlign, angle: Double,
              color: Color, role: String) -> Rect
    /// Paints an RGBA image (row-major, straight alpha) into `rect`, with nearest-neighbour sampling.
    func image(rgba: [UInt8], width: Int, height: Int, in rect: Rect, role: String)
}

extension Canvas {
    /// The bounding box text would have, without drawing it.
    func textBox(_ s: String, x: Double, y: Double, size: Double, bold: Bool, h: HAlign, v: VAlign, angle: Double) -> Rect {
        let m = measure(s, size: size, bold: bold)
        let dx: Double = h == .left ? 0 : h == .center ? -m.width / 2 : -m.width
        let dy: Double
        switch v {
        case .top: dy = m.ascent
        case .middle: dy = (m.ascent - m.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -m.descent
        }
        // Box in text space: x from dx to dx + width; y from dy - ascent to dy + descent.
        let corners = [(dx, dy - m.ascent), (dx + m.width, dy - m.ascent), (dx, dy + m.descent), (dx + m.width, dy + m.descent)]
        let c = cos(angle), s = sin(angle)
        let xs = corners.map { x + $0.0 * c - $0.1 * s }, ys = corners.map { y + $0.0 * s + $0.1 * c }
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }
}

/// Draws on a Cairo context; text goes through Pango (``PangoText``).
final class CairoCanvas: Canvas {
    let context: CairoContext
    /// The font families, first choice first, comma-separated.
    let family: String
    /// Lays out, measures and draws the text.
    let pango: PangoText
    private var cr: OpaquePointer { context.cr }

    /// The tile being drawn, or nil for the whole figure.
    var tile: CanvasTile? { didSet { textCalls = 0 } }
    private var textCalls = 0
    /// The texts that had glyphs no installed font had: the text call's number (drawing order),
    /// the text and the count of such glyphs. A tile counts only the texts anchored in it.
    private(set) var unknownGlyphTexts: [(call: Int, text: String, count: Int)] = []

    init(_ context: CairoContext, family: String) {
        self.context = context
        self.family = family
        pango = PangoText.forThread(families: family)
    }

    func measure(_ text: String, size: Double, bold: Bool) -> TextMetrics { pango.measure(text, size: size, bold: bold) }

    func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }
    func setLine(width: Double, dash: [Double]) {
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        let scaled = dash.map { $0 * max(width, 0.8) }
        cairo_set_dash(cr, scaled, Int32(scaled.count), 0)
    }
    func setRoundJoins(_ round: Bool) { cairo_set_line_join(cr, round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_BEVEL) }
    func moveTo(_ x: Double, _ y: Double) { cairo_move_to(cr, x, y) }
    func lineTo(_ x: Double, _ y: Double) { cairo_line_to(cr, x, y) }
    func closePath() { cairo_close_path(cr) }
    func rectangle(_ r: Rect) { cairo_rectangle(cr, r.x, r.y, r.width, r.height) }
    func circle(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * .pi)
    }
    func stroke(role: String) { cairo_stroke(cr) }
    func fill(role: String) { cairo_fill(cr) }
    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }
    func clip(_ r: Rect) { rectangle(r); cairo_clip(cr) }

    func text(_ s: String, x: Double, y: Double, size: Double, bold: Bool, h: HAlign, v: VAlign, angle: Double,
              color: Color, role: String) -> Rect {
        let box = textBox(s, x: x, y: y, size: size, bold: bold, h: h, v: v, angle: angle)
        let call = textCalls
        textCalls += 1
        let counts = tile?.holds(x, y) ?? true
        // Ink may reach past the measured box (overhangs, accents): a tile skips only texts well outside it.
        if let tile, !tile.points.intersects(box, tolerance: -size / 2 - 2) {
            if counts { note(call, s, pango.unknownGlyphs(s, size: size, bold: bold)) }
            return box
        }
        let m = measure(s, size: size, bold: bold)
        let dx: Double = h == .left ? 0 : h == .center ? -m.width / 2 : -m.width
        let dy: Double = v == .top ? m.ascent : v == .middle ? (m.ascent - m.descent) / 2 : v == .bottom ? -m.descent : 0
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_rotate(cr, angle)
        setColor(color)
        let unknown = pango.draw(s, size: size, bold: bold, x: dx, baseline: dy, on: cr)
        cairo_restore(cr)
        if counts { note(call, s, unknown) }
        return box
    }

    private func note(_ call: Int, _ text: String, _ count: Int) {
        if count > 0 { unknownGlyphTexts.append((call, text, count)) }
    }

    func image(rgba: [UInt8], width: Int, height: Int, in rect: Rect, role: String) {
        guard width > 0, height > 0,
              let img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else { return }
        defer { cairo_surface_destroy(img) }
        guard cairo_surface_status(img) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(img) else { return }
        let stride = Int(cairo_image_surface_get_stride(img))
        for yy in 0..<height {
            let row = UnsafeMutableRawPointer(data + yy * stride).assumingMemoryBound(to: UInt32.self)
            for xx in 0..<width {
                let o = (yy * width + xx) * 4
                let a = UInt32(rgba[o + 3])
                let r = UInt32(rgba[o]) * a / 255, g = UInt32(rgba[o + 1]) * a / 255, b = UInt32(rgba[o + 2]) * a / 255
                row[xx] = a << 24 | r << 16 | g << 8 | b
            }
        }
        cairo_surface_mark_dirty(img)
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(cr, img, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_paint(cr)
        cairo_restore(cr)
    }
}

/// A tile of a figure drawn on its own (``TilePlan``): its rectangle in points, and the
/// rectangle whose texts it counts (in pixels; anchors off the surface count at its edge).
struct CanvasTile {
    var points: Rect
    var pixels: TilePlan.Tile
    var scale: Double
    var surfaceWidth, surfaceHeight: Int

    /// Whether a text anchored at (x, y) points is this tile's to count.
    func holds(_ x: Double, _ y: Double) -> Bool {
        pixels.columns.contains(Self.pixel(x * scale, surfaceWidth)) && pixels.rows.contains(Self.pixel(y * scale, surfaceHeight))
    }

    private static func pixel(_ v: Double, _ n: Int) -> Int {
        v.isFinite ? Int(min(max(v.rounded(.down), 0), Double(n - 1))) : 0
    }
}

/// One thing a ``RecordingCanvas`` saw drawn.
public struct DrawnItem: Sendable, Equatable {
    /// `text`, `stroke`, `fill` or `image`.
    public var kind: String
    /// What it is in the figure: `tick-label-x`, `axis-label`, `legend`, `mark`, ...
    public var role: String
    /// Its bounding box in points (for strokes, of the path's points, widened by half the line width).
    public var bounds: Rect
    /// The string, for text.
    public var text: String?
    /// The colour in use.
    public var color: Color
    /// Whether it was drawn under a clip (its visible part is inside the clip).
    public var clip: Rect?
}

/// Records what figure drawing would do, measuring text with Pango but drawing no pixels.
final class RecordingCanvas: Canvas {
    private(set) var items: [DrawnItem] = []
    private let measurer: CairoCanvas
    private var color = Color.black
    private var lineWidth = 1.0
    private var path: [(Double, Double)] = []
    private var clips: [Rect?] = [nil]
    private var currentClip: Rect? { clips.last ?? nil }

    init(family: String) throws(RenderError) {
        let surface = try CairoSurface(kind: .image(scale: 1), width: 4, height: 4)
        measurer = CairoCanvas(try CairoContext(surface), family: family)
    }

    func measure(_ text: String, size: Double, bold: Bool) -> TextMetrics { measurer.measure(text, size: size, bold: bold) }
    func setColor(_ c: Color) { color = c }
    func setLine(width: Double, dash: [Double]) { lineWidth = width }
    func setRoundJoins(_ round: Bool) {}
    func moveTo(_ x: Double, _ y: Double) { path.append((x, y)) }
    func lineTo(_ x: Double, _ y: Double) { path.append((x, y)) }
    func closePath() {}
    func rectangle(_ r: Rect) { path += [(r.x, r.y), (r.maxX, r.maxY)] }
    func circle(_ x: Double, _ y: Double, radius: Double) { path += [(x - radius, y - radius), (x + radius, y + radius)] }

    private func flush(_ kind: String, _ role: String, widen: Double) {
        guard !path.isEmpty else { return }
        let xs = path.map(\.0), ys = path.map(\.1)
        items.append(DrawnItem(kind: kind, role: role,
                               bounds: Rect(x: xs.min()! - widen, y: ys.min()! - widen, width: xs.max()! - xs.min()! + 2 * widen,
                                            height: ys.max()! - ys.min()! + 2 * widen),
                               text: nil, color: color, clip: currentClip))
        path.removeAll()
    }

    func stroke(role: String) { flush("stroke", role, widen: lineWidth / 2) }
    func fill(role: String) { flush("fill", role, widen: 0) }
    func save() { clips.append(currentClip) }
    func restore() { if clips.count > 1 { clips.removeLast() } }
    func clip(_ r: Rect) { clips[clips.count - 1] = r; path.removeAll() }

    func text(_ s: String, x: Double, y: Double, size: Double, bold: Bool, h: HAlign, v: VAlign, angle: Double,
              color: Color, role: String) -> Rect {
        let box = textBox(s, x: x, y: y, size: size, bold: bold, h: h, v: v, angle: angle)
        items.append(DrawnItem(kind: "text", role: role, bounds: box, text: s, color: color, clip: currentClip))
        return box
    }

    func image(rgba: [UInt8], width: Int, height: Int, in rect: Rect, role: String) {
        items.append(DrawnItem(kind: "image", role: role, bounds: rect, text: nil, color: color, clip: currentClip))
    }
}

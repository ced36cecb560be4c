import CCairo
import CPango
import Foundation

/// Figure text laid out by Pango: shaping (HarfBuzz) and font fallback (fontconfig), so Latin,
/// Greek, maths symbols and Hangul mix in one label, each character from the first family of
/// the list that has it.
///
/// Layout is done once, in points, with hinting and glyph-position rounding off, and drawn at
/// whatever scale the Cairo context has: the same text has the same size in PNG, SVG and PDF,
/// and the sizes measured for layout are the sizes drawn. Not `Sendable`: one per canvas.
final class PangoText {
    private let context: OpaquePointer
    private let layout: OpaquePointer
    /// The families, first choice first, as Pango reads them ("DejaVu Sans,NanumGothic").
    private let families: String
    /// The first family: its ascent and descent set the height of every line.
    private let primary: String
    private var descriptions: [FontKey: OpaquePointer] = [:]
    private var measured: [MeasureKey: TextMetrics] = [:]
    private var laidOut: (text: String, font: FontKey)?

    private static let scale = Double(PANGO_SCALE)

    /// The thread's text in `families`, made on first use: measurements made for one figure
    /// serve the next (tick labels repeat), and Pango objects stay on the thread that made them.
    static func forThread(families: String) -> PangoText {
        let key = "nnviz.PangoText." + families
        if let text = Thread.current.threadDictionary[key] as? PangoText { return text }
        let text = PangoText(families: families)
        Thread.current.threadDictionary[key] = text
        return text
    }

    /// Text in `families` (comma-separated, first choice first).
    init(families: String) {
        self.families = families
        primary = families.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? families
        context = pango_font_map_create_context(pango_cairo_font_map_get_default())
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        layout = pango_layout_new(context)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
        for d in descriptions.values { pango_font_description_free(d) }
    }

    /// The width of `text` and the height above and below its baseline: the first family's
    /// ascent and descent (scaled by 0.8: a tight box around capitals), grown to the ink of any
    /// glyph that reaches further (Hangul from a fallback font, accents, tall symbols).
    func measure(_ text: String, size: Double, bold: Bool) -> TextMetrics {
        let key = MeasureKey(text: text, font: FontKey(size: size, bold: bold))
        if let m = measured[key] { return m }
        lay(text, key.font)
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let baseline = Double(pango_layout_get_baseline(layout)) / Self.scale
        let font = PrimaryMetrics.of(primary, key.font, in: context)
        var ascent = font.ascent * 0.8, descent = font.descent * 0.8
        if ink.width > 0, ink.height > 0 {
            ascent = max(ascent, baseline - Double(ink.y) / Self.scale)
            descent = max(descent, Double(ink.y + ink.height) / Self.scale - baseline)
        }
        let overhang = max(0, Double(logical.x - ink.x), Double(ink.x + ink.width - logical.x - logical.width)) / Self.scale
        let m = TextMetrics(width: Double(logical.width) / Self.scale, ascent: ascent, descent: descent, overhang: ink.width > 0 ? overhang : 0)
        if measured.count >= 20_000 { measured.removeAll(keepingCapacity: true) }   // bounded in a long-lived thread
        measured[key] = m
        return m
    }

    /// Draws `text` with its baseline starting at (x, y) in the context's current user space;
    /// returns the count of its glyphs that no installed font had (Pango draws them as boxes).
    func draw(_ text: String, size: Double, bold: Bool, x: Double, baseline y: Double, on cr: OpaquePointer) -> Int {
        lay(text, FontKey(size: size, bold: bold))
        cairo_move_to(cr, x, y - Double(pango_layout_get_baseline(layout)) / Self.scale)
        pango_cairo_show_layout(cr, layout)
        return Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    /// The count of the glyphs of `text` that no installed font has, without drawing it.
    func unknownGlyphs(_ text: String, size: Double, bold: Bool) -> Int {
        lay(text, FontKey(size: size, bold: bold))
        return Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    /// Puts `text` in `font` into the layout, unless it is there already.
    private func lay(_ text: String, _ font: FontKey) {
        if let l = laidOut, l.text == text, l.font == font { return }
        if laidOut?.font != font { pango_layout_set_font_description(layout, description(font)) }
        if laidOut?.text != text { pango_layout_set_text(layout, text, -1) }
        laidOut = (text, font)
    }

    private func description(_ font: FontKey) -> OpaquePointer {
        if let d = descriptions[font] { return d }
        let d = PrimaryMetrics.description(families, font)
        descriptions[font] = d
        return d
    }
}

/// A font size and weight.
struct FontKey: Hashable {
    var size: Double
    var bold: Bool
}

private struct MeasureKey: Hashable {
    var text: String
    var font: FontKey
}

/// The ascent and descent of the first family at a size and weight, looked up once per process
/// (each look-up loads a font through fontconfig).
enum PrimaryMetrics {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: (ascent: Double, descent: Double)] = [:]

    /// A Pango font description of `families` at `font`'s size (in points, absolute) and weight.
    static func description(_ families: String, _ font: FontKey) -> OpaquePointer {
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, families)
        pango_font_description_set_weight(d, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(d, font.size * Double(PANGO_SCALE))
        return d
    }

    static func of(_ family: String, _ font: FontKey, in context: OpaquePointer) -> (ascent: Double, descent: Double) {
        let key = "\(family)|\(font.size)|\(font.bold)"
        lock.lock()
        let known = cache[key]
        lock.unlock()
        if let known { return known }
        let d = description(family, font)
        defer { pango_font_description_free(d) }
        var value = (ascent: font.size * 0.93, descent: font.size * 0.24)
        if let f = pango_context_load_font(context, d), let m = pango_font_get_metrics(f, nil) {
            value = (Double(pango_font_metrics_get_ascent(m)) / Double(PANGO_SCALE),
                     Double(pango_font_metrics_get_descent(m)) / Double(PANGO_SCALE))
            pango_font_metrics_unref(m)
            g_object_unref(UnsafeMutableRawPointer(f))
        }
        lock.lock()
        cache[key] = value
        lock.unlock()
        return value
    }
}

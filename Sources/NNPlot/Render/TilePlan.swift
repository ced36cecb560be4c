import Foundation

/// Where a raster figure can be cut into tiles that are drawn apart (on two threads) and still
/// give the very pixels of one drawing.
///
/// Cairo draws a shape wholly inside a tile exactly as it would on the whole surface (the tile's
/// clip contains the shape's extents, so Cairo reduces it to the shape's own rectangle, as for
/// no clip), but a shape cut by a tile's edge may take another compositing path and come out a
/// shade different. So the cuts run only through rows (and, within a band of rows, columns)
/// that nothing but the background touches: the gaps between panels, titles and labels. Marks
/// are drawn clipped to their plot, so the plan needs only the plot rectangle, not the marks.
struct TilePlan: Equatable {
    /// A tile in device pixels, in band `band`.
    struct Tile: Equatable {
        var columns: Range<Int>
        var rows: Range<Int>
        var band: Int
    }

    /// The bands of rows, top to bottom; together they cover every row.
    var bands: [Range<Int>]
    /// The tiles, band by band, left to right; together they cover every pixel once.
    var tiles: [Tile]

    /// The plan for a `width` x `height` pixel surface on which `boxes` (in points, at `scale`
    /// pixels a point) are drawn; each box is widened by `pad` pixels for antialiasing.
    /// Anything drawn at a position that is not finite leaves the figure whole (one tile).
    init(boxes: [Rect], scale: Double, width: Int, height: Int, pad: Int = 2) {
        guard boxes.allSatisfy({ [$0.x, $0.y, $0.maxX, $0.maxY].allSatisfy { ($0 * scale).magnitude < 1e9 } }) else {
            bands = [0..<height]
            tiles = [Tile(columns: 0..<width, rows: 0..<height, band: 0)]
            return
        }
        let spans = boxes.compactMap { b -> (rows: Range<Int>, columns: Range<Int>)? in
            let y0 = max(0, Int((b.y * scale).rounded(.down)) - pad), y1 = min(height, Int((b.maxY * scale).rounded(.up)) + pad)
            let x0 = max(0, Int((b.x * scale).rounded(.down)) - pad), x1 = min(width, Int((b.maxX * scale).rounded(.up)) + pad)
            return y0 < y1 && x0 < x1 ? (y0..<y1, x0..<x1) : nil
        }
        bands = Self.cuts(spans.map(\.rows), length: height)
        tiles = bands.enumerated().flatMap { k, band in
            Self.cuts(spans.filter { $0.rows.overlaps(band) }.map(\.columns), length: width).map { Tile(columns: $0, rows: band, band: k) }
        }
    }

    /// Splits 0..<length at the middle of each gap between the covered runs of `spans`.
    static func cuts(_ spans: [Range<Int>], length: Int) -> [Range<Int>] {
        guard length > 0 else { return [] }
        var delta = [Int](repeating: 0, count: length + 1)
        for s in spans { delta[s.lowerBound] += 1; delta[s.upperBound] -= 1 }
        var out: [Range<Int>] = []
        var start = 0, depth = 0, lastCovered = -1, seenCover = false
        for i in 0..<length {
            depth += delta[i]
            guard depth > 0 else { continue }
            if seenCover, i > lastCovered + 1 {   // a gap lastCovered+1 ..< i: cut in its middle
                let cut = (lastCovered + 1 + i) / 2
                out.append(start..<cut)
                start = cut
            }
            seenCover = true
            lastCovered = i
        }
        out.append(start..<length)
        return out
    }
}

/// A canvas that draws nothing and records a generous box around everything drawn (in points,
/// clipped), except the background: what ``TilePlan`` needs. Text is measured by `measurer`.
final class ExtentCanvas: Canvas {
    private let measurer: Canvas
    private(set) var boxes: [Rect] = []
    /// Cairo's defaults until set: 2 pt lines with mitred joins.
    private var lineWidth = 2.0
    private var miter = true
    private var path: Rect?
    private var clips: [Rect?] = [nil]

    init(measuringWith measurer: Canvas) { self.measurer = measurer }

    func measure(_ text: String, size: Double, bold: Bool) -> TextMetrics { measurer.measure(text, size: size, bold: bold) }
    func setColor(_ c: Color) {}
    func setLine(width: Double, dash: [Double]) { lineWidth = width; miter = false }
    func setRoundJoins(_ round: Bool) { miter = false }
    func moveTo(_ x: Double, _ y: Double) { add(Rect(x: x, y: y, width: 0, height: 0)) }
    func lineTo(_ x: Double, _ y: Double) { add(Rect(x: x, y: y, width: 0, height: 0)) }
    func closePath() {}
    func rectangle(_ r: Rect) { add(r) }
    func circle(_ x: Double, _ y: Double, radius: Double) { add(Rect(x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius)) }
    // Cairo's own stroke extents grow the path by half the width (square caps by 0.71, mitred joins by 14.2 widths).
    func stroke(role: String) { flush(widen: lineWidth * (miter ? 14.2 : 0.75)) }
    func fill(role: String) {
        if role == "background" { path = nil } else { flush(widen: 0) }
    }
    func save() { clips.append(clips.last ?? nil) }
    func restore() { if clips.count > 1 { clips.removeLast() } }
    func clip(_ r: Rect) {
        clips[clips.count - 1] = clips.last.flatMap { $0 }.map { Self.intersection($0, r) } ?? r
        path = nil
    }

    func text(_ s: String, x: Double, y: Double, size: Double, bold: Bool, h: HAlign, v: VAlign, angle: Double,
              color: Color, role: String) -> Rect {
        let box = textBox(s, x: x, y: y, size: size, bold: bold, h: h, v: v, angle: angle)
        // The measured height holds the ink (ascent and descent grow to it); along the text the
        // ink may reach past the advance by the measured overhang. A point more for rounding.
        let along = measure(s, size: size, bold: bold).overhang + 1, across = angle == 0 ? 1 : along
        path = Rect(x: box.x - along, y: box.y - across, width: box.width + 2 * along, height: box.height + 2 * across)
        flush(widen: 0)
        return box
    }

    func image(rgba: [UInt8], width: Int, height: Int, in rect: Rect, role: String) {
        path = rect
        flush(widen: 0)
    }

    private func add(_ r: Rect) {
        guard let p = path else { path = r; return }
        let x0 = min(p.x, r.x), y0 = min(p.y, r.y)
        path = Rect(x: x0, y: y0, width: max(p.maxX, r.maxX) - x0, height: max(p.maxY, r.maxY) - y0)
    }

    private func flush(widen: Double) {
        guard let p = path else { return }
        path = nil
        var box = Self.grown(p, by: widen)
        if let c = clips.last ?? nil { box = Self.intersection(box, c) }
        if box.width >= 0, box.height >= 0 { boxes.append(box) }
    }

    private static func grown(_ r: Rect, by d: Double) -> Rect { Rect(x: r.x - d, y: r.y - d, width: r.width + 2 * d, height: r.height + 2 * d) }

    private static func intersection(_ a: Rect, _ b: Rect) -> Rect {
        let x0 = max(a.x, b.x), y0 = max(a.y, b.y)
        return Rect(x: x0, y: y0, width: min(a.maxX, b.maxX) - x0, height: min(a.maxY, b.maxY) - y0)
    }
}

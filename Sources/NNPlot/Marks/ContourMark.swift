import Foundation

/// Contours of a function sampled on a grid: `values[j][i]` at (`x[i]`, `y[j]`).
public struct ContourMark: Sendable {
    /// The grid's x values, ascending.
    public var x: [Double]
    /// The grid's y values, ascending.
    public var y: [Double]
    /// The function's values, `values[j][i]` at (`x[i]`, `y[j]`).
    public var values: [[Double]]
    /// The contour levels, ascending.
    public var levels: [Double]
    /// Fill the bands between levels (a colour map) under the lines.
    public var filled = false
    /// The colour map of the fill and of lines coloured by level.
    public var colorMap: ColorMap = .viridis
    /// Line colour; nil colours lines by level.
    public var lineColor: Color?
    /// Write each level's value on its longest line.
    public var labelLevels = true
    /// The line width in points at the screen theme's line width (scaled with the theme).
    public var lineWidth = 0.8
    /// Draw a colour bar of the levels beside the axes (filled contours).
    public var colorBar = false
    /// Contours.
    public init(x: [Double], y: [Double], values: [[Double]], levels: [Double], filled: Bool = false,
                colorMap: ColorMap = .viridis, lineColor: Color? = nil, labelLevels: Bool = true, lineWidth: Double = 0.8,
                colorBar: Bool = false) {
        self.x = x; self.y = y; self.values = values; self.levels = levels.sorted(); self.filled = filled
        self.colorMap = colorMap; self.lineColor = lineColor; self.labelLevels = labelLevels; self.lineWidth = lineWidth
        self.colorBar = colorBar
    }
}

extension ContourMark: MarkPainter {
    var layer: MarkLayer { .image }
    var drawsText: Bool { labelLevels }

    func problem() -> String? {
        (values.count == y.count && values.allSatisfy { $0.count == x.count }) ? nil : "contour grid is not \(y.count) x \(x.count)"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        x.forEach { extent.addX($0, xScale) }
        y.forEach { extent.addY($0, yScale) }
    }

    func requestedColorBar() -> ColorBarSpec? {
        guard filled, colorBar, let lo = levels.first, let hi = levels.last, hi > lo else { return nil }
        return ColorBarSpec(label: "level", map: colorMap, limits: lo...hi, log: false)
    }

    /// Draws the filled bands (if any) and the lines; the level labels are left to draw above every mark.
    func draw(in context: inout PaintContext) {
        guard let lo = levels.first, let hi = levels.last else { return }
        if filled { drawFill(context) }
        context.levelLabels += drawLines(context, lo: lo, hi: hi)
    }

    /// Bands between levels, sampled bilinearly on a raster at the plot's resolution; values
    /// above the top level or below the lowest take the colour of the band beyond it.
    private func drawFill(_ context: PaintContext) {
        let t = context.transform
        guard x.count >= 2, y.count >= 2, let xs0 = x.first, let xs1 = x.last, let ys0 = y.first, let ys1 = y.last else { return }
        let w = min(400, max(2, Int(t.plot.width))), hgt = min(400, max(2, Int(t.plot.height)))
        var rgba = [UInt8](repeating: 0, count: w * hgt * 4)
        for py in 0..<hgt {
            let yv = ys1 - (Double(py) + 0.5) / Double(hgt) * (ys1 - ys0)
            for pxi in 0..<w {
                let xv = xs0 + (Double(pxi) + 0.5) / Double(w) * (xs1 - xs0)
                let v = bilinear(xv, yv)
                // Bands extend beyond the levels (matplotlib's extend='both'): above the top level is the
                // band beyond it (t = 1), below the lowest the band below; both lighter, as they are open.
                guard v.isFinite else { continue }
                let band = levels.lastIndex { v >= $0 }
                let o = (py * w + pxi) * 4
                let tt = band.map { Double($0) / Double(max(levels.count - 1, 1)) } ?? -0.08
                let col = colorMap.color(at: 0.12 + 0.8 * max(tt, 0)).opacity(1)
                let open = band == nil || band == levels.count - 1
                let mix = open ? 0.55 : 0.75   // lighter than the map: lines and paths stay readable
                rgba[o] = UInt8((col.red * mix + (1 - mix)) * 255); rgba[o + 1] = UInt8((col.green * mix + (1 - mix)) * 255)
                rgba[o + 2] = UInt8((col.blue * mix + (1 - mix)) * 255); rgba[o + 3] = 255
            }
        }
        context.canvas.image(rgba: rgba, width: w, height: hgt,
                             in: Rect(x: t.px(xs0), y: t.py(ys1), width: t.px(xs1) - t.px(xs0), height: t.py(ys0) - t.py(ys1)), role: "mark")
    }

    /// Strokes each level's lines; returns the level labels to draw on top.
    private func drawLines(_ context: PaintContext, lo: Double, hi: Double) -> [LevelLabel] {
        let c = context.canvas, t = context.transform
        var labels: [LevelLabel] = []
        let lines = context.contours.lines(self)
        c.setLine(width: lineWidth * context.theme.lineWidth / 1.5, dash: [])
        c.setRoundJoins(false)
        defer { c.setRoundJoins(true) }
        for level in levels {
            let mine = lines.filter { $0.level == level }
            let frac = hi > lo ? (level - lo) / (hi - lo) : 0
            c.setColor(lineColor ?? colorMap.color(at: 0.1 + 0.75 * frac))
            var longest: (Double, [(Double, Double)]) = (0, [])
            for line in mine {
                let pts = Self.thinned(line, t)
                guard let f = pts.first else { continue }
                c.moveTo(f.0, f.1)
                var len = 0.0
                for (a, b) in zip(pts, pts.dropFirst()) { c.lineTo(b.0, b.1); len += hypot(b.0 - a.0, b.1 - a.1) }
                if len > longest.0 { longest = (len, pts) }
            }
            c.stroke(role: "mark")
            if labelLevels, longest.0 > 40, let spot = Self.labelSpot(on: longest.1, avoiding: labels, in: t.plot) {
                labels.append(LevelLabel(text: Self.shortNumber(level), x: spot.0, y: spot.1))
            }
        }
        return labels
    }

    /// A line in points, without the points closer than 1.2 pt (L1) to the last one kept (they add
    /// nothing visible); the end point is always kept.
    private static func thinned(_ line: Contour.Line, _ t: AxesTransform) -> [(Double, Double)] {
        var pts: [(Double, Double)] = []
        pts.reserveCapacity(line.points.count)
        for p in line.points {
            let q = (t.px(p.x), t.py(p.y))
            if let last = pts.last, abs(q.0 - last.0) + abs(q.1 - last.1) < 1.2 { continue }
            pts.append(q)
        }
        if let endPoint = line.points.last { pts.append((t.px(endPoint.x), t.py(endPoint.y))) }
        return pts
    }

    /// The point of the line farthest from the labels placed so far, away from the plot's edges.
    private static func labelSpot(on pts: [(Double, Double)], avoiding labels: [LevelLabel], in plot: Rect) -> (Double, Double)? {
        let inside = pts.filter { $0.0 > plot.x + 15 && $0.0 < plot.maxX - 15 && $0.1 > plot.y + 8 && $0.1 < plot.maxY - 8 }
        return inside.max { a, b in
            let da = labels.map { hypot($0.x - a.0, $0.y - a.1) }.min() ?? 1e9
            let db = labels.map { hypot($0.x - b.0, $0.y - b.1) }.min() ?? 1e9
            return da < db
        }
    }

    /// A level value as short as it can be: `1`, `0.5`, `2.25`.
    static func shortNumber(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e6 { return String(Int(v)).replacingOccurrences(of: "-", with: "−") }
        for d in 1...4 {
            let s = String(format: "%.\(d)f", v)
            if abs((Double(s) ?? v) - v) < 1e-9 * max(1, abs(v)) { return s.replacingOccurrences(of: "-", with: "−") }
        }
        return formatNumber(v, significant: 3)
    }

    /// The function at (x, y), interpolated bilinearly in the grid cell around it (clamped to the grid).
    func bilinear(_ xv: Double, _ yv: Double) -> Double {
        func locate(_ a: [Double], _ v: Double) -> (Int, Double) {
            var lo = 0, hi = a.count - 1
            while hi - lo > 1 { let m = (lo + hi) / 2; if a[m] <= v { lo = m } else { hi = m } }
            let f = a[hi] == a[lo] ? 0 : (v - a[lo]) / (a[hi] - a[lo])
            return (lo, min(max(f, 0), 1))
        }
        let (i, fx) = locate(x, xv), (j, fy) = locate(y, yv)
        let i1 = min(i + 1, x.count - 1), j1 = min(j + 1, y.count - 1)
        let v00 = values[j][i], v10 = values[j][i1], v01 = values[j1][i], v11 = values[j1][i1]
        return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy
    }
}

/// A contour level's value written on its line, on a white box, above every mark.
struct LevelLabel {
    var text: String
    /// The label's centre in points.
    var x, y: Double

    func draw(on c: Canvas, theme: Theme) {
        let size = theme.tickSize * 0.9
        let box = c.textBox(text, x: x, y: y, size: size, bold: false, h: .center, v: .middle, angle: 0)
        c.setColor(Color.white.opacity(0.85))
        c.rectangle(Rect(x: box.x - 1.5, y: box.y - 0.5, width: box.width + 3, height: box.height + 1))
        c.fill(role: "label-box")
        c.text(text, x: x, y: y, size: size, bold: false, h: .center, v: .middle, angle: 0, color: Color(hex: "333333"), role: "contour-label")
    }
}

/// Contour lines traced once per grid within one drawing. The key is the identity of the
/// grid's buffers (arrays are values: while the figure holds them, the same buffer means the
/// same numbers), so looking up costs nothing; equal grids in different buffers are traced again.
/// Tiles drawn on two threads share one cache: the first to ask traces, the other waits for it.
final class ContourCache: @unchecked Sendable {
    private struct Key: Hashable {
        var values, x, y: UnsafeRawPointer?
        var levels: [Double]
    }
    private let lock = NSLock()
    private var cache: [Key: [Contour.Line]] = [:]

    func lines(_ ct: ContourMark) -> [Contour.Line] {
        let key = Key(values: ct.values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                      x: ct.x.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                      y: ct.y.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }, levels: ct.levels)
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[key] { return hit }
        let lines = Contour.lines(x: ct.x, y: ct.y, values: ct.values, levels: ct.levels)
        cache[key] = lines
        return lines
    }
}

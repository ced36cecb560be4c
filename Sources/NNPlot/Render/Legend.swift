import Foundation

/// One legend row.
struct LegendEntry {
    /// How a legend row shows its mark.
    enum Swatch { case fill, line, marker }

    var label: String
    var color: Color
    var swatch: Swatch
    var dash: Dash = .solid
    var marker: MarkerShape?
}

extension FigureRenderer {
    /// The legend rows of the axes' labelled marks, in the order the marks were added.
    func legendEntries(_ a: Axes) -> [LegendEntry] {
        let painters = a.marks.map(\.painter)
        return zip(painters, resolveColors(painters, theme: theme)).compactMap { p, color in p.legendEntry(color: color) }
    }

    /// The legend box in the inside position that covers the fewest data points (corners, then
    /// edge middles), and how many points it covers there.
    func legendPlacement(_ entries: [LegendEntry], _ a: Axes, _ t: AxesTransform, _ c: Canvas) -> (Rect, Int) {
        let (w, h) = legendSize(entries, c)
        let plot = t.plot, inset = 5.0
        let candidates = [
            Rect(x: plot.maxX - w - inset, y: plot.y + inset, width: w, height: h),
            Rect(x: plot.x + inset, y: plot.y + inset, width: w, height: h),
            Rect(x: plot.maxX - w - inset, y: plot.maxY - h - inset, width: w, height: h),
            Rect(x: plot.x + inset, y: plot.maxY - h - inset, width: w, height: h),
            Rect(x: plot.maxX - w - inset, y: plot.y + (plot.height - h) / 2, width: w, height: h),
            Rect(x: plot.x + (plot.width - w) / 2, y: plot.y + inset, width: w, height: h),
        ]
        let points = dataPoints(a, t)
        func covered(_ r: Rect) -> Int { points.filter { $0.0 >= r.x - 2 && $0.0 <= r.maxX + 2 && $0.1 >= r.y - 2 && $0.1 <= r.maxY + 2 }.count }
        let scored = candidates.map { ($0, covered($0)) }
        return scored.min { $0.1 < $1.1 } ?? (candidates[0], 0)
    }

    /// The legend box's width and height.
    func legendSize(_ entries: [LegendEntry], _ c: Canvas) -> (Double, Double) {
        let m = c.measure("Ag", size: theme.tickSize, bold: false)
        let rowH = (m.ascent + m.descent) * 1.35
        let w = theme.tickSize * 2.2 + 5 + (entries.map { c.measure($0.label, size: theme.tickSize, bold: false).width }.max() ?? 0) + 10
        return (w, rowH * Double(entries.count) + 6)
    }

    /// Canvas points where the axes' data is drawn (sampled), for legend placement.
    func dataPoints(_ a: Axes, _ t: AxesTransform) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        for mark in a.marks {
            guard let samples = mark.painter.placementSamples() else { continue }
            let xs = samples.x, ys = samples.y
            let n = min(xs.count, ys.count)
            let stride = max(1, n / 1500)
            var previous: (Double, Double)?
            for i in Swift.stride(from: 0, to: n, by: stride) {
                guard t.drawable(xs[i], ys[i]) else { previous = nil; continue }
                let q = (t.px(xs[i]), t.py(ys[i]))
                if samples.connected, let p0 = previous {
                    // Segments cover the space between their points.
                    let steps = max(1, Int(hypot(q.0 - p0.0, q.1 - p0.1) / 4))
                    for s in 1..<steps { let f = Double(s) / Double(steps); points.append((p0.0 + (q.0 - p0.0) * f, p0.1 + (q.1 - p0.1) * f)) }
                }
                points.append(q)
                previous = q
            }
        }
        // Reference lines and their labels count as data too.
        for r in a.referenceLines { points += r.placementPoints(t, theme: theme) }
        return points
    }

    /// Draws the legend inside the plot where it covers the least data, or right of the plot.
    func drawLegend(_ entries: [LegendEntry], _ a: Axes, _ t: AxesTransform, outside: Bool, _ c: Canvas) {
        let size = theme.tickSize
        let m = c.measure("Ag", size: size, bold: false)
        let rowH = (m.ascent + m.descent) * 1.35
        let swatch = size * 2.2
        let (w, h) = legendSize(entries, c)
        let box = outside ? Rect(x: t.plot.maxX + 6, y: t.plot.y, width: w, height: h) : legendPlacement(entries, a, t, c).0
        c.setColor(Color.white.opacity(0.88))
        c.rectangle(box); c.fill(role: "legend")
        c.setColor(Color(hex: "CCCCCC")); c.setLine(width: 0.6, dash: []); c.rectangle(box); c.stroke(role: "legend")
        for (i, e) in entries.enumerated() {
            let cy = box.y + 3 + rowH * (Double(i) + 0.5)
            let sx = box.x + 5
            c.setColor(e.color)
            switch e.swatch {
            case .fill: c.rectangle(Rect(x: sx, y: cy - rowH * 0.3, width: swatch, height: rowH * 0.6)); c.fill(role: "legend")
            case .marker: (e.marker ?? .circle).draw(at: sx + swatch / 2, cy, radius: 3, on: c)
            case .line:
                c.setLine(width: theme.lineWidth, dash: e.dash.pattern)
                c.moveTo(sx, cy); c.lineTo(sx + swatch, cy); c.stroke(role: "legend")
                if let mk = e.marker { mk.draw(at: sx + swatch / 2, cy, radius: 2.5, on: c) }
            }
            c.text(e.label, x: sx + swatch + 5, y: cy, size: size, bold: false, h: .left, v: .middle, angle: 0, color: .black, role: "legend")
        }
    }
}

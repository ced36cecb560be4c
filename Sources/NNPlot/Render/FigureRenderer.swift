import Foundation

/// Lays out a ``Figure`` and draws it on a ``Canvas``: one renderer for PNG, SVG, PDF and the
/// recording canvas, so every output has the same layout.
///
/// Each mark type draws itself (`Marks/`, ``MarkPainter``).
struct FigureRenderer {
    let figure: Figure
    /// Contour lines traced once per distinct grid and levels within a figure (panels often share one function).
    private let contourCache = ContourCache()
    var theme: Theme { figure.theme }
    let pad = 6.0
    let tickLength = 3.5

    /// Draws the whole figure: background, title, then every axes in its planned rectangle.
    func draw(on c: Canvas) throws(RenderError) {
        try validate()
        c.setColor(theme.background)
        c.rectangle(Rect(x: 0, y: 0, width: figure.width, height: figure.height))
        c.fill(role: "background")
        var top = pad
        if let title = figure.title {
            let box = c.text(title, x: figure.width / 2, y: pad, size: theme.titleSize, bold: true, h: .center, v: .top, angle: 0,
                             color: .black, role: "figure-title")
            top = box.maxY + 4
        }
        let (plans, rects) = try layout(top: top, canvas: c)
        for (k, rect) in rects.enumerated() {
            drawAxes(figure.axes[k], plans[k], in: rect, canvas: c)
        }
    }

    /// Draws one axes: grid, marks and reference lines clipped to the plot, then the frame,
    /// legend and colour bar.
    func drawAxes(_ a: Axes, _ p: Plan, in plot: Rect, canvas c: Canvas) {
        let t = AxesTransform(plot: plot, xScale: a.xScale, yScale: a.yScale, xLimits: p.xLimits, yLimits: p.yLimits)
        if a.grid { drawGrid(p, t, c) }
        c.save()
        c.clip(plot)
        drawMarks(a, t, c)
        var referenceBoxes: [Rect] = []
        for r in a.referenceLines { r.draw(t, c, theme: theme, avoiding: &referenceBoxes) }
        c.restore()
        drawFrame(a, p, t, c)
        let legend = legendEntries(a)
        if a.legend, !legend.isEmpty { drawLegend(legend, a, t, outside: p.legendOutside, c) }
        if let cb = p.colorBar { cb.draw(beside: plot, tickLength: tickLength, theme: theme, canvas: c) }
    }

    /// Draws the marks layer by layer (fills first, then lines and points, then text), each
    /// layer in the order the marks were added, then the labels marks leave for the top.
    func drawMarks(_ a: Axes, _ t: AxesTransform, _ c: Canvas) {
        let painters = a.marks.map(\.painter)
        let colors = resolveColors(painters, theme: theme)
        var context = PaintContext(canvas: c, transform: t, theme: theme, color: .black, contours: contourCache)
        let sorted = painters.indices.sorted { (painters[$0].layer, $0) < (painters[$1].layer, $1) }
        for k in sorted {
            context.color = colors[k]
            painters[k].draw(in: &context)
        }
        for label in context.levelLabels { label.draw(on: c, theme: theme) }
    }
}

extension FigureRenderer {
    /// Checks that the figure can be drawn: its grid holds its axes, it has room, every mark is
    /// consistent (each mark type says what it needs) and fixed limits fit their scales.
    func validate() throws(RenderError) {
        guard figure.rows > 0, figure.columns > 0, !figure.axes.isEmpty, figure.axes.count <= figure.rows * figure.columns else {
            throw .invalidFigure("\(figure.axes.count) axes do not fit a \(figure.rows) x \(figure.columns) grid")
        }
        guard figure.width > 20, figure.height > 20 else { throw .invalidFigure("figure size \(figure.width) x \(figure.height) pt is too small") }
        for (k, a) in figure.axes.enumerated() {
            for m in a.marks {
                if let bad = m.painter.problem() { throw .invalidFigure("axes \(k + 1) (\(a.title ?? "untitled")): \(bad)") }
            }
            if let l = a.xLimits, !(a.xScale.accepts(l.lowerBound) && a.xScale.accepts(l.upperBound) && l.upperBound > l.lowerBound) {
                throw .invalidFigure("axes \(k + 1): x limits \(l) do not fit its scale")
            }
            if let l = a.yLimits, !(a.yScale.accepts(l.lowerBound) && a.yScale.accepts(l.upperBound) && l.upperBound > l.lowerBound) {
                throw .invalidFigure("axes \(k + 1): y limits \(l) do not fit its scale")
            }
        }
    }
}

extension FigureRenderer {
    /// Per-axes layout decided before drawing.
    struct Plan {
        var xLimits: ClosedRange<Double>
        var yLimits: ClosedRange<Double>
        var xTicks: Ticks
        var yTicks: Ticks
        var showXTickLabels: Bool
        var showYTickLabels: Bool
        var showXLabel: Bool
        var showYLabel: Bool
        var colorBar: ColorBarSpec?
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
        /// Draw the legend to the right of the plot (every inside position covered data).
        var legendOutside = false
    }

    /// The plan and plot rectangle of every axes, in a grid starting `top` points down the page.
    func layout(top: Double, canvas c: Canvas) throws(RenderError) -> (plans: [Plan], rects: [Rect]) {
        let cellW = (figure.width - 2 * pad) / Double(figure.columns)
        let cellH = (figure.height - top - pad) / Double(figure.rows)
        var plans = figure.axes.enumerated().map { k, a in plan(a, index: k, cellWidth: cellW, cellHeight: cellH, canvas: c) }
        if figure.sharedX || figure.sharedY { share(&plans, cellWidth: cellW, cellHeight: cellH, canvas: c) }
        for k in plans.indices { measureMargins(&plans[k], figure.axes[k], canvas: c) }
        // A legend that would cover data inside the plot moves outside, to the right.
        let first = try rects(plans, top: top, cellW: cellW, cellH: cellH)
        for k in plans.indices {
            let a = figure.axes[k]
            let entries = legendEntries(a)
            guard a.legend, !entries.isEmpty else { continue }
            let t = AxesTransform(plot: first[k], xScale: a.xScale, yScale: a.yScale, xLimits: plans[k].xLimits, yLimits: plans[k].yLimits)
            let (box, covered) = legendPlacement(entries, a, t, c)
            if covered > 0, box.width < cellW * 0.45 {
                plans[k].legendOutside = true
                plans[k].right += box.width + 6
            }
        }
        return (plans, try rects(plans, top: top, cellW: cellW, cellH: cellH))
    }

    /// The plot rectangle of each axes: margins aligned down columns and along rows.
    func rects(_ plans: [Plan], top: Double, cellW: Double, cellH: Double) throws(RenderError) -> [Rect] {
        var out: [Rect] = []
        for k in plans.indices {
            let row = k / figure.columns, col = k % figure.columns
            let sameCol = plans.indices.filter { $0 % figure.columns == col }
            let sameRow = plans.indices.filter { $0 / figure.columns == row }
            // Both lists hold k itself, so none of the maxima is missing.
            let l = sameCol.map { plans[$0].left }.max() ?? 0, r = sameCol.map { plans[$0].right }.max() ?? 0
            let t = sameRow.map { plans[$0].top }.max() ?? 0, b = sameRow.map { plans[$0].bottom }.max() ?? 0
            var rect = Rect(x: pad + Double(col) * cellW + l, y: top + Double(row) * cellH + t,
                            width: cellW - l - r, height: cellH - t - b)
            guard rect.width > 10, rect.height > 10 else {
                throw .invalidFigure("axes \(k + 1) has no room: the figure is too small for its labels")
            }
            let a = figure.axes[k]
            if a.equalAspect {
                let p = plans[k]
                let dx = a.xScale.forward(p.xLimits.upperBound) - a.xScale.forward(p.xLimits.lowerBound)
                let dy = a.yScale.forward(p.yLimits.upperBound) - a.yScale.forward(p.yLimits.lowerBound)
                let want = dy / dx
                if rect.height / rect.width > want {
                    let h = rect.width * want; rect.y += (rect.height - h) / 2; rect.height = h
                } else {
                    let w = rect.height / want; rect.x += (rect.width - w) / 2; rect.width = w
                }
            }
            out.append(rect)
        }
        return out
    }

    /// Limits (fixed, or fitted to the marks' extent), which tick labels to show, the colour bar
    /// (the last mark asking for one wins) and ticks.
    func plan(_ a: Axes, index: Int, cellWidth: Double, cellHeight: Double, canvas c: Canvas) -> Plan {
        let e = Extent.of(a)
        let xl = a.xLimits ?? Extent.limits(e.x, scale: a.xScale, padLow: e.padX, padHigh: e.padX)
        let yl = a.yLimits ?? Extent.limits(e.y, scale: a.yScale, padLow: e.padBottom, padHigh: e.padTop)
        let row = index / figure.columns, col = index % figure.columns
        var p = Plan(xLimits: xl, yLimits: yl, xTicks: Ticks(values: [], labels: []), yTicks: Ticks(values: [], labels: []),
                     showXTickLabels: !(figure.sharedX && row < lastRow(col)), showYTickLabels: !(figure.sharedY && col > 0),
                     showXLabel: a.xLabel != nil && !(figure.sharedX && row < lastRow(col)),
                     showYLabel: a.yLabel != nil && !(figure.sharedY && col > 0), colorBar: nil)
        for m in a.marks {
            if let bar = m.painter.requestedColorBar() { p.colorBar = bar }
        }
        setTicks(&p, a, cellWidth: cellWidth, cellHeight: cellHeight, canvas: c)
        return p
    }

    /// The last row that has an axes in column `col`.
    func lastRow(_ col: Int) -> Int {
        let n = figure.axes.count
        var r = figure.rows - 1
        while r > 0 && r * figure.columns + col >= n { r -= 1 }
        return r
    }

    func setTicks(_ p: inout Plan, _ a: Axes, cellWidth: Double, cellHeight: Double, canvas c: Canvas) {
        let xTarget = max(3, min(7, Int(cellWidth / (theme.tickSize * 11))))
        let yTarget = max(3, min(7, Int(cellHeight / (theme.tickSize * 5))))
        p.xTicks = thinned(ticks(for: a.xScale, limits: p.xLimits, target: xTarget, categories: a.xCategories),
                           room: cellWidth * 0.8, horizontal: true, canvas: c)
        p.yTicks = thinned(ticks(for: a.yScale, limits: p.yLimits, target: yTarget, categories: a.yCategories),
                           room: cellHeight * 0.75, horizontal: false, canvas: c)
    }

    /// Drops every other tick until the labels fit the room with gaps (no overlapping labels).
    func thinned(_ t: Ticks, room: Double, horizontal: Bool, canvas c: Canvas) -> Ticks {
        var t = t
        while t.values.count > 2 {
            let sizes = t.labels.map { l -> Double in
                let m = c.measure(l, size: theme.tickSize, bold: false)
                return horizontal ? m.width + theme.tickSize * 0.8 : (m.ascent + m.descent) * 1.3
            }
            if sizes.reduce(0, +) * 1.15 <= room { break }
            let keep = stride(from: 0, to: t.values.count, by: 2)
            t = Ticks(values: keep.map { t.values[$0] }, labels: keep.map { t.labels[$0] })
        }
        return t
    }

    /// Gives every panel the union of the limits on the shared axes, and ticks for them.
    func share(_ plans: inout [Plan], cellWidth: Double, cellHeight: Double, canvas c: Canvas) {
        if figure.sharedX, let lo = plans.map(\.xLimits.lowerBound).min(), let hi = plans.map(\.xLimits.upperBound).max() {
            for k in plans.indices { plans[k].xLimits = lo...hi }
        }
        if figure.sharedY, let lo = plans.map(\.yLimits.lowerBound).min(), let hi = plans.map(\.yLimits.upperBound).max() {
            for k in plans.indices { plans[k].yLimits = lo...hi }
        }
        for k in plans.indices { setTicks(&plans[k], figure.axes[k], cellWidth: cellWidth, cellHeight: cellHeight, canvas: c) }
    }

    /// The room around the plot for tick labels, axis labels, the title and the colour bar.
    func measureMargins(_ p: inout Plan, _ a: Axes, canvas c: Canvas) {
        let tickH = c.measure("0", size: theme.tickSize, bold: false)
        let maxYLabel = p.showYTickLabels ? (p.yTicks.labels.map { c.measure($0, size: theme.tickSize, bold: false).width }.max() ?? 0) : 0
        let labelM = c.measure("Ag", size: theme.labelSize, bold: false)
        p.left = 4 + (p.showYLabel ? labelM.ascent + labelM.descent + 4 : 0) + maxYLabel + 3 + tickLength
        p.bottom = tickLength + 3 + (p.showXTickLabels ? tickH.ascent + tickH.descent : 0)
            + (p.showXLabel ? labelM.ascent + labelM.descent + 5 : 0) + 4
        if let title = a.title {
            let m = c.measure(title, size: theme.axesTitleSize, bold: false)
            p.top = m.ascent + m.descent + 8
        } else { p.top = 6 }
        p.right = 10
        if let cb = p.colorBar { p.right = cb.width(tickLength: tickLength, labelM: labelM, theme: theme, canvas: c) }
    }
}

extension FigureRenderer {
    /// Grid lines at the ticks, under the marks.
    func drawGrid(_ p: Plan, _ t: AxesTransform, _ c: Canvas) {
        let plot = t.plot
        c.setColor(theme.gridColor)
        c.setLine(width: 0.6, dash: [])
        for v in p.yTicks.values { let y = t.py(v); c.moveTo(plot.x, y); c.lineTo(plot.maxX, y) }
        for v in p.xTicks.values { let x = t.px(v); c.moveTo(x, plot.y); c.lineTo(x, plot.maxY) }
        c.stroke(role: "grid")
    }

    /// Spines (left and bottom dark, top and right light), ticks, tick labels, axis labels and the title.
    func drawFrame(_ a: Axes, _ p: Plan, _ t: AxesTransform, _ c: Canvas) {
        let plot = t.plot
        let ink = Color(hex: "333333")
        c.setColor(ink)
        c.setLine(width: theme.axisWidth, dash: [])
        c.moveTo(plot.x, plot.y); c.lineTo(plot.x, plot.maxY); c.lineTo(plot.maxX, plot.maxY)
        c.stroke(role: "spine")
        c.setColor(Color(hex: "BBBBBB"))
        c.setLine(width: theme.axisWidth * 0.6, dash: [])
        c.moveTo(plot.x, plot.y); c.lineTo(plot.maxX, plot.y); c.lineTo(plot.maxX, plot.maxY)
        c.stroke(role: "spine")
        c.setColor(ink)
        c.setLine(width: theme.axisWidth, dash: [])
        for v in p.xTicks.values { let x = t.px(v); c.moveTo(x, plot.maxY); c.lineTo(x, plot.maxY + tickLength) }
        for v in p.yTicks.values { let y = t.py(v); c.moveTo(plot.x, y); c.lineTo(plot.x - tickLength, y) }
        c.stroke(role: "tick")
        let (labelBottom, labelLeft) = drawTickLabels(p, t, ink, c)
        if p.showXLabel, let xl = a.xLabel {
            c.text(xl, x: plot.x + plot.width / 2, y: labelBottom + 3, size: theme.labelSize, bold: false, h: .center, v: .top,
                   angle: 0, color: .black, role: "axis-label")
        }
        if p.showYLabel, let yl = a.yLabel {
            c.text(yl, x: labelLeft - 4, y: plot.y + plot.height / 2, size: theme.labelSize, bold: false, h: .center, v: .bottom,
                   angle: -.pi / 2, color: .black, role: "axis-label")
        }
        if let title = a.title {
            c.text(title, x: plot.x + plot.width / 2, y: plot.y - 5, size: theme.axesTitleSize, bold: false, h: .center, v: .bottom,
                   angle: 0, color: .black, role: "axes-title")
        }
    }

    /// Draws the tick labels the plan shows; returns the bottom of the x labels and the left of
    /// the y labels (where the axis labels go).
    private func drawTickLabels(_ p: Plan, _ t: AxesTransform, _ ink: Color, _ c: Canvas) -> (bottom: Double, left: Double) {
        let plot = t.plot
        var labelBottom = plot.maxY + tickLength + 2
        if p.showXTickLabels {
            for (v, l) in zip(p.xTicks.values, p.xTicks.labels) {
                let b = c.text(l, x: t.px(v), y: plot.maxY + tickLength + 2, size: theme.tickSize, bold: false, h: .center, v: .top,
                               angle: 0, color: ink, role: "tick-label-x")
                labelBottom = max(labelBottom, b.maxY)
            }
        }
        var labelLeft = plot.x - tickLength - 2
        if p.showYTickLabels {
            for (v, l) in zip(p.yTicks.values, p.yTicks.labels) {
                let b = c.text(l, x: plot.x - tickLength - 2, y: t.py(v), size: theme.tickSize, bold: false, h: .right, v: .middle,
                               angle: 0, color: ink, role: "tick-label-y")
                labelLeft = min(labelLeft, b.x)
            }
        }
        return (labelBottom, labelLeft)
    }
}

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

/// A colour bar beside an axes: a colour map's gradient between limits, with ticks and a label.
struct ColorBarSpec {
    var label: String
    var map: ColorMap
    var limits: ClosedRange<Double>
    /// Values are coloured by their logarithm.
    var log: Bool

    /// The bar's ticks.
    var ticks: Ticks {
        log ? Ticks.log(limits.lowerBound, limits.upperBound, target: 5) : Ticks.nice(limits.lowerBound, limits.upperBound, target: 5)
    }

    /// The room the bar takes right of the plot: gap, bar, ticks, tick labels, and the label
    /// (rotated, so as wide as `labelM` is high).
    func width(tickLength: Double, labelM: TextMetrics, theme: Theme, canvas c: Canvas) -> Double {
        let w = ticks.labels.map { c.measure($0, size: theme.tickSize, bold: false).width }.max() ?? 0
        return 8 + 10 + tickLength + 3 + w + 6 + labelM.ascent + labelM.descent + 6
    }

    /// Draws the bar right of `plot`, as tall as the plot.
    func draw(beside plot: Rect, tickLength: Double, theme: Theme, canvas c: Canvas) {
        let bar = Rect(x: plot.maxX + 8, y: plot.y, width: 10, height: plot.height)
        let n = 128
        var rgba = [UInt8](repeating: 255, count: n * 4)
        for i in 0..<n {
            let col = map.color(at: 1 - Double(i) / Double(n - 1))
            rgba[i * 4] = UInt8(col.red * 255); rgba[i * 4 + 1] = UInt8(col.green * 255); rgba[i * 4 + 2] = UInt8(col.blue * 255)
        }
        c.image(rgba: rgba, width: 1, height: n, in: bar, role: "colorbar")
        c.setColor(Color(hex: "333333")); c.setLine(width: theme.axisWidth, dash: []); c.rectangle(bar); c.stroke(role: "colorbar")
        let lo = limits.lowerBound, hi = limits.upperBound
        func y(_ v: Double) -> Double {
            let f = log ? (log10(v) - log10(lo)) / (log10(hi) - log10(lo)) : (v - lo) / (hi - lo)
            return bar.maxY - f * bar.height
        }
        var maxRight = bar.maxX
        let t = ticks
        for (v, l) in zip(t.values, t.labels) where v >= lo && v <= hi {
            c.moveTo(bar.maxX, y(v)); c.lineTo(bar.maxX + tickLength, y(v)); c.stroke(role: "colorbar")
            let b = c.text(l, x: bar.maxX + tickLength + 2, y: y(v), size: theme.tickSize, bold: false, h: .left, v: .middle, angle: 0,
                           color: Color(hex: "333333"), role: "colorbar-label")
            maxRight = max(maxRight, b.maxX)
        }
        c.text(label, x: maxRight + 4, y: bar.y + bar.height / 2, size: theme.labelSize, bold: false, h: .center, v: .top,
               angle: -.pi / 2, color: .black, role: "axis-label")
    }
}

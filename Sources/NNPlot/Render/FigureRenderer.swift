import Foundation

/// Lays out a ``Figure`` and draws it on a ``Canvas``: one renderer for PNG, SVG, PDF and the
/// recording canvas, so every output has the same layout.
struct FigureRenderer {
    let figure: Figure
    /// Contour lines traced once per distinct grid and levels within a figure (panels often share one function).
    private let contourCache = ContourCache()
    var theme: Theme { figure.theme }
    let pad = 6.0
    let tickLength = 3.5

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
        var colorBar: (label: String, map: ColorMap, limits: ClosedRange<Double>, log: Bool)?
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
        /// Draw the legend to the right of the plot (every inside position covered data).
        var legendOutside = false
    }

    /// One legend row.
    struct LegendEntry {
        var label: String
        var color: Color
        var kind: String
        var dash: Dash
        var marker: MarkerShape?
    }

    func validate() throws(RenderError) {
        guard figure.rows > 0, figure.columns > 0, !figure.axes.isEmpty, figure.axes.count <= figure.rows * figure.columns else {
            throw .invalidFigure("\(figure.axes.count) axes do not fit a \(figure.rows) x \(figure.columns) grid")
        }
        guard figure.width > 20, figure.height > 20 else { throw .invalidFigure("figure size \(figure.width) x \(figure.height) pt is too small") }
        for (k, a) in figure.axes.enumerated() {
            for m in a.marks {
                let bad: String? = switch m {
                case .line(let l): l.x.count == l.y.count ? nil : "line '\(l.label ?? "")' has \(l.x.count) x and \(l.y.count) y values"
                case .scatter(let s): s.x.count == s.y.count ? nil : "scatter has \(s.x.count) x and \(s.y.count) y values"
                case .path(let p): p.x.count == p.y.count ? nil : "path has \(p.x.count) x and \(p.y.count) y values"
                case .bar(let b): b.x.count == b.height.count ? nil : "bar has \(b.x.count) positions and \(b.height.count) heights"
                case .histogram(let h): h.edges.count == h.counts.count + 1 ? nil : "histogram needs \(h.counts.count + 1) edges, has \(h.edges.count)"
                case .band(let b): (b.x.count == b.lower.count && b.x.count == b.upper.count) ? nil : "band series lengths differ"
                case .heatmap(let h): h.values.allSatisfy({ $0.count == h.values.first?.count }) ? nil : "heatmap rows differ in length"
                case .contour(let c): (c.values.count == c.y.count && c.values.allSatisfy { $0.count == c.x.count }) ? nil : "contour grid is not \(c.y.count) x \(c.x.count)"
                case .ridgeline(let r): r.rows.allSatisfy({ $0.count == r.edges.count - 1 }) ? nil : "ridgeline rows need \(r.edges.count - 1) counts"
                case .text: nil
                }
                if let bad { throw .invalidFigure("axes \(k + 1) (\(a.title ?? "untitled")): \(bad)") }
            }
            if let l = a.xLimits, !(a.xScale.accepts(l.lowerBound) && a.xScale.accepts(l.upperBound) && l.upperBound > l.lowerBound) {
                throw .invalidFigure("axes \(k + 1): x limits \(l) do not fit its scale")
            }
            if let l = a.yLimits, !(a.yScale.accepts(l.lowerBound) && a.yScale.accepts(l.upperBound) && l.upperBound > l.lowerBound) {
                throw .invalidFigure("axes \(k + 1): y limits \(l) do not fit its scale")
            }
        }
    }

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
        for (k, rect) in try rects(plans, top: top, cellW: cellW, cellH: cellH).enumerated() {
            drawAxes(figure.axes[k], plans[k], in: rect, canvas: c)
        }
    }

    /// The plot rectangle of each axes: margins aligned down columns and along rows.
    func rects(_ plans: [Plan], top: Double, cellW: Double, cellH: Double) throws(RenderError) -> [Rect] {
        var out: [Rect] = []
        for k in plans.indices {
            let row = k / figure.columns, col = k % figure.columns
            let sameCol = plans.indices.filter { $0 % figure.columns == col }
            let sameRow = plans.indices.filter { $0 / figure.columns == row }
            let l = sameCol.map { plans[$0].left }.max()!, r = sameCol.map { plans[$0].right }.max()!
            let t = sameRow.map { plans[$0].top }.max()!, b = sameRow.map { plans[$0].bottom }.max()!
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

    /// The colour of each mark: its own, or the next palette colour in drawing order.
    func markColors(_ a: Axes) -> [Color] {
        var next = 0
        return a.marks.map { m in
            let own: Color?? = switch m {
            case .line(let l): .some(l.color)
            case .scatter(let s): .some(s.color)
            case .bar(let b): .some(b.color)
            case .histogram(let h): .some(h.color)
            case .band(let b): .some(b.color)
            case .path(let p): .some(p.color)
            default: .none
            }
            guard case .some(let color) = own else { return .black }
            if let color { return color }
            defer { next += 1 }
            return theme.color(next)
        }
    }

    func legendEntries(_ a: Axes) -> [LegendEntry] {
        zip(a.marks, markColors(a)).compactMap { m, col in
            switch m {
            case .band(let b): b.label.map { LegendEntry(label: $0, color: col.opacity(b.opacity), kind: "fill", dash: .solid) }
            case .histogram(let h): h.label.map { LegendEntry(label: $0, color: h.filled ? col.opacity(0.75) : col, kind: h.filled ? "fill" : "line", dash: .solid) }
            case .bar(let b): b.label.map { LegendEntry(label: $0, color: col, kind: "fill", dash: .solid) }
            case .line(let l): l.label.map { LegendEntry(label: $0, color: col, kind: "line", dash: l.dash, marker: l.marker) }
            case .scatter(let s): s.label.map { LegendEntry(label: $0, color: col, kind: "marker", dash: .solid, marker: s.marker) }
            case .path(let p): p.label.map { LegendEntry(label: $0, color: col, kind: "line", dash: .solid, marker: p.marker) }
            default: nil
            }
        }
    }

    // MARK: Planning

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
            if case .heatmap(let h) = m, let label = h.colorBarLabel {
                let lim = h.colorLimits ?? colorRange(h.values.flatMap { $0 }, log: h.logColor)
                p.colorBar = (label, h.colorMap, lim, h.logColor)
            }
            if case .contour(let ct) = m, ct.filled, ct.colorBar, let lo = ct.levels.first, let hi = ct.levels.last, hi > lo {
                p.colorBar = ("level", ct.colorMap, lo...hi, false)
            }
        }
        setTicks(&p, a, cellWidth: cellWidth, cellHeight: cellHeight, canvas: c)
        return p
    }

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

    func share(_ plans: inout [Plan], cellWidth: Double, cellHeight: Double, canvas c: Canvas) {
        if figure.sharedX {
            let lo = plans.map(\.xLimits.lowerBound).min()!, hi = plans.map(\.xLimits.upperBound).max()!
            for k in plans.indices { plans[k].xLimits = lo...hi }
        }
        if figure.sharedY {
            let lo = plans.map(\.yLimits.lowerBound).min()!, hi = plans.map(\.yLimits.upperBound).max()!
            for k in plans.indices { plans[k].yLimits = lo...hi }
        }
        for k in plans.indices { setTicks(&plans[k], figure.axes[k], cellWidth: cellWidth, cellHeight: cellHeight, canvas: c) }
    }

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
        if let cb = p.colorBar {
            let t = colorBarTicks(cb.limits, log: cb.log)
            let w = t.labels.map { c.measure($0, size: theme.tickSize, bold: false).width }.max() ?? 0
            p.right = 8 + 10 + tickLength + 3 + w + 6 + labelM.ascent + labelM.descent + 6
        }
    }

    func colorRange(_ v: [Double], log: Bool) -> ClosedRange<Double> {
        let f = v.filter { $0.isFinite && (!log || $0 > 0) }
        guard let lo = f.min(), let hi = f.max() else { return log ? 1...10 : 0...1 }
        return lo < hi ? lo...hi : (log ? lo / 10...hi * 10 : lo - 0.5...hi + 0.5)
    }

    func colorBarTicks(_ lim: ClosedRange<Double>, log: Bool) -> Ticks {
        log ? Ticks.log(lim.lowerBound, lim.upperBound, target: 5) : Ticks.nice(lim.lowerBound, lim.upperBound, target: 5)
    }

    // MARK: Drawing

    func drawAxes(_ a: Axes, _ p: Plan, in plot: Rect, canvas c: Canvas) {
        let t = AxesTransform(plot: plot, xScale: a.xScale, yScale: a.yScale, xLimits: p.xLimits, yLimits: p.yLimits)
        if a.grid {
            c.setColor(theme.gridColor)
            c.setLine(width: 0.6, dash: [])
            for v in p.yTicks.values { let y = t.py(v); c.moveTo(plot.x, y); c.lineTo(plot.maxX, y) }
            for v in p.xTicks.values { let x = t.px(v); c.moveTo(x, plot.y); c.lineTo(x, plot.maxY) }
            c.stroke(role: "grid")
        }
        c.save()
        c.clip(plot)
        let colors = markColors(a)
        // Fills first, then lines and points, then text.
        let order: (Mark) -> Int = { m in
            switch m {
            case .heatmap, .contour: 0
            case .ridgeline, .band, .histogram, .bar: 1
            case .line, .scatter, .path: 2
            case .text: 3
            }
        }
        var contourLabels: [(String, Double, Double)] = []
        let sorted = a.marks.indices.sorted { (order(a.marks[$0]), $0) < (order(a.marks[$1]), $1) }
        for k in sorted {
            let col = colors[k]
            switch a.marks[k] {
            case .heatmap(let h): drawHeatmap(h, t, c)
            case .contour(let ct): contourLabels += drawContour(ct, t, c)
            case .ridgeline(let r): drawRidgeline(r, t, c)
            case .band(let b): drawBand(b, col, t, c)
            case .histogram(let h): drawHistogram(h, col, t, p, c)
            case .bar(let b): drawBars(b, col, t, p, c)
            case .line(let l): drawLine(l, col, t, c)
            case .scatter(let s):
                for (i, (x, y)) in zip(s.x, s.y).enumerated() where t.drawable(x, y) {
                    c.setColor(s.colors?[i % max(1, s.colors!.count)] ?? col)
                    drawMarker(s.marker, t.px(x), t.py(y), s.size, c)
                }
            case .path(let pm): drawPath(pm, col, t, c)
            case .text(let tm):
                guard t.drawable(tm.x, tm.y) else { continue }
                let (h, v, dx, dy): (HAlign, VAlign, Double, Double) = switch tm.anchor {
                case .center: (.center, .middle, 0, 0)
                case .left: (.left, .middle, 4, 0)
                case .right: (.right, .middle, -4, 0)
                case .above: (.center, .bottom, 0, -4)
                case .below: (.center, .top, 0, 4)
                }
                c.text(tm.text, x: t.px(tm.x) + dx, y: t.py(tm.y) + dy, size: tm.size ?? theme.tickSize, bold: false, h: h, v: v,
                       angle: 0, color: tm.color, role: "annotation")
            }
        }
        for (text, x, y) in contourLabels { drawLabelBox(text, x, y, c) }
        var referenceBoxes: [Rect] = []
        for r in a.referenceLines { drawReference(r, t, c, avoiding: &referenceBoxes) }
        c.restore()
        drawFrame(a, p, t, c)
        let legend = legendEntries(a)
        if a.legend, !legend.isEmpty { drawLegend(legend, a, t, outside: p.legendOutside, c) }
        if let cb = p.colorBar { drawColorBar(cb, plot, c) }
    }

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

    // MARK: Marks

    func drawLine(_ l: LineMark, _ col: Color, _ t: AxesTransform, _ c: Canvas) {
        let idx = Decimation.minMax(x: l.x, y: l.y, columns: Int(t.plot.width * 2))
        c.setColor(col)
        c.setLine(width: l.width * theme.lineWidth / 1.5, dash: l.dash.pattern)
        var pen = false
        for i in idx {
            let (x, y) = (l.x[i], l.y[i])
            guard t.drawable(x, y) else { pen = false; continue }   // gaps at NaN and non-positive log values
            if pen { c.lineTo(t.px(x), t.py(y)) } else { c.moveTo(t.px(x), t.py(y)); pen = true }
        }
        c.stroke(role: "mark")
        if let m = l.marker {
            for i in stride(from: 0, to: l.x.count, by: l.markEvery) where t.drawable(l.x[i], l.y[i]) {
                drawMarker(m, t.px(l.x[i]), t.py(l.y[i]), 3 * theme.lineWidth / 1.5, c)
            }
        }
    }

    func drawMarker(_ m: MarkerShape, _ x: Double, _ y: Double, _ r: Double, _ c: Canvas) {
        switch m {
        case .circle: c.circle(x, y, radius: r); c.fill(role: "marker")
        case .square: c.rectangle(Rect(x: x - r * 0.9, y: y - r * 0.9, width: 1.8 * r, height: 1.8 * r)); c.fill(role: "marker")
        case .diamond:
            c.moveTo(x, y - r * 1.2); c.lineTo(x + r, y); c.lineTo(x, y + r * 1.2); c.lineTo(x - r, y); c.closePath(); c.fill(role: "marker")
        case .triangle:
            c.moveTo(x, y - r * 1.15); c.lineTo(x + r, y + r * 0.75); c.lineTo(x - r, y + r * 0.75); c.closePath(); c.fill(role: "marker")
        case .plus:
            c.setLine(width: max(1, r / 2.5), dash: []); c.moveTo(x - r * 1.3, y); c.lineTo(x + r * 1.3, y)
            c.moveTo(x, y - r * 1.3); c.lineTo(x, y + r * 1.3); c.stroke(role: "marker")
        case .cross:
            c.setLine(width: max(1, r / 2.5), dash: []); c.moveTo(x - r, y - r); c.lineTo(x + r, y + r)
            c.moveTo(x - r, y + r); c.lineTo(x + r, y - r); c.stroke(role: "marker")
        }
    }

    func drawBand(_ b: BandMark, _ col: Color, _ t: AxesTransform, _ c: Canvas) {
        let pts = (0..<b.x.count).filter { t.drawable(b.x[$0], b.lower[$0]) && t.drawable(b.x[$0], b.upper[$0]) }
        guard let first = pts.first else { return }
        c.setColor(col.opacity(b.opacity))
        c.moveTo(t.px(b.x[first]), t.py(b.upper[first]))
        for i in pts.dropFirst() { c.lineTo(t.px(b.x[i]), t.py(b.upper[i])) }
        for i in pts.reversed() { c.lineTo(t.px(b.x[i]), t.py(b.lower[i])) }
        c.closePath()
        c.fill(role: "mark")
    }

    func baseline(_ t: AxesTransform, _ p: Plan) -> Double {
        t.yScale == .linear ? t.py(0) : t.plot.maxY
    }

    func drawHistogram(_ h: HistogramMark, _ col: Color, _ t: AxesTransform, _ p: Plan, _ c: Canvas) {
        let base = baseline(t, p)
        func top(_ v: Double) -> Double { t.yScale.accepts(v) ? t.py(v) : base }
        if h.filled {
            c.setColor(col.opacity(0.75))
            for i in h.counts.indices where h.counts[i] != 0 {
                let x0 = t.px(h.edges[i]), x1 = t.px(h.edges[i + 1]), y = top(h.counts[i])
                c.rectangle(Rect(x: x0, y: min(y, base), width: x1 - x0, height: abs(base - y)))
            }
            c.fill(role: "mark")
            c.setColor(.white)
            c.setLine(width: 0.4, dash: [])
            for i in h.counts.indices where h.counts[i] != 0 {
                let x0 = t.px(h.edges[i]), x1 = t.px(h.edges[i + 1]), y = top(h.counts[i])
                c.rectangle(Rect(x: x0, y: min(y, base), width: x1 - x0, height: abs(base - y)))
            }
            c.stroke(role: "mark")
        } else {
            c.setColor(col)
            c.setLine(width: theme.lineWidth, dash: [])
            c.moveTo(t.px(h.edges[0]), base)
            for i in h.counts.indices {
                let y = top(h.counts[i])
                c.lineTo(t.px(h.edges[i]), y); c.lineTo(t.px(h.edges[i + 1]), y)
            }
            c.lineTo(t.px(h.edges.last!), base)
            c.stroke(role: "mark")
        }
    }

    func drawBars(_ b: BarMark, _ col: Color, _ t: AxesTransform, _ p: Plan, _ c: Canvas) {
        let base = baseline(t, p)
        for (i, (x, h)) in zip(b.x, b.height).enumerated() where t.yScale.accepts(h) {
            c.setColor(b.colors?[i % max(1, b.colors!.count)] ?? col)
            let x0 = t.px(x - b.width / 2), x1 = t.px(x + b.width / 2), y = t.py(h)
            c.rectangle(Rect(x: x0, y: min(y, base), width: x1 - x0, height: abs(base - y)))
            c.fill(role: "mark")
        }
    }

    func drawPath(_ pm: PathMark, _ col: Color, _ t: AxesTransform, _ c: Canvas) {
        let pts = zip(pm.x, pm.y).filter { t.drawable($0.0, $0.1) }.map { (t.px($0.0), t.py($0.1)) }
        guard let first = pts.first else { return }
        c.setColor(col)
        c.setLine(width: pm.width * theme.lineWidth / 1.5, dash: [])
        c.moveTo(first.0, first.1)
        for q in pts.dropFirst() { c.lineTo(q.0, q.1) }
        c.stroke(role: "mark")
        if pm.arrows {
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
        if let m = pm.marker { for q in pts { drawMarker(m, q.0, q.1, 2.2 * theme.lineWidth / 1.5, c) } }
    }

    func drawHeatmap(_ h: HeatmapMark, _ t: AxesTransform, _ c: Canvas) {
        let rows = h.values.count, cols = h.values.first?.count ?? 0
        guard rows > 0, cols > 0 else { return }
        let lim = h.colorLimits ?? colorRange(h.values.flatMap { $0 }, log: h.logColor)
        func norm(_ v: Double) -> Double {
            if h.logColor { return v > 0 ? (log10(v) - log10(lim.lowerBound)) / (log10(lim.upperBound) - log10(lim.lowerBound)) : .nan }
            return (v - lim.lowerBound) / (lim.upperBound - lim.lowerBound)
        }
        var rgba = [UInt8](repeating: 0, count: rows * cols * 4)
        for r in 0..<rows {
            for col in 0..<cols {
                let v = h.values[r][col]
                let color = v.isFinite ? h.colorMap.color(at: norm(v)) : Color(hex: "FF00FF")
                let o = ((rows - 1 - r) * cols + col) * 4   // row 0 at the bottom
                rgba[o] = UInt8(color.red * 255); rgba[o + 1] = UInt8(color.green * 255); rgba[o + 2] = UInt8(color.blue * 255); rgba[o + 3] = 255
            }
        }
        let x0 = t.px(h.xRange.lowerBound), x1 = t.px(h.xRange.upperBound)
        let y0 = t.py(h.yRange.upperBound), y1 = t.py(h.yRange.lowerBound)
        c.image(rgba: rgba, width: cols, height: rows, in: Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0), role: "mark")
    }

    /// Draws contours; returns the level labels to draw on top (text, x, y in points).
    func drawContour(_ ct: ContourMark, _ t: AxesTransform, _ c: Canvas) -> [(String, Double, Double)] {
        let levels = ct.levels
        guard let lo = levels.first, let hi = levels.last else { return [] }
        if ct.filled, ct.x.count >= 2, ct.y.count >= 2 {
            // Bands between levels, sampled bilinearly on a raster at the plot's resolution.
            let w = min(400, max(2, Int(t.plot.width))), hgt = min(400, max(2, Int(t.plot.height)))
            let xs0 = ct.x.first!, xs1 = ct.x.last!, ys0 = ct.y.first!, ys1 = ct.y.last!
            var rgba = [UInt8](repeating: 0, count: w * hgt * 4)
            for py in 0..<hgt {
                let yv = ys1 - (Double(py) + 0.5) / Double(hgt) * (ys1 - ys0)
                for pxi in 0..<w {
                    let xv = xs0 + (Double(pxi) + 0.5) / Double(w) * (xs1 - xs0)
                    let v = bilinear(ct, xv, yv)
                    let band = levels.lastIndex { v >= $0 }
                    let o = (py * w + pxi) * 4
                    guard v.isFinite, v < hi else { continue }   // above the top level stays unfilled
                    let tt = band.map { Double($0) / Double(max(levels.count - 1, 1)) } ?? -0.08
                    let col = ct.colorMap.color(at: 0.12 + 0.8 * max(tt, 0)).opacity(1)
                    let mix = band == nil ? 0.55 : 0.75   // lighter than the map: lines and paths stay readable
                    rgba[o] = UInt8((col.red * mix + (1 - mix)) * 255); rgba[o + 1] = UInt8((col.green * mix + (1 - mix)) * 255)
                    rgba[o + 2] = UInt8((col.blue * mix + (1 - mix)) * 255); rgba[o + 3] = 255
                }
            }
            c.image(rgba: rgba, width: w, height: hgt,
                    in: Rect(x: t.px(xs0), y: t.py(ys1), width: t.px(xs1) - t.px(xs0), height: t.py(ys0) - t.py(ys1)), role: "mark")
        }
        var labels: [(String, Double, Double)] = []
        let lines = contourCache.lines(ct)
        c.setLine(width: ct.lineWidth * theme.lineWidth / 1.5, dash: [])
        c.setRoundJoins(false)
        defer { c.setRoundJoins(true) }
        for level in levels {
            let mine = lines.filter { $0.level == level }
            let frac = hi > lo ? (level - lo) / (hi - lo) : 0
            c.setColor(ct.lineColor ?? ct.colorMap.color(at: 0.1 + 0.75 * frac))
            var longest: (Double, [(Double, Double)]) = (0, [])
            for line in mine {
                // Points closer than 1.2 pt (L1) to the last one kept add nothing visible.
                var pts: [(Double, Double)] = []
                pts.reserveCapacity(line.points.count)
                for p in line.points {
                    let q = (t.px(p.x), t.py(p.y))
                    if let last = pts.last, abs(q.0 - last.0) + abs(q.1 - last.1) < 1.2 { continue }
                    pts.append(q)
                }
                if let endPoint = line.points.last { pts.append((t.px(endPoint.x), t.py(endPoint.y))) }
                guard let f = pts.first else { continue }
                c.moveTo(f.0, f.1)
                var len = 0.0
                for (a, b) in zip(pts, pts.dropFirst()) { c.lineTo(b.0, b.1); len += hypot(b.0 - a.0, b.1 - a.1) }
                if len > longest.0 { longest = (len, pts) }
            }
            c.stroke(role: "mark")
            if ct.labelLevels, longest.0 > 40 {
                // The point of the line farthest from the labels placed so far, away from the edges.
                let inside = longest.1.filter { $0.0 > t.plot.x + 15 && $0.0 < t.plot.maxX - 15 && $0.1 > t.plot.y + 8 && $0.1 < t.plot.maxY - 8 }
                let spot = inside.max { a, b in
                    let da = labels.map { hypot($0.1 - a.0, $0.2 - a.1) }.min() ?? 1e9
                    let db = labels.map { hypot($0.1 - b.0, $0.2 - b.1) }.min() ?? 1e9
                    return da < db
                }
                if let spot { labels.append((shortNumber(level), spot.0, spot.1)) }
            }
        }
        return labels
    }

    /// A level value as short as it can be: `1`, `0.5`, `2.25`.
    func shortNumber(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e6 { return String(Int(v)).replacingOccurrences(of: "-", with: "−") }
        for d in 1...4 {
            let s = String(format: "%.\(d)f", v)
            if abs((Double(s) ?? v) - v) < 1e-9 * max(1, abs(v)) { return s.replacingOccurrences(of: "-", with: "−") }
        }
        return formatNumber(v, significant: 3)
    }

    func bilinear(_ ct: ContourMark, _ x: Double, _ y: Double) -> Double {
        func locate(_ a: [Double], _ v: Double) -> (Int, Double) {
            var lo = 0, hi = a.count - 1
            while hi - lo > 1 { let m = (lo + hi) / 2; if a[m] <= v { lo = m } else { hi = m } }
            let f = a[hi] == a[lo] ? 0 : (v - a[lo]) / (a[hi] - a[lo])
            return (lo, min(max(f, 0), 1))
        }
        let (i, fx) = locate(ct.x, x), (j, fy) = locate(ct.y, y)
        let i1 = min(i + 1, ct.x.count - 1), j1 = min(j + 1, ct.y.count - 1)
        let v00 = ct.values[j][i], v10 = ct.values[j][i1], v01 = ct.values[j1][i], v11 = ct.values[j1][i1]
        return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy
    }

    func drawLabelBox(_ text: String, _ x: Double, _ y: Double, _ c: Canvas) {
        let size = theme.tickSize * 0.9
        let box = c.textBox(text, x: x, y: y, size: size, bold: false, h: .center, v: .middle, angle: 0)
        c.setColor(Color.white.opacity(0.85))
        c.rectangle(Rect(x: box.x - 1.5, y: box.y - 0.5, width: box.width + 3, height: box.height + 1))
        c.fill(role: "label-box")
        c.text(text, x: x, y: y, size: size, bold: false, h: .center, v: .middle, angle: 0, color: Color(hex: "333333"), role: "contour-label")
    }

    func drawRidgeline(_ r: RidgelineMark, _ t: AxesTransform, _ c: Canvas) {
        let peak = r.rows.flatMap { $0 }.max() ?? 1
        guard peak > 0 else { return }
        let n = r.rows.count
        for (k, counts) in r.rows.enumerated() {
            let base = Double(n - 1 - k)
            let peak = r.normalizeRows ? max(counts.max() ?? 1, 1e-300) : peak
            let col = r.colorMap.color(at: n > 1 ? Double(k) / Double(n - 1) * 0.9 : 0.5)
            func pts() {
                c.moveTo(t.px(r.edges[0]), t.py(base))
                for i in counts.indices {
                    let y = t.py(base + counts[i] / peak * r.overlap)
                    c.lineTo(t.px(r.edges[i]), y); c.lineTo(t.px(r.edges[i + 1]), y)
                }
                c.lineTo(t.px(r.edges.last!), t.py(base))
            }
            pts(); c.closePath()
            c.setColor(col.opacity(0.8)); c.fill(role: "mark")
            pts()
            c.setColor(Color(hex: "222222")); c.setLine(width: 0.7, dash: []); c.stroke(role: "mark")
        }
    }

    func drawReference(_ r: ReferenceLine, _ t: AxesTransform, _ c: Canvas, avoiding placed: inout [Rect]) {
        c.setColor(r.color)
        c.setLine(width: 1, dash: r.dash.pattern)
        let plot = t.plot
        /// The first of the label positions that overlaps no earlier reference label.
        func label(_ options: [(Double, Double, HAlign, VAlign)]) {
            guard let l = r.label else { return }
            let fits = options.first { o in
                let b = c.textBox(l, x: o.0, y: o.1, size: theme.tickSize, bold: false, h: o.2, v: o.3, angle: 0)
                return !placed.contains { $0.intersects(b) }
            } ?? options[0]
            placed.append(c.text(l, x: fits.0, y: fits.1, size: theme.tickSize, bold: false, h: fits.2, v: fits.3, angle: 0,
                                 color: r.color, role: "reference-label"))
        }
        switch r.orientation {
        case .horizontal:
            guard t.yScale.accepts(r.value) else { return }
            let y = t.py(r.value)
            c.moveTo(plot.x, y); c.lineTo(plot.maxX, y); c.stroke(role: "reference")
            label([(plot.maxX - 3, y - 2, .right, .bottom), (plot.x + 3, y - 2, .left, .bottom), (plot.maxX - 3, y + 2, .right, .top)])
        case .vertical:
            guard t.xScale.accepts(r.value) else { return }
            let x = t.px(r.value)
            c.moveTo(x, plot.y); c.lineTo(x, plot.maxY); c.stroke(role: "reference")
            label([(x + 3, plot.y + 3, .left, .top), (x - 3, plot.y + 3, .right, .top), (x + 3, plot.maxY - 3, .left, .bottom)])
        }
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
        return scored.min { $0.1 < $1.1 }!
    }

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
            var xs: [Double] = [], ys: [Double] = []
            var connected = false
            switch mark {
            case .line(let l): xs = l.x; ys = l.y; connected = true
            case .path(let p): xs = p.x; ys = p.y; connected = true
            case .scatter(let s): xs = s.x; ys = s.y
            case .band(let b): xs = b.x + b.x; ys = b.lower + b.upper
            case .bar(let b): xs = b.x; ys = b.height
            case .histogram(let hm):
                for i in hm.counts.indices {
                    for s in 0...4 {
                        let x = hm.edges[i] + (hm.edges[i + 1] - hm.edges[i]) * Double(s) / 4
                        for f in stride(from: 0.0, through: 1.0, by: 0.25) { xs.append(x); ys.append(hm.counts[i] * f) }
                    }
                }
            default: continue
            }
            let n = min(xs.count, ys.count)
            let stride = max(1, n / 1500)
            var previous: (Double, Double)?
            for i in Swift.stride(from: 0, to: n, by: stride) {
                guard t.drawable(xs[i], ys[i]) else { previous = nil; continue }
                let q = (t.px(xs[i]), t.py(ys[i]))
                if connected, let p0 = previous {
                    // Segments cover the space between their points.
                    let steps = max(1, Int(hypot(q.0 - p0.0, q.1 - p0.1) / 4))
                    for s in 1..<steps { let f = Double(s) / Double(steps); points.append((p0.0 + (q.0 - p0.0) * f, p0.1 + (q.1 - p0.1) * f)) }
                }
                points.append(q)
                previous = q
            }
        }
        // Reference lines and their labels count as data too.
        for r in a.referenceLines {
            let along = stride(from: 0.0, through: 1.0, by: 0.02)
            switch r.orientation {
            case .horizontal where t.yScale.accepts(r.value):
                let y = t.py(r.value)
                points += along.map { (t.plot.x + $0 * t.plot.width, y) }
                if r.label != nil { points += stride(from: 0.0, through: 80, by: 4).map { (t.plot.maxX - $0, y - theme.tickSize) } }
            case .vertical where t.xScale.accepts(r.value):
                let x = t.px(r.value)
                points += along.map { (x, t.plot.y + $0 * t.plot.height) }
                if r.label != nil { points += stride(from: 0.0, through: 80, by: 4).map { (x + $0, t.plot.y + theme.tickSize) } }
            default: break
            }
        }
        return points
    }

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
            switch e.kind {
            case "fill": c.rectangle(Rect(x: sx, y: cy - rowH * 0.3, width: swatch, height: rowH * 0.6)); c.fill(role: "legend")
            case "marker": drawMarker(e.marker ?? .circle, sx + swatch / 2, cy, 3, c)
            default:
                c.setLine(width: theme.lineWidth, dash: e.dash.pattern)
                c.moveTo(sx, cy); c.lineTo(sx + swatch, cy); c.stroke(role: "legend")
                if let mk = e.marker { drawMarker(mk, sx + swatch / 2, cy, 2.5, c) }
            }
            c.text(e.label, x: sx + swatch + 5, y: cy, size: size, bold: false, h: .left, v: .middle, angle: 0, color: .black, role: "legend")
        }
    }

    func drawColorBar(_ cb: (label: String, map: ColorMap, limits: ClosedRange<Double>, log: Bool), _ plot: Rect, _ c: Canvas) {
        let bar = Rect(x: plot.maxX + 8, y: plot.y, width: 10, height: plot.height)
        let n = 128
        var rgba = [UInt8](repeating: 255, count: n * 4)
        for i in 0..<n {
            let col = cb.map.color(at: 1 - Double(i) / Double(n - 1))
            rgba[i * 4] = UInt8(col.red * 255); rgba[i * 4 + 1] = UInt8(col.green * 255); rgba[i * 4 + 2] = UInt8(col.blue * 255)
        }
        c.image(rgba: rgba, width: 1, height: n, in: bar, role: "colorbar")
        c.setColor(Color(hex: "333333")); c.setLine(width: theme.axisWidth, dash: []); c.rectangle(bar); c.stroke(role: "colorbar")
        let lo = cb.limits.lowerBound, hi = cb.limits.upperBound
        func y(_ v: Double) -> Double {
            let f = cb.log ? (log10(v) - log10(lo)) / (log10(hi) - log10(lo)) : (v - lo) / (hi - lo)
            return bar.maxY - f * bar.height
        }
        var maxRight = bar.maxX
        for (v, l) in zip(colorBarTicks(cb.limits, log: cb.log).values, colorBarTicks(cb.limits, log: cb.log).labels) where v >= lo && v <= hi {
            c.moveTo(bar.maxX, y(v)); c.lineTo(bar.maxX + tickLength, y(v)); c.stroke(role: "colorbar")
            let b = c.text(l, x: bar.maxX + tickLength + 2, y: y(v), size: theme.tickSize, bold: false, h: .left, v: .middle, angle: 0,
                           color: Color(hex: "333333"), role: "colorbar-label")
            maxRight = max(maxRight, b.maxX)
        }
        c.text(cb.label, x: maxRight + 4, y: bar.y + bar.height / 2, size: theme.labelSize, bold: false, h: .center, v: .top,
               angle: -.pi / 2, color: .black, role: "axis-label")
    }
}

/// Contour lines traced once per grid within one drawing. The key is the identity of the
/// grid's buffers (arrays are values: while the figure holds them, the same buffer means the
/// same numbers), so looking up costs nothing; equal grids in different buffers are traced again.
final class ContourCache {
    private struct Key: Hashable {
        var values, x, y: UnsafeRawPointer?
        var levels: [Double]
    }
    private var cache: [Key: [Contour.Line]] = [:]

    func lines(_ ct: ContourMark) -> [Contour.Line] {
        let key = Key(values: ct.values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                      x: ct.x.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                      y: ct.y.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }, levels: ct.levels)
        if let hit = cache[key] { return hit }
        let lines = Contour.lines(x: ct.x, y: ct.y, values: ct.values, levels: ct.levels)
        cache[key] = lines
        return lines
    }
}

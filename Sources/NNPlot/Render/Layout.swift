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
        /// The extent of the data on each axis (what the ticks of a fitted log axis must bracket).
        var xData: ClosedRange<Double>?
        var yData: ClosedRange<Double>?
        /// All x (y) data are whole numbers: linear ticks fall on integers only.
        var xIntegers = false
        var yIntegers = false
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
        let target = tickTargets(cellWidth: cellWidth, cellHeight: cellHeight)
        let xl = a.xLimits ?? bracketed(Extent.limits(e.x, scale: a.xScale, padLow: e.padX, padHigh: e.padX), e.x, a.xScale, target.x)
        let yl = a.yLimits ?? bracketed(Extent.limits(e.y, scale: a.yScale, padLow: e.padBottom, padHigh: e.padTop), e.y, a.yScale, target.y)
        let row = index / figure.columns, col = index % figure.columns
        var p = Plan(xLimits: xl, yLimits: yl, xTicks: Ticks(values: [], labels: []), yTicks: Ticks(values: [], labels: []),
                     showXTickLabels: !(figure.sharedX && row < lastRow(col)), showYTickLabels: !(figure.sharedY && col > 0),
                     showXLabel: a.xLabel != nil && !(figure.sharedX && row < lastRow(col)),
                     showYLabel: a.yLabel != nil && !(figure.sharedY && col > 0), colorBar: nil, xData: e.x, yData: e.y,
                     xIntegers: e.x != nil && !e.xFractional, yIntegers: e.y != nil && !e.yFractional)
        for m in a.marks {
            if let bar = m.painter.requestedColorBar() { p.colorBar = bar }
        }
        setTicks(&p, a, cellWidth: cellWidth, cellHeight: cellHeight, canvas: c)
        return p
    }

    /// Fitted limits of a log axis widened so that labelled ticks bracket the data; others as they are.
    func bracketed(_ limits: ClosedRange<Double>, _ data: ClosedRange<Double>?, _ scale: Scale, _ target: Int) -> ClosedRange<Double> {
        guard scale == .log, let data else { return limits }
        return Ticks.logLimits(data: data, padded: limits, target: target)
    }

    /// How many ticks to aim at along the x and y axes of a cell.
    func tickTargets(cellWidth: Double, cellHeight: Double) -> (x: Int, y: Int) {
        (max(3, min(7, Int(cellWidth / (theme.tickSize * 11)))), max(3, min(7, Int(cellHeight / (theme.tickSize * 5)))))
    }

    /// The last row that has an axes in column `col`.
    func lastRow(_ col: Int) -> Int {
        let n = figure.axes.count
        var r = figure.rows - 1
        while r > 0 && r * figure.columns + col >= n { r -= 1 }
        return r
    }

    func setTicks(_ p: inout Plan, _ a: Axes, cellWidth: Double, cellHeight: Double, canvas c: Canvas) {
        guard a.frame else {
            p.xTicks = Ticks(values: [], labels: []); p.yTicks = Ticks(values: [], labels: [])
            p.showXTickLabels = false; p.showYTickLabels = false
            return
        }
        let (xTarget, yTarget) = tickTargets(cellWidth: cellWidth, cellHeight: cellHeight)
        p.xTicks = thinned(ticks(for: a.xScale, limits: p.xLimits, target: xTarget, categories: a.xCategories, integers: p.xIntegers),
                           room: cellWidth * 0.8, horizontal: true, canvas: c)
        let yCategories = a.yCategories ?? a.marks.lazy.compactMap(\.painter.yCategoryLabels).first
        p.yTicks = thinned(ticks(for: a.yScale, limits: p.yLimits, target: yTarget, categories: yCategories, integers: p.yIntegers),
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
            t = Ticks(values: keep.map { t.values[$0] }, labels: keep.map { t.labels[$0] }, minor: t.minor)
        }
        return t
    }

    /// Gives every panel the union of the limits on the shared axes, and ticks for them.
    func share(_ plans: inout [Plan], cellWidth: Double, cellHeight: Double, canvas c: Canvas) {
        let target = tickTargets(cellWidth: cellWidth, cellHeight: cellHeight)
        let axes = figure.axes
        func union(_ r: [ClosedRange<Double>?]) -> ClosedRange<Double>? {
            let r = r.compactMap { $0 }
            guard let lo = r.map(\.lowerBound).min(), let hi = r.map(\.upperBound).max() else { return nil }
            return lo...hi
        }
        if figure.sharedX, var limits = union(plans.map(\.xLimits)) {
            // Fitted log limits bracket the data of every panel with the shared ticks.
            if let first = axes.first, axes.allSatisfy({ $0.xLimits == nil && $0.xScale == first.xScale }) {
                limits = bracketed(limits, union(plans.map(\.xData)), first.xScale, target.x)
            }
            let integers = plans.allSatisfy(\.xIntegers)
            for k in plans.indices { plans[k].xLimits = limits; plans[k].xIntegers = integers }
        }
        if figure.sharedY, var limits = union(plans.map(\.yLimits)) {
            if let first = axes.first, axes.allSatisfy({ $0.yLimits == nil && $0.yScale == first.yScale }) {
                limits = bracketed(limits, union(plans.map(\.yData)), first.yScale, target.y)
            }
            let integers = plans.allSatisfy(\.yIntegers)
            for k in plans.indices { plans[k].yLimits = limits; plans[k].yIntegers = integers }
        }
        for k in plans.indices { setTicks(&plans[k], axes[k], cellWidth: cellWidth, cellHeight: cellHeight, canvas: c) }
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

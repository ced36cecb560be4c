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
        guard a.frame else { drawLabels(a, p, plot, bottom: plot.maxY + 2, left: plot.x - 2, c); return }
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
        if !p.xTicks.minor.isEmpty || !p.yTicks.minor.isEmpty {
            c.setLine(width: theme.axisWidth * 0.7, dash: [])
            for v in p.xTicks.minor { let x = t.px(v); c.moveTo(x, plot.maxY); c.lineTo(x, plot.maxY + tickLength * 0.55) }
            for v in p.yTicks.minor { let y = t.py(v); c.moveTo(plot.x, y); c.lineTo(plot.x - tickLength * 0.55, y) }
            c.stroke(role: "minor-tick")
        }
        let (labelBottom, labelLeft) = drawTickLabels(p, t, ink, c)
        drawLabels(a, p, plot, bottom: labelBottom, left: labelLeft, c)
    }

    /// The axis labels below and left of where the tick labels end, and the title.
    private func drawLabels(_ a: Axes, _ p: Plan, _ plot: Rect, bottom labelBottom: Double, left labelLeft: Double, _ c: Canvas) {
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

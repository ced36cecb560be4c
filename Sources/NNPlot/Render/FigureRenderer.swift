/// Lays out a ``Figure`` and draws it on a ``Canvas``: one renderer for PNG, SVG, PDF and the
/// recording canvas, so every output has the same layout.
///
/// This file only orchestrates. The parts live beside it: `Validation.swift`, `Layout.swift`
/// (limits, ticks, margins, plot rectangles), `AxesFrame.swift` (grid, spines, ticks, labels),
/// `Legend.swift` and `ColorBar.swift`; each mark type draws itself (`Marks/`, ``MarkPainter``).
struct FigureRenderer {
    let figure: Figure
    /// Contour lines traced once per distinct grid and levels within a figure (panels often share one function).
    private let contourCache = ContourCache()
    /// Record each plot's rectangle in place of its marks (what a ``TilePlan`` needs: marks are clipped to the plot).
    var marksAsPlotRect = false
    /// The part of the figure being drawn (a tile, in points), or nil for all: marks of a plot
    /// outside it are skipped unless they draw text (every tile makes the same text calls).
    var visible: Rect?
    var theme: Theme { figure.theme }
    let pad = 6.0
    let tickLength = 3.5

    /// Traces the contour lines of every contour mark into the figure's cache (on another
    /// thread while this one plans the tiles).
    func traceContours() {
        for a in figure.axes {
            for case .contour(let m) in a.marks { _ = contourCache.lines(m) }
        }
    }

    /// What is decided before drawing: each axes' plan and plot rectangle (the same for every
    /// canvas that measures text alike, so tiles share one).
    struct Arrangement {
        var plans: [Plan]
        var rects: [Rect]
    }

    /// Validates the figure and lays it out below its title.
    func arrange(on c: Canvas) throws(RenderError) -> Arrangement {
        try validate()
        var top = pad
        if let title = figure.title {
            top = c.textBox(title, x: figure.width / 2, y: pad, size: theme.titleSize, bold: true, h: .center, v: .top, angle: 0).maxY + 4
        }
        let (plans, rects) = try layout(top: top, canvas: c)
        return Arrangement(plans: plans, rects: rects)
    }

    /// Draws the whole figure: background, title, then every axes in its planned rectangle.
    func draw(on c: Canvas) throws(RenderError) { draw(try arrange(on: c), on: c) }

    /// Draws the figure as arranged.
    func draw(_ arrangement: Arrangement, on c: Canvas) {
        c.setColor(theme.background)
        c.rectangle(Rect(x: 0, y: 0, width: figure.width, height: figure.height))
        c.fill(role: "background")
        if let title = figure.title {
            c.text(title, x: figure.width / 2, y: pad, size: theme.titleSize, bold: true, h: .center, v: .top, angle: 0, color: .black, role: "figure-title")
        }
        for (k, rect) in arrangement.rects.enumerated() {
            drawAxes(figure.axes[k], arrangement.plans[k], in: rect, canvas: c)
        }
    }

    /// Draws one axes: grid, marks and reference lines clipped to the plot, then the frame,
    /// legend and colour bar.
    func drawAxes(_ a: Axes, _ p: Plan, in plot: Rect, canvas c: Canvas) {
        let t = AxesTransform(plot: plot, xScale: a.xScale, yScale: a.yScale, xLimits: p.xLimits, yLimits: p.yLimits)
        if a.grid { drawGrid(p, t, c) }
        c.save()
        c.clip(plot)
        if marksAsPlotRect {
            c.rectangle(plot)
            c.fill(role: "marks")
        } else {
            drawMarks(a, t, c)
            var referenceBoxes: [Rect] = []
            for r in a.referenceLines { r.draw(t, c, theme: theme, avoiding: &referenceBoxes) }
        }
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
        let outside = visible.map { !$0.intersects(t.plot, tolerance: -2) } ?? false
        for k in sorted where !(outside && !painters[k].drawsText) {
            context.color = colors[k]
            painters[k].draw(in: &context)
        }
        for label in context.levelLabels { label.draw(on: c, theme: theme) }
    }
}

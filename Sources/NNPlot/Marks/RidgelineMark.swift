/// Histograms over time, each drawn on its own baseline (a ridgeline / offset view). Row k's
/// baseline is at y = n - 1 - k (the first row at the top); each row's counts are scaled so the
/// tallest bar of all rows is `overlap` high. Rows are drawn back to front, each translucent and
/// outlined in white under its dark line, so that a row in front does not hide the one behind.
/// The row labels label the y axis at the baselines when the axes has no `yCategories`.
public struct RidgelineMark: Sendable {
    /// The bin edges shared by every row (one more than each row's counts).
    public var edges: [Double]
    /// The counts of each row, first row drawn at the top.
    public var rows: [[Double]]
    /// A label for each row.
    public var rowLabels: [String]
    /// The colour map the rows' fills are taken from, in order.
    public var colorMap: ColorMap = .viridis
    /// The height of the tallest bar in row spacings (above 1, rows reach into the row behind).
    public var overlap = 1.2
    /// Scale each row to its own peak (shapes compare; heights do not) instead of the common peak.
    public var normalizeRows = false
    /// A ridgeline.
    public init(edges: [Double], rows: [[Double]], rowLabels: [String], colorMap: ColorMap = .viridis, overlap: Double = 1.2,
                normalizeRows: Bool = false) {
        self.edges = edges; self.rows = rows; self.rowLabels = rowLabels; self.colorMap = colorMap; self.overlap = overlap
        self.normalizeRows = normalizeRows
    }
}

extension RidgelineMark: MarkPainter {
    var layer: MarkLayer { .area }

    func problem() -> String? {
        rows.allSatisfy({ $0.count == edges.count - 1 }) ? nil : "ridgeline rows need \(edges.count - 1) counts"
    }

    var yCategoryLabels: [String]? { rowLabels.count == rows.count ? rowLabels.reversed() : nil }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        edges.forEach { extent.addX($0, xScale) }
        // Rows sit on whole y; the margins below and above are room, not data.
        extent.addY(-0.15, yScale, data: false); extent.addY(Double(rows.count - 1) + overlap + 0.1, yScale, data: false)
    }

    /// Fills and outlines each row's step curve on its baseline, first row at the top and drawn first.
    func draw(in context: inout PaintContext) {
        let c = context.canvas, t = context.transform
        let peak = rows.flatMap { $0 }.max() ?? 1
        guard peak > 0, let firstEdge = edges.first, let lastEdge = edges.last else { return }
        let n = rows.count
        for (k, counts) in rows.enumerated() {
            let base = Double(n - 1 - k)
            let peak = normalizeRows ? max(counts.max() ?? 1, 1e-300) : peak
            let col = colorMap.color(at: n > 1 ? Double(k) / Double(n - 1) * 0.9 : 0.5)
            func pts() {
                c.moveTo(t.px(firstEdge), t.py(base))
                for i in counts.indices {
                    let y = t.py(base + counts[i] / peak * overlap)
                    c.lineTo(t.px(edges[i]), y); c.lineTo(t.px(edges[i + 1]), y)
                }
                c.lineTo(t.px(lastEdge), t.py(base))
            }
            pts(); c.closePath()
            c.setColor(col.opacity(0.72)); c.fill(role: "mark")
            pts()
            c.setColor(.white); c.setLine(width: 2.2, dash: []); c.stroke(role: "mark")
            pts()
            c.setColor(Color(hex: "222222")); c.setLine(width: 0.7, dash: []); c.stroke(role: "mark")
        }
    }
}

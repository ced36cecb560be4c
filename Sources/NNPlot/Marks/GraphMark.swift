import Foundation

/// A diagram of nodes joined by directed, labelled edges, placed in data coordinates (so the
/// axes' frame can be hidden, ``Axes/frame``): a computational graph, a layered network, a flow
/// chart. Each edge can carry two labels, one above it and one below it in another colour (a
/// value flowing forward and one flowing back, say). Node and text sizes are in points, so a
/// diagram reads the same at any figure size.
public struct GraphMark: Sendable {
    /// How a node is drawn.
    public enum Shape: Sendable {
        /// A circle around the label.
        case circle
        /// A rounded box around the label (and its detail line).
        case box
        /// The label alone, without an outline (an input's name where edges start).
        case plain
    }

    /// A node: an id for edges to refer to, a position and its text.
    public struct Node: Sendable {
        /// The name edges use.
        public var id: String
        /// The centre in data coordinates.
        public var x, y: Double
        /// The text inside the node.
        public var label: String
        /// The outline.
        public var shape: Shape
        /// A second, smaller line inside the node under the label, or nil.
        public var detail: String?
        /// A line under the node, outside it, in the graph's lower-label colour, or nil.
        public var note: String?
        /// The fill; nil is white (plain nodes are never filled).
        public var fill: Color?
        /// A node.
        public init(_ id: String, x: Double, y: Double, label: String, shape: Shape = .circle, detail: String? = nil,
                    note: String? = nil, fill: Color? = nil) {
            self.id = id; self.x = x; self.y = y; self.label = label; self.shape = shape; self.detail = detail
            self.note = note; self.fill = fill
        }
    }

    /// A directed edge from one node to another, with up to two labels.
    public struct Edge: Sendable {
        /// The id of the node the edge leaves.
        public var from: String
        /// The id of the node it points at.
        public var to: String
        /// The label above the edge (left of a vertical edge), in the graph's upper-label colour.
        public var above: String?
        /// The label below the edge (right of a vertical edge), in the graph's lower-label colour.
        public var below: String?
        /// Where along the visible part of the edge the labels sit: 0 at its start, 1 at its arrow.
        public var at: Double
        /// An edge.
        public init(_ from: String, _ to: String, above: String? = nil, below: String? = nil, at: Double = 0.5) {
            self.from = from; self.to = to; self.above = above; self.below = below; self.at = at
        }
    }

    /// The nodes.
    public var nodes: [Node]
    /// The edges, drawn under the nodes.
    public var edges: [Edge]
    /// The colour of the labels above the edges.
    public var aboveColor: Color = .black
    /// The colour of the labels below the edges and of the nodes' notes.
    public var belowColor: Color = .red
    /// The colour of edges and outlines.
    public var lineColor = Color(hex: "444444")
    /// The smallest circle radius (and half-height of boxes) in points.
    public var nodeRadius = 16.0
    /// The font size of labels in points; nil uses the theme's axis-label size.
    public var fontSize: Double?
    /// Data units kept free around each node centre in fitted limits.
    public var padding = 0.5
    /// A legend row, in the lower-label colour, saying what the labels below the edges are; nil for none.
    public var legendLabel: String?

    /// A graph of `nodes` and `edges`.
    public init(nodes: [Node], edges: [Edge], aboveColor: Color = .black, belowColor: Color = .red, fontSize: Double? = nil,
                padding: Double = 0.5, legendLabel: String? = nil) {
        self.nodes = nodes; self.edges = edges; self.aboveColor = aboveColor; self.belowColor = belowColor
        self.fontSize = fontSize; self.padding = padding; self.legendLabel = legendLabel
    }
}

extension GraphMark: MarkPainter {
    var layer: MarkLayer { .line }
    var drawsText: Bool { true }

    func problem() -> String? {
        var seen = Set<String>()
        for n in nodes {
            guard seen.insert(n.id).inserted else { return "graph has two nodes '\(n.id)'" }
            guard n.x.isFinite, n.y.isFinite else { return "graph node '\(n.id)' is not at a finite position" }
        }
        for e in edges {
            guard seen.contains(e.from), seen.contains(e.to) else { return "graph edge \(e.from) → \(e.to) names a missing node" }
            guard e.from != e.to else { return "graph edge \(e.from) → \(e.to) is a loop" }
        }
        return nil
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        for n in nodes {
            extent.addX(n.x - padding, xScale); extent.addX(n.x + padding, xScale)
            extent.addY(n.y - padding, yScale); extent.addY(n.y + padding, yScale)
        }
    }

    func legendEntry(color: Color) -> LegendEntry? {
        legendLabel.map { LegendEntry(label: $0, color: belowColor, swatch: .fill) }
    }

    /// The nodes and points along every edge, so that a legend keeps off the diagram.
    func placementSamples() -> PlacementSamples? {
        let at = Dictionary(nodes.map { ($0.id, ($0.x, $0.y)) }, uniquingKeysWith: { a, _ in a })
        var xs = nodes.map(\.x), ys = nodes.map(\.y)
        for e in edges {
            guard let a = at[e.from], let b = at[e.to] else { continue }
            for k in 1..<10 { let f = Double(k) / 10; xs.append(a.0 + (b.0 - a.0) * f); ys.append(a.1 + (b.1 - a.1) * f) }
        }
        return PlacementSamples(x: xs, y: ys)
    }

    /// Draws the edges with their arrow heads, then the nodes, then every label.
    func draw(in context: inout PaintContext) {
        let c = context.canvas, t = context.transform
        let size = fontSize ?? context.theme.labelSize
        let geometry = Dictionary(nodes.map { n in (n.id, NodeGeometry(n, t, size, nodeRadius, c)) }, uniquingKeysWith: { a, _ in a })
        var labels: [EdgeLabel] = []
        c.setLine(width: 1.3, dash: [])
        for e in edges {
            guard let a = geometry[e.from], let b = geometry[e.to] else { continue }
            let dx = b.cx - a.cx, dy = b.cy - a.cy, len = (dx * dx + dy * dy).squareRoot()
            guard len > 0 else { continue }
            let ux = dx / len, uy = dy / len
            let s0 = a.reach(ux, uy) + 2, s1 = len - b.reach(-ux, -uy) - 2
            guard s1 > s0 else { continue }
            let head = min(9.0, (s1 - s0) / 3)
            c.setColor(lineColor)
            c.moveTo(a.cx + ux * s0, a.cy + uy * s0); c.lineTo(a.cx + ux * (s1 - head), a.cy + uy * (s1 - head))
            c.stroke(role: "mark")
            let tipX = a.cx + ux * s1, tipY = a.cy + uy * s1
            c.moveTo(tipX, tipY)
            c.lineTo(tipX - ux * head - uy * head * 0.45, tipY - uy * head + ux * head * 0.45)
            c.lineTo(tipX - ux * head + uy * head * 0.45, tipY - uy * head - ux * head * 0.45)
            c.closePath(); c.fill(role: "mark")
            let f = s0 + (s1 - s0) * min(max(e.at, 0), 1)
            let place = EdgeLabel.Place(x: a.cx + ux * f, y: a.cy + uy * f, ux: ux, uy: uy)
            if let text = e.above { labels.append(EdgeLabel(text: text, place: place, above: true, color: aboveColor)) }
            if let text = e.below { labels.append(EdgeLabel(text: text, place: place, above: false, color: belowColor)) }
        }
        for n in nodes { geometry[n.id]?.drawShape(n, c, lineColor: lineColor) }
        for n in nodes { geometry[n.id]?.drawText(n, c, size: size, noteColor: belowColor) }
        for l in labels { l.draw(c, size: size) }
    }
}

/// A label beside an edge, level, on a white ground so that crossing lines do not hide it: its
/// centre sits off the edge by a gap plus the label's half-extent along the edge's normal, so the
/// box clears the edge and the labels above and below an edge never meet.
private struct EdgeLabel {
    /// Where the label's edge point is and the edge's direction, on the canvas.
    struct Place { var x, y, ux, uy: Double }
    var text: String
    var place: Place
    /// Above the edge (left of a vertical one), or below it (right).
    var above: Bool
    var color: Color

    func draw(_ c: Canvas, size: Double) {
        let p = place
        // The normal pointing up the page (left for a vertical edge), flipped for labels below.
        var nx = -p.uy, ny = p.ux
        if ny > 1e-9 || (abs(ny) <= 1e-9 && nx > 0) { nx = -nx; ny = -ny }
        if !above { nx = -nx; ny = -ny }
        let m = c.measure(text, size: size, bold: false)
        let w = m.width, h = m.ascent + m.descent
        let d = 4 + abs(nx) * w / 2 + abs(ny) * h / 2
        let x = p.x + nx * d, y = p.y + ny * d
        c.setColor(Color.white.opacity(0.85))
        c.rectangle(Rect(x: x - w / 2 - 1.5, y: y - h / 2 - 0.5, width: w + 3, height: h + 1))
        c.fill(role: "label-background")
        c.text(text, x: x, y: y, size: size, bold: false, h: .center, v: .middle, angle: 0, color: color,
               role: above ? "edge-label-above" : "edge-label-below")
    }
}

/// A node's centre and half-size on the canvas.
private struct NodeGeometry {
    let cx, cy: Double
    /// Half-width and half-height (for circles both are the radius).
    let hw, hh: Double
    let circle: Bool

    init(_ n: GraphMark.Node, _ t: AxesTransform, _ size: Double, _ radius: Double, _ c: Canvas) {
        cx = t.px(n.x); cy = t.py(n.y)
        let m = c.measure(n.label, size: size, bold: false)
        let detail = n.detail.map { c.measure($0, size: size * 0.85, bold: false) }
        let textW = max(m.width, detail?.width ?? 0)
        let textH = m.ascent + m.descent + (detail.map { $0.ascent + $0.descent + 2 } ?? 0)
        switch n.shape {
        case .circle:
            // Wide enough that the text's corners clear the circle by 4 points sideways.
            let r = max(radius, ((textW / 2 + 4) * (textW / 2 + 4) + textH * textH / 4).squareRoot())
            hw = r; hh = r; circle = true
        case .box:
            hw = textW / 2 + 9; hh = max(radius * 0.8, textH / 2 + 5); circle = false
        case .plain:
            hw = textW / 2 + 3; hh = textH / 2 + 2; circle = false
        }
    }

    /// Distance from the centre to the outline along the unit direction (ux, uy).
    func reach(_ ux: Double, _ uy: Double) -> Double {
        if circle { return hw }
        let rx = abs(ux) > 1e-12 ? hw / abs(ux) : .infinity, ry = abs(uy) > 1e-12 ? hh / abs(uy) : .infinity
        return min(rx, ry)
    }

    func drawShape(_ n: GraphMark.Node, _ c: Canvas, lineColor: Color) {
        guard n.shape != .plain else { return }
        for filling in [true, false] {
            if n.shape == .circle { c.circle(cx, cy, radius: hw) } else { roundedBox(c) }
            if filling { c.setColor(n.fill ?? .white); c.fill(role: "mark") } else { c.setColor(lineColor); c.stroke(role: "mark") }
        }
    }

    /// A box with quarter-circle corners of radius 6 (each corner as six segments).
    private func roundedBox(_ c: Canvas) {
        let r = min(6, hw, hh), x0 = cx - hw, x1 = cx + hw, y0 = cy - hh, y1 = cy + hh
        let corners = [(x1 - r, y0 + r, -Double.pi / 2), (x1 - r, y1 - r, 0), (x0 + r, y1 - r, Double.pi / 2), (x0 + r, y0 + r, Double.pi)]
        for (k, (ox, oy, start)) in corners.enumerated() {
            for s in 0...6 {
                let a = start + Double(s) / 6 * Double.pi / 2
                let px = ox + r * cos(a), py = oy + r * sin(a)
                if k == 0 && s == 0 { c.moveTo(px, py) } else { c.lineTo(px, py) }
            }
        }
        c.closePath()
    }

    func drawText(_ n: GraphMark.Node, _ c: Canvas, size: Double, noteColor: Color) {
        if let detail = n.detail {
            let m = c.measure(n.label, size: size, bold: false), d = c.measure(detail, size: size * 0.85, bold: false)
            let total = m.ascent + m.descent + 2 + d.ascent + d.descent
            let top = cy - total / 2
            c.text(n.label, x: cx, y: top, size: size, bold: false, h: .center, v: .top, angle: 0, color: .black, role: "node-label")
            c.text(detail, x: cx, y: top + m.ascent + m.descent + 2, size: size * 0.85, bold: false, h: .center, v: .top, angle: 0,
                   color: Color(hex: "444444"), role: "node-detail")
        } else {
            c.text(n.label, x: cx, y: cy, size: size, bold: false, h: .center, v: .middle, angle: 0, color: .black, role: "node-label")
        }
        if let note = n.note {
            c.text(note, x: cx, y: cy + hh + 4, size: size, bold: false, h: .center, v: .top, angle: 0, color: noteColor, role: "node-note")
        }
    }
}

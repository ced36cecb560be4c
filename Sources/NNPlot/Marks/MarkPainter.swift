/// Everything the renderer needs to know about one kind of mark, in the spirit of matplotlib's
/// `Artist`: each mark type conforms in its own file, and ``Mark/painter`` is the one place a
/// ``Mark`` is taken apart. Adding a mark is a new file, a new ``Mark`` case and its line there.
protocol MarkPainter {
    /// Where the mark sits in the drawing order.
    var layer: MarkLayer { get }
    /// Why the mark cannot be drawn (mismatched series lengths, ...), or nil when it can.
    func problem() -> String?
    /// Widens `extent` by the data the mark covers (what fitted axis limits must show).
    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale)
    /// Whether the mark takes a colour of the palette. Defaults to ``ColorSlot/none``.
    var colorSlot: ColorSlot { get }
    /// The mark's legend row in its resolved `color`, or nil for none. Defaults to nil.
    func legendEntry(color: Color) -> LegendEntry?
    /// The data points a legend placed inside the plot should not cover. Defaults to nil.
    func placementSamples() -> PlacementSamples?
    /// The colour bar the mark asks for beside the axes. Defaults to nil.
    func requestedColorBar() -> ColorBarSpec?
    /// Labels for the integer y positions when the axes has no `yCategories` (ridgeline rows). Defaults to nil.
    var yCategoryLabels: [String]? { get }
    /// Whether drawing the mark draws text. Defaults to false.
    var drawsText: Bool { get }
    /// Draws the mark inside the (clipped) plot area.
    func draw(in context: inout PaintContext)
}

extension MarkPainter {
    var colorSlot: ColorSlot { .none }
    func legendEntry(color: Color) -> LegendEntry? { nil }
    func placementSamples() -> PlacementSamples? { nil }
    func requestedColorBar() -> ColorBarSpec? { nil }
    var yCategoryLabels: [String]? { nil }
    var drawsText: Bool { false }
}

/// The drawing order of marks: images under areas, areas under lines and points, text on top.
/// Marks of one layer are drawn in the order they were added.
enum MarkLayer: Int, Comparable {
    case image, area, line, text

    static func < (a: MarkLayer, b: MarkLayer) -> Bool { a.rawValue < b.rawValue }
}

/// How a mark is coloured.
enum ColorSlot {
    /// The mark colours itself (colour maps, a fixed colour) and takes no palette colour.
    case none
    /// A series: its own colour, or when nil the next colour of the theme's palette.
    case series(Color?)
}

/// Data points in data coordinates, for legend placement.
struct PlacementSamples {
    var x: [Double]
    var y: [Double]
    /// The points are joined in order (lines, paths), so the segments between them count too.
    var connected = false
}

/// What a mark draws with.
struct PaintContext {
    let canvas: Canvas
    let transform: AxesTransform
    let theme: Theme
    /// The mark's resolved colour (see ``resolveColors(_:theme:)``).
    var color: Color
    /// Contour lines traced once per figure.
    let contours: ContourCache
    /// Labels drawn above every mark once all marks are drawn (contour levels).
    var levelLabels: [LevelLabel] = []
}

/// The colour of each mark: its own, the next palette colour in drawing order for series
/// without one, and black for marks that colour themselves.
func resolveColors(_ painters: [any MarkPainter], theme: Theme) -> [Color] {
    var next = 0
    return painters.map { p in
        guard case .series(let own) = p.colorSlot else { return .black }
        if let own { return own }
        defer { next += 1 }
        return theme.color(next)
    }
}

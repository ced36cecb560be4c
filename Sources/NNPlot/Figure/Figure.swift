/// One plot panel: scales, labels, marks and reference lines.
public struct Axes: Sendable {
    /// The title above the plot.
    public var title: String?
    /// The x axis label.
    public var xLabel: String?
    /// The y axis label.
    public var yLabel: String?
    /// The x axis scale.
    public var xScale: Scale = .linear
    /// The y axis scale.
    public var yScale: Scale = .linear
    /// Fixed x limits; nil fits the data (with a small margin for lines and points).
    public var xLimits: ClosedRange<Double>?
    /// Fixed y limits; nil fits the data (with a small margin for lines and points).
    public var yLimits: ClosedRange<Double>?
    /// Grid lines at the ticks.
    public var grid = true
    /// Draw a legend for labelled marks.
    public var legend = true
    /// What is drawn, in order (fills under lines and points, text on top).
    public var marks: [Mark] = []
    /// Horizontal and vertical reference lines, drawn over the marks.
    public var referenceLines: [ReferenceLine] = []
    /// Tick labels for categories at integer x positions (bars by layer).
    public var xCategories: [String]?
    /// Tick labels for categories at integer y positions (heatmap rows, ridgelines).
    public var yCategories: [String]?
    /// Equal data units on both axes (loss surfaces).
    public var equalAspect = false
    /// Spines, ticks and tick labels; false hides them, for diagrams drawn in data coordinates
    /// (``GraphMark``). The title, axis labels and legend are drawn either way.
    public var frame = true

    /// An axes.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, xScale: Scale = .linear,
                yScale: Scale = .linear, xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
                grid: Bool = true, legend: Bool = true, marks: [Mark] = [], referenceLines: [ReferenceLine] = []) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.xScale = xScale; self.yScale = yScale
        self.xLimits = xLimits; self.yLimits = yLimits; self.grid = grid; self.legend = legend; self.marks = marks
        self.referenceLines = referenceLines
    }
}

/// A figure: a title and a grid of axes, with sizes in points (1/72 inch). A plain value:
/// the renderer draws it; the same value always gives the same output.
public struct Figure: Sendable {
    /// The title above all panels.
    public var title: String?
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double
    /// Rows of panels.
    public var rows: Int
    /// Columns of panels.
    public var columns: Int
    /// Panels row by row; fewer than rows x columns leaves cells empty.
    public var axes: [Axes]
    /// All panels share the x limits (and only the bottom row shows x tick labels).
    public var sharedX = false
    /// All panels share the y limits (and only the left column shows y tick labels).
    public var sharedY = false
    /// The theme (fonts, sizes, palette).
    public var theme: Theme
    /// A source line written into PNG text chunks (e.g. the run that made the figure).
    public var source: String = ""

    /// A figure of `rows` x `columns` panels.
    public init(title: String? = nil, width: Double? = nil, height: Double? = nil, rows: Int = 1, columns: Int = 1,
                axes: [Axes], sharedX: Bool = false, sharedY: Bool = false, theme: Theme = .screen) {
        self.title = title
        self.width = width ?? theme.defaultWidth
        self.height = height ?? theme.defaultHeight
        self.rows = rows; self.columns = columns; self.axes = axes
        self.sharedX = sharedX; self.sharedY = sharedY; self.theme = theme
    }
}

extension Figure {
    /// The title written into the PNG and PDF metadata: the figure's title, else the first axes
    /// title, else the source line; nil when the figure has none of them.
    public var documentTitle: String? {
        if let title, !title.isEmpty { return title }
        if let first = axes.lazy.compactMap(\.title).first(where: { !$0.isEmpty }) { return first }
        return source.isEmpty ? nil : source
    }
}

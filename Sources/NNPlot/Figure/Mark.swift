/// Marker shapes for lines, scatters and paths.
public enum MarkerShape: String, Sendable, CaseIterable {
    case circle, square, diamond, triangle, plus, cross
}

/// Dash patterns for lines.
public enum Dash: Sendable, Equatable {
    case solid, dashed, dotted, dashDot
    var pattern: [Double] {
        switch self {
        case .solid: []
        case .dashed: [5, 3]
        case .dotted: [1.2, 2]
        case .dashDot: [5, 2, 1.2, 2]
        }
    }
}

/// A line through points, with optional markers.
public struct LineMark: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Color?
    public var width: Double = 1.5
    public var dash: Dash = .solid
    public var marker: MarkerShape?
    /// Draw a marker every `markEvery` points.
    public var markEvery = 1
    /// A line through points; `color` nil takes the next colour of the palette.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil, width: Double = 1.5,
                dash: Dash = .solid, marker: MarkerShape? = nil, markEvery: Int = 1) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.width = width
        self.dash = dash; self.marker = marker; self.markEvery = max(1, markEvery)
    }
}

/// Points drawn as markers.
public struct ScatterMark: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Color?
    /// Per-point colours (overrides `color`).
    public var colors: [Color]?
    public var size: Double = 3
    public var marker: MarkerShape = .circle
    /// A scatter.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil, colors: [Color]? = nil,
                size: Double = 3, marker: MarkerShape = .circle) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.colors = colors; self.size = size; self.marker = marker
    }
}

/// Bars at positions `x` with heights `height` (from the axis' lower limit on a log scale, else from 0).
public struct BarMark: Sendable {
    public var x: [Double]
    public var height: [Double]
    public var width: Double = 0.8
    public var label: String?
    public var color: Color?
    /// Per-bar colours.
    public var colors: [Color]?
    /// Bars.
    public init(x: [Double], height: [Double], width: Double = 0.8, label: String? = nil, color: Color? = nil, colors: [Color]? = nil) {
        self.x = x; self.height = height; self.width = width; self.label = label; self.color = color; self.colors = colors
    }
}

/// A histogram from bin edges (n + 1) and counts (n), filled or as a step outline.
public struct HistogramMark: Sendable {
    public var edges: [Double]
    public var counts: [Double]
    public var filled = true
    public var label: String?
    public var color: Color?
    /// A histogram.
    public init(edges: [Double], counts: [Double], filled: Bool = true, label: String? = nil, color: Color? = nil) {
        self.edges = edges; self.counts = counts; self.filled = filled; self.label = label; self.color = color
    }
}

/// A shaded band between `lower` and `upper` (mean ± std, percentile bands).
public struct BandMark: Sendable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var label: String?
    public var color: Color?
    public var opacity = 0.25
    /// A band.
    public init(x: [Double], lower: [Double], upper: [Double], label: String? = nil, color: Color? = nil, opacity: Double = 0.25) {
        self.x = x; self.lower = lower; self.upper = upper; self.label = label; self.color = color; self.opacity = opacity
    }
}

/// A grid of values drawn as coloured cells. `values[row][col]`; row 0 is at `yRange.lowerBound`.
public struct HeatmapMark: Sendable {
    public var values: [[Double]]
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var colorMap: ColorMap = .viridis
    /// Colour by log10 of the value.
    public var logColor = false
    /// Colour limits; nil takes the finite min and max.
    public var colorLimits: ClosedRange<Double>?
    /// The colour bar's label; nil draws no colour bar.
    public var colorBarLabel: String?
    /// A heatmap.
    public init(values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, colorMap: ColorMap = .viridis,
                logColor: Bool = false, colorLimits: ClosedRange<Double>? = nil, colorBarLabel: String? = nil) {
        self.values = values; self.xRange = xRange; self.yRange = yRange; self.colorMap = colorMap
        self.logColor = logColor; self.colorLimits = colorLimits; self.colorBarLabel = colorBarLabel
    }
}

/// Contours of a function sampled on a grid: `values[j][i]` at (`x[i]`, `y[j]`).
public struct ContourMark: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var values: [[Double]]
    public var levels: [Double]
    /// Fill the bands between levels (a colour map) under the lines.
    public var filled = false
    public var colorMap: ColorMap = .viridis
    /// Line colour; nil colours lines by level.
    public var lineColor: Color?
    /// Write each level's value on its longest line.
    public var labelLevels = true
    public var lineWidth = 0.8
    /// Draw a colour bar of the levels beside the axes (filled contours).
    public var colorBar = false
    /// Contours.
    public init(x: [Double], y: [Double], values: [[Double]], levels: [Double], filled: Bool = false,
                colorMap: ColorMap = .viridis, lineColor: Color? = nil, labelLevels: Bool = true, lineWidth: Double = 0.8,
                colorBar: Bool = false) {
        self.x = x; self.y = y; self.values = values; self.levels = levels.sorted(); self.filled = filled
        self.colorMap = colorMap; self.lineColor = lineColor; self.labelLevels = labelLevels; self.lineWidth = lineWidth
        self.colorBar = colorBar
    }
}

/// A path through points with markers and arrow heads between them (optimiser trajectories).
public struct PathMark: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Color?
    public var marker: MarkerShape? = .circle
    /// Arrow heads on every segment.
    public var arrows = true
    public var width = 1.2
    /// A path.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil, marker: MarkerShape? = .circle,
                arrows: Bool = true, width: Double = 1.2) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.marker = marker; self.arrows = arrows; self.width = width
    }
}

/// Text at a data position.
public struct TextMark: Sendable {
    /// Where the text's anchor goes relative to the point.
    public enum Anchor: Sendable { case center, left, right, above, below }
    public var x: Double
    public var y: Double
    public var text: String
    public var anchor: Anchor = .left
    public var color: Color = .black
    public var size: Double?
    /// A text annotation.
    public init(x: Double, y: Double, text: String, anchor: Anchor = .left, color: Color = .black, size: Double? = nil) {
        self.x = x; self.y = y; self.text = text; self.anchor = anchor; self.color = color; self.size = size
    }
}

/// Histograms over time, each drawn on its own baseline (a ridgeline / offset view). Row k's
/// baseline is at y = k; each row's counts are scaled so the tallest bar of all rows is `overlap` high.
public struct RidgelineMark: Sendable {
    public var edges: [Double]
    public var rows: [[Double]]
    public var rowLabels: [String]
    public var colorMap: ColorMap = .viridis
    public var overlap = 1.6
    /// Scale each row to its own peak (shapes compare; heights do not) instead of the common peak.
    public var normalizeRows = false
    /// A ridgeline.
    public init(edges: [Double], rows: [[Double]], rowLabels: [String], colorMap: ColorMap = .viridis, overlap: Double = 1.6,
                normalizeRows: Bool = false) {
        self.edges = edges; self.rows = rows; self.rowLabels = rowLabels; self.colorMap = colorMap; self.overlap = overlap
        self.normalizeRows = normalizeRows
    }
}

/// A horizontal or vertical reference line with a label ("best epoch", "ln 10").
public struct ReferenceLine: Sendable {
    public enum Orientation: Sendable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    public var label: String?
    public var color: Color = .grey
    public var dash: Dash = .dashed
    /// A reference line.
    public init(_ orientation: Orientation, at value: Double, label: String? = nil, color: Color = .grey, dash: Dash = .dashed) {
        self.orientation = orientation; self.value = value; self.label = label; self.color = color; self.dash = dash
    }
}

/// Anything drawn inside an axes.
public enum Mark: Sendable {
    case line(LineMark)
    case scatter(ScatterMark)
    case bar(BarMark)
    case histogram(HistogramMark)
    case band(BandMark)
    case heatmap(HeatmapMark)
    case contour(ContourMark)
    case path(PathMark)
    case text(TextMark)
    case ridgeline(RidgelineMark)
}

/// Anything drawn inside an axes.
public enum Mark: Sendable {
    /// A line through points.
    case line(LineMark)
    /// Points drawn as markers.
    case scatter(ScatterMark)
    /// Bars.
    case bar(BarMark)
    /// A histogram from bin edges and counts.
    case histogram(HistogramMark)
    /// A shaded band between two series.
    case band(BandMark)
    /// A grid of coloured cells.
    case heatmap(HeatmapMark)
    /// Contour lines (and filled bands) of a sampled function.
    case contour(ContourMark)
    /// A path with markers and arrow heads.
    case path(PathMark)
    /// Text at a data position.
    case text(TextMark)
    /// Histograms on offset baselines.
    case ridgeline(RidgelineMark)
    /// Nodes joined by labelled, directed edges (computational graphs, network diagrams).
    case graph(GraphMark)

    /// The mark's painter: the one place the renderer looks inside a `Mark`.
    var painter: any MarkPainter {
        switch self {
        case .line(let m): m
        case .scatter(let m): m
        case .bar(let m): m
        case .histogram(let m): m
        case .band(let m): m
        case .heatmap(let m): m
        case .contour(let m): m
        case .path(let m): m
        case .text(let m): m
        case .ridgeline(let m): m
        case .graph(let m): m
        }
    }
}

import NNPlot

/// A figure of the report with its caption and its numbers as CSV.
public struct FigureOutput {
    /// Stable file name without extension, e.g. `vanishing_grad_norms`.
    public var name: String
    /// The caption under the figure in the page.
    public var caption: String
    /// The figure itself (a plain value; the writer renders it).
    public var figure: Figure
    /// The plotted numbers, as CSV text.
    public var csv: String

    /// A figure for the report.
    public init(name: String, caption: String, figure: Figure, csv: String) {
        self.name = name; self.caption = caption; self.figure = figure; self.csv = csv
    }
}

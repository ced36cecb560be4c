extension FigureRenderer {
    /// Checks that the figure can be drawn: its grid holds its axes, it has room, every mark is
    /// consistent (each mark type says what it needs) and fixed limits fit their scales.
    func validate() throws(RenderError) {
        guard figure.rows > 0, figure.columns > 0, !figure.axes.isEmpty, figure.axes.count <= figure.rows * figure.columns else {
            throw .invalidFigure("\(figure.axes.count) axes do not fit a \(figure.rows) x \(figure.columns) grid")
        }
        guard figure.width > 20, figure.height > 20 else { throw .invalidFigure("figure size \(figure.width) x \(figure.height) pt is too small") }
        for (k, a) in figure.axes.enumerated() {
            for m in a.marks {
                if let bad = m.painter.problem() { throw .invalidFigure("axes \(k + 1) (\(a.title ?? "untitled")): \(bad)") }
            }
            if let l = a.xLimits, !(a.xScale.accepts(l.lowerBound) && a.xScale.accepts(l.upperBound) && l.upperBound > l.lowerBound) {
                throw .invalidFigure("axes \(k + 1): x limits \(l) do not fit its scale")
            }
            if let l = a.yLimits, !(a.yScale.accepts(l.lowerBound) && a.yScale.accepts(l.upperBound) && l.upperBound > l.lowerBound) {
                throw .invalidFigure("axes \(k + 1): y limits \(l) do not fit its scale")
            }
        }
    }
}

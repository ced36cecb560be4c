import NNPlot
import XCTest

/// Reading a figure's layout (``Figure/layout()``) back into numbers.
enum LayoutReader {
    /// The plot rectangle of a single-axes figure: marks are drawn clipped to it.
    static func plot(_ items: [DrawnItem], file: StaticString = #filePath, line: UInt = #line) throws -> Rect {
        try XCTUnwrap(items.lazy.compactMap(\.clip).first, "nothing was drawn clipped to the plot", file: file, line: line)
    }

    /// The limits of the x or y axis of a single-axes figure on a linear scale, read from where
    /// its first and last tick labels are centred (labels sit centred on their ticks).
    static func limits(_ items: [DrawnItem], axis: Character, file: StaticString = #filePath,
                       line: UInt = #line) throws -> ClosedRange<Double> {
        let plot = try plot(items, file: file, line: line)
        let ticks = try items.filter { $0.role == "tick-label-\(axis)" }.map { item -> (Double, Double) in
            let text = try XCTUnwrap(item.text).replacingOccurrences(of: "−", with: "-")
            let value = try XCTUnwrap(Double(text), "tick label '\(text)' is not a number", file: file, line: line)
            let b = item.bounds
            return (value, axis == "x" ? b.x + b.width / 2 : b.y + b.height / 2)
        }
        guard let (v1, p1) = ticks.first, let (v2, p2) = ticks.last, v2 > v1 else {
            XCTFail("fewer than two \(axis) tick labels", file: file, line: line)
            return 0...1
        }
        if axis == "x" {
            let perUnit = (p2 - p1) / (v2 - v1)
            let lo = v1 - (p1 - plot.x) / perUnit
            return lo...(lo + plot.width / perUnit)
        }
        let perUnit = (p1 - p2) / (v2 - v1)
        let lo = v1 - (plot.maxY - p1) / perUnit
        return lo...(lo + plot.height / perUnit)
    }

    /// The legend's swatches: what it draws other than its box and its texts.
    static func legendSwatches(_ items: [DrawnItem]) -> [DrawnItem] {
        let legend = items.filter { $0.clip == nil && ($0.role == "legend" || $0.role == "marker") && $0.kind != "text" }
        return Array(legend.dropFirst(2))   // the box's fill and outline
    }

    /// The legend's labels, top to bottom.
    static func legendLabels(_ items: [DrawnItem]) -> [String] {
        items.filter { $0.role == "legend" && $0.kind == "text" }.compactMap(\.text)
    }
}

/// A one-panel figure of `marks` without grid lines.
func panel(_ marks: [Mark], legend: Bool = true) -> Figure {
    Figure(width: 400, height: 300, axes: [Axes(grid: false, legend: legend, marks: marks)])
}

/// Asserts that two ranges agree within `accuracy` at both ends.
func assertRange(_ r: ClosedRange<Double>, _ expected: ClosedRange<Double>, accuracy: Double = 1e-6, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(r.lowerBound, expected.lowerBound, accuracy: accuracy, "lower: \(message)", file: file, line: line)
    XCTAssertEqual(r.upperBound, expected.upperBound, accuracy: accuracy, "upper: \(message)", file: file, line: line)
}

import NNPlot
import XCTest

/// Fitted axis limits follow each mark's extent: lines and points are padded 4 % a side, bars
/// and histograms start at 0, images and grids fit exactly.
final class MarkExtentTests: XCTestCase {
    func limits(_ marks: [Mark], file: StaticString = #filePath, line: UInt = #line) throws -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let items = try panel(marks, legend: false).layout()
        return (try LayoutReader.limits(items, axis: "x", file: file, line: line),
                try LayoutReader.limits(items, axis: "y", file: file, line: line))
    }

    func testPointsArePaddedOnEverySide() throws {
        for mark: Mark in [.line(LineMark(x: [0, 10], y: [2, 4])), .scatter(ScatterMark(x: [0, 10], y: [2, 4])),
                           .path(PathMark(x: [0, 10], y: [2, 4]))] {
            let (x, y) = try limits([mark])
            assertRange(x, -0.4...10.4, "\(mark)")
            assertRange(y, 1.92...4.08, "\(mark)")
        }
    }

    func testHistogramCoversItsEdgesAndZero() throws {
        let (x, y) = try limits([.histogram(HistogramMark(edges: [1, 2, 3], counts: [2, 5]))])
        assertRange(x, 1...3)
        assertRange(y, 0...5.2)
    }

    func testBarsCoverTheirWidthAndZero() throws {
        let (x, y) = try limits([.bar(BarMark(x: [1, 2], height: [3, 4]))])
        assertRange(x, 0.6...2.4)
        assertRange(y, 0...4.16)
    }

    func testBandCoversBothEdges() throws {
        let (x, y) = try limits([.band(BandMark(x: [0, 1], lower: [1, 2], upper: [3, 5]))])
        assertRange(x, 0...1)
        assertRange(y, 0.84...5.16)
    }

    func testGridsFitExactly() throws {
        var (x, y) = try limits([.heatmap(HeatmapMark(values: [[1, 2], [3, 4]], xRange: 0...4, yRange: -1...1))])
        assertRange(x, 0...4)
        assertRange(y, -1...1)
        (x, y) = try limits([.contour(ContourMark(x: [0, 1, 2], y: [0, 1], values: [[0, 1, 2], [1, 2, 3]], levels: [1.5]))])
        assertRange(x, 0...2)
        assertRange(y, 0...1)
    }

    func testTextAloneIsWidenedAroundItsPoint() throws {
        let (x, y) = try limits([.text(TextMark(x: 3, y: 4, text: "here"))])
        assertRange(x, 2.5...3.5)
        assertRange(y, 3.5...4.5)
    }

    func testRidgelineLeavesRoomForItsTopRow() throws {
        // No row labels, so that the y ticks are numbers to read the limits from.
        let (x, y) = try limits([.ridgeline(RidgelineMark(edges: [0, 1, 2], rows: [[1, 2], [2, 1], [1, 1]], rowLabels: []))])
        assertRange(x, 0...2)
        assertRange(y, -0.15...3.3)   // rows at 0, 1, 2; the top one overlap (1.2) high, plus 0.1
    }

    func testReferenceLinesWidenTheLimits() throws {
        var a = Axes(grid: false, legend: false, marks: [.bar(BarMark(x: [1, 2], height: [3, 4]))])
        a.referenceLines = [ReferenceLine(.horizontal, at: 10), ReferenceLine(.vertical, at: 5)]
        let items = try Figure(width: 400, height: 300, axes: [a]).layout()
        assertRange(try LayoutReader.limits(items, axis: "x"), 0.6...5)
        assertRange(try LayoutReader.limits(items, axis: "y"), 0...10.4)
    }
}

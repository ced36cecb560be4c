import NNPlot
import XCTest

/// Issue #17, finding 8: the weight-path contour left an unfilled white wedge where the loss
/// rose above its highest level.
final class ContourFillTests: XCTestCase {
    /// f = x + y on [0, 4]², levels 1...5: the corner above 5 and the one below 1 are outside the levels.
    func figure() -> Figure {
        let g = (0...40).map { Double($0) * 0.1 }
        let f = g.map { y in g.map { x in x + y } }
        let contour = ContourMark(x: g, y: g, values: f, levels: [1, 2, 3, 4, 5], filled: true, labelLevels: false)
        return Figure(width: 300, height: 300, axes: [Axes(grid: false, legend: false, marks: [.contour(contour)])])
    }

    func testNoBackgroundInsideThePlot() throws {
        let fig = figure()
        let plot = try LayoutReader.plot(try fig.layout())
        let img = try fig.rasterize(dpi: 72)
        let background = fig.theme.background.hex
        var unfilled: [(Int, Int)] = []
        for y in Int(plot.y.rounded(.up)) + 1..<Int(plot.maxY) - 1 {
            for x in Int(plot.x.rounded(.up)) + 1..<Int(plot.maxX) - 1 where img.pixel(x, y).hex == background {
                unfilled.append((x, y))
            }
        }
        XCTAssertTrue(unfilled.isEmpty, "\(unfilled.count) background pixels inside the plot, first at \(unfilled.first.map { "\($0)" } ?? "")")
    }

    /// The region above the top level has its own colour, not the colour of the band below it.
    func testBeyondTheTopLevelIsTheBandBeyond() throws {
        let fig = figure()
        let plot = try LayoutReader.plot(try fig.layout())
        let img = try fig.rasterize(dpi: 72)
        // The axes fit the grid [0, 4]², so a point (x, y) in data is f = x + y.
        func pixel(atX x: Double, y: Double) -> String {
            img.pixel(Int(plot.x + x / 4 * plot.width), Int(plot.maxY - y / 4 * plot.height)).hex
        }
        let above = pixel(atX: 3.8, y: 3.8), topBand = pixel(atX: 2.25, y: 2.25), below = pixel(atX: 0.2, y: 0.2)
        XCTAssertNotEqual(above, topBand, "f = 7.6 and f = 4.5 are in different bands")
        XCTAssertNotEqual(below, pixel(atX: 0.75, y: 0.75), "f = 0.4 and f = 1.5 are in different bands")
        XCTAssertEqual(pixel(atX: 3.9, y: 3.5), above, "everything above the top level has one colour")
    }
}

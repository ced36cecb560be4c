import Foundation
import NNPlot
import XCTest

final class ContourTests: XCTestCase {
    /// f = x² + y² has circles as level sets: level r² must lie at distance r from the origin.
    func testCirclesOfKnownRadius() {
        let g = (0...100).map { -2 + Double($0) * 0.04 }
        let f = g.map { y in g.map { x in x * x + y * y } }
        for r in [0.5, 1.0, 1.7] {
            let lines = Contour.lines(x: g, y: g, values: f, levels: [r * r])
            XCTAssertEqual(lines.count, 1, "one closed line for radius \(r)")
            let pts = lines.flatMap(\.points)
            XCTAssertGreaterThan(pts.count, 40)
            for p in pts { XCTAssertEqual((p.x * p.x + p.y * p.y).squareRoot(), r, accuracy: 0.002) }
            // The line goes all the way round: every quadrant is visited.
            XCTAssertEqual(Set(pts.map { ($0.x >= 0 ? 1 : 0) + ($0.y >= 0 ? 2 : 0) }).count, 4)
            XCTAssertEqual(pts.first!.x, pts.last!.x, accuracy: 1e-12, "closed")
        }
        XCTAssertTrue(Contour.lines(x: g, y: g, values: f, levels: [100]).isEmpty, "a level above the field has no line")
    }

    func testDecimationKeepsSpikes() {
        let n = 100_000
        let x = (0..<n).map(Double.init)
        var y = x.map { sin($0 / 100) }
        y[51_234] = 50
        let keep = Decimation.minMax(x: x, y: y, columns: 1000)
        XCTAssertLessThan(keep.count, 4200)
        XCTAssertTrue(keep.contains(51_234))
        XCTAssertEqual(keep.first, 0)
        XCTAssertEqual(keep.last, n - 1)
    }
}

final class RenderTests: XCTestCase {
    func simpleLine(color: Color) -> Figure {
        var a = Axes(xLimits: 0...1, yLimits: 0...1, grid: false, legend: false)
        a.marks = [.line(LineMark(x: [0, 1], y: [0.5, 0.5], color: color, width: 3))]
        return Figure(width: 300, height: 200, axes: [a])
    }

    func plotRect(_ items: [DrawnItem]) throws -> Rect {
        // The left and bottom spines are drawn first with role "spine": their union is the plot area.
        let spine = try XCTUnwrap(items.first { $0.role == "spine" })
        return Rect(x: spine.bounds.x + 0.5, y: spine.bounds.y + 0.5, width: spine.bounds.width - 1, height: spine.bounds.height - 1)
    }

    func testKnownLineLandsOnExpectedPixels() throws {
        let blue = Color(hex: "0072B2")
        let fig = simpleLine(color: blue)
        let plot = try plotRect(try fig.layout())
        let img = try fig.rasterize(dpi: 72)
        XCTAssertEqual(img.width, 300)
        let y = Int((plot.y + plot.height / 2).rounded(.down))
        for x in stride(from: Int(plot.x) + 5, to: Int(plot.maxX) - 5, by: 17) {
            let p = img.pixel(x, y)
            XCTAssertEqual(p.hex, blue.hex, "pixel (\(x), \(y))")
        }
        // A quarter of the plot height above the line is background.
        XCTAssertEqual(img.pixel(Int(plot.x + plot.width / 2), Int(plot.y + plot.height / 4)).hex, "#ffffff")
    }

    func testNothingOutsideTheFigureAndNoOverlappingTickLabels() throws {
        for (name, fig) in Gallery.figures() {
            let items = try fig.layout()
            let page = Rect(x: 0, y: 0, width: fig.width, height: fig.height)
            for item in items where item.role != "background" {
                let visible = item.clip.map { _ in item.bounds } ?? item.bounds
                if let clip = item.clip {
                    XCTAssertTrue(page.contains(clip), "\(name): clip \(clip) outside the page")
                } else {
                    XCTAssertTrue(page.contains(visible, tolerance: 1), "\(name): \(item.role) '\(item.text ?? item.kind)' at \(visible) outside \(page)")
                }
            }
            let texts = items.filter { $0.kind == "text" && $0.role != "contour-label" && $0.role != "annotation" }
            for (i, a) in texts.enumerated() {
                for b in texts[(i + 1)...] where a.bounds.intersects(b.bounds, tolerance: 1) {
                    XCTFail("\(name): '\(a.text!)' (\(a.role)) overlaps '\(b.text!)' (\(b.role))")
                }
            }
        }
    }

    func testLegendAvoidsData() throws {
        // A line along the top-right: the legend must not sit in the top-right corner.
        var a = Axes(xLimits: 0...10, yLimits: 0...10)
        let xs = Array(stride(from: 0.0, through: 10, by: 0.1))
        a.marks = [.line(LineMark(x: xs, y: xs.map { 9 + 0.1 * $0 }, label: "high line")),
                   .line(LineMark(x: [0, 10], y: [1, 1], label: "low line"))]
        let items = try Figure(width: 400, height: 300, axes: [a]).layout()
        let legend = try XCTUnwrap(items.first { $0.role == "legend" && $0.kind == "fill" }).bounds
        let plot = try plotRect(items)
        XCTAssertGreaterThan(legend.y, plot.y + 30, "legend moved below the top line")
        XCTAssertLessThan(legend.maxY, plot.maxY - 20, "and above the bottom line")
    }

    func testSameFigureSameBytes() throws {
        let (_, fig) = Gallery.figures().first { $0.name == "contour_path" }!
        for format in [OutputFormat.png(dpi: 96), .svg, .pdf] {
            let a = try fig.render(format)
            _ = try simpleLine(color: .red).render(format)   // moves Cairo's process-global counters
            let b = try fig.render(format)
            XCTAssertEqual(a, b, "\(format)")
        }
    }

    func testPNGCarriesDPIAndTitle() throws {
        var fig = simpleLine(color: .black)
        fig.title = "A title"
        let png = try fig.render(.png(dpi: 300))
        XCTAssertEqual(Array(png.prefix(8)), [137, 80, 78, 71, 13, 10, 26, 10])
        let bytes = [UInt8](png)
        let phys = try XCTUnwrap((0..<(bytes.count - 4)).first { bytes[$0..<$0 + 4] == [0x70, 0x48, 0x59, 0x73] })
        let ppm = bytes[(phys + 4)..<(phys + 8)].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(Double(ppm) * 0.0254, 300, accuracy: 0.1)
        XCTAssertNotNil(String(decoding: png, as: UTF8.self).range(of: "Title\u{0}A title"))
        let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(w, Int((300.0 * 300 / 72).rounded()))
    }

    func testLongSeriesStaysSmallInSVG() throws {
        let (_, fig) = Gallery.figures().first { $0.name == "decimation" }!
        let svg = try fig.render(.svg)
        XCTAssertLessThan(svg.count, 600_000, "100 000 points must be decimated")
    }

    func testInvalidFigureIsAnError() {
        var a = Axes()
        a.marks = [.line(LineMark(x: [1, 2, 3], y: [1, 2], label: "short"))]
        XCTAssertThrowsError(try Figure(axes: [a]).render(.svg)) { e in
            XCTAssertEqual("\(e)", "invalid figure: axes 1 (untitled): line 'short' has 3 x and 2 y values")
        }
        XCTAssertThrowsError(try Figure(axes: [Axes(yScale: .log, yLimits: -1...1)]).render(.svg))
        XCTAssertThrowsError(try simpleLine(color: .red).write(to: "/tmp/x.bmp"))
    }
}

final class ContourOpenLineTests: XCTestCase {
    /// f = x on a grid has the vertical line x = c as its level set c: one open line from the
    /// bottom row to the top row, every point at x = c; a saddle f = x·y at level 0 gives the axes.
    func testPlaneAndSaddleLevelSets() {
        let xs = (0...40).map { -1 + Double($0) * 0.05 }, ys = (0...30).map { -1.5 + Double($0) * 0.1 }
        let plane = ys.map { _ in xs }
        for c in [-0.73, 0.0, 0.41] {
            let lines = Contour.lines(x: xs, y: ys, values: plane, levels: [c])
            XCTAssertEqual(lines.count, 1, "level \(c)")
            let pts = lines[0].points
            XCTAssertEqual(pts.count, ys.count, "one crossing per grid row")
            for p in pts { XCTAssertEqual(p.x, c, accuracy: 1e-12) }
            XCTAssertEqual(Set(pts.map(\.y)).count, ys.count, "open: no point repeated")
            XCTAssertEqual(Set([pts.first!.y, pts.last!.y]), [ys.first!, ys.last!], "from edge to edge")
        }
        let odd = (0...20).map { -1 + Double($0) * 0.1 + 0.05 }   // no grid point on the axes
        let saddle = odd.map { y in odd.map { x in x * y } }
        let lines = Contour.lines(x: odd, y: odd, values: saddle, levels: [0])
        let pts = lines.flatMap(\.points)
        XCTAssertEqual(lines.count, 2, "two straight lines")
        for p in pts { XCTAssertEqual(min(abs(p.x), abs(p.y)), 0, accuracy: 1e-12) }
    }
}

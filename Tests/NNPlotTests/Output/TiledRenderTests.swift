import Foundation
import NNPlot
import XCTest

/// PNGs are drawn in tiles on two threads (cut at the gaps between panels) and compressed while
/// the last tiles are drawn. The oracle is the same figure drawn whole on one thread
/// (`NNVIZ_RENDER_THREADS=1`): the bytes and the unknown-glyph report must be the same.
final class TiledRenderTests: XCTestCase {
    private func oneThread<T>(_ body: () throws -> T) rethrows -> T {
        setenv("NNVIZ_RENDER_THREADS", "1", 1)
        defer { unsetenv("NNVIZ_RENDER_THREADS") }
        return try body()
    }

    /// A 2 x 2 grid of contours with paths (the shape of benchmark W4), a missing glyph in two panels.
    static func grid() -> Figure {
        let n = 60
        let xs = (0..<n).map { -10 + 20 * Double($0) / Double(n - 1) }, ys = (0..<n).map { -5 + 10 * Double($0) / Double(n - 1) }
        let values = ys.map { y in xs.map { x in x * x / 20 + y * y } }
        let axes = (0..<4).map { k -> Axes in
            var a = Axes(title: k % 3 == 0 ? "panel \(k) \u{0378}" : "panel \(k)", xLabel: "x", yLabel: "y", xLimits: -10...10, yLimits: -10...10)
            a.marks = [.contour(ContourMark(x: xs, y: ys, values: values, levels: [0.5, 1, 2, 4], labelLevels: k == 1)),
                       .path(PathMark(x: [-7, -3, -1, 0], y: [2, -1, 0.5, 0], color: .red)),
                       .histogram(HistogramMark(edges: [-8, -4, 0, 4], counts: [1, 3, 2], color: Color(hex: "1F77B4").opacity(0.5)))]
            return a
        }
        return Figure(title: "Tiles", width: 720, height: 576, rows: 2, columns: 2, axes: axes)
    }

    func testTiledPNGsAreTheBytesOfOneThread() throws {
        var tiled = 0
        let figures = Gallery.figures() + [("grid", Self.grid()), ("mixed_scripts", PangoTextTests.mixedScripts())]
        for (name, figure) in figures {
            for dpi in [100.0, 192] {
                let two = try figure.renderChecked(.png(dpi: dpi))
                let one = try oneThread { try figure.renderChecked(.png(dpi: dpi)) }
                XCTAssertEqual(one.tiles, 1, name)
                XCTAssertTrue(two.data == one.data, "\(name) at \(dpi) dpi: \(two.tiles) tiles differ from one drawing")
                XCTAssertEqual(two.unknownGlyphs, one.unknownGlyphs, name)
                XCTAssertEqual(two.textsWithUnknownGlyphs, one.textsWithUnknownGlyphs, name)
                if two.tiles > 1 { tiled += 1 }
            }
        }
        XCTAssertGreaterThan(tiled, figures.count / 2, "most figures are large enough to be tiled")
    }

    func testAGridOfPanelsIsCutBetweenThePanels() throws {
        let rendered = try Self.grid().renderChecked(.png(dpi: 100))
        // The title's band, then two bands of two panels each.
        XCTAssertEqual(rendered.tiles, 5)
        XCTAssertEqual(rendered.unknownGlyphs, 2)
        XCTAssertEqual(rendered.textsWithUnknownGlyphs, ["panel 0 \u{0378}", "panel 3 \u{0378}"])
    }

    func testSmallFiguresAreDrawnWhole() throws {
        var a = Axes(xLabel: "x", yLabel: "y")
        a.marks = [.line(LineMark(x: [0, 1], y: [0, 1]))]
        XCTAssertEqual(try Figure(width: 300, height: 200, axes: [a]).renderChecked(.png(dpi: 72)).tiles, 1)
    }
}

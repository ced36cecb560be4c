import NNPlot
import XCTest

/// Each labelled series mark has a legend row in its colour; colour maps and text take no
/// palette colour and have no row.
final class MarkLegendTests: XCTestCase {
    let palette = Theme.screen.palette

    func testLabelledLineHasItsLabelAndColour() throws {
        let red = Color(hex: "AA0000")
        let items = try panel([.line(LineMark(x: [0, 1], y: [0, 1], label: "loss", color: red, dash: .dashed))]).layout()
        XCTAssertEqual(LayoutReader.legendLabels(items), ["loss"])
        let swatches = LayoutReader.legendSwatches(items)
        XCTAssertEqual(swatches.map(\.kind), ["stroke"])
        XCTAssertEqual(swatches.first?.color, red)
    }

    func testEachSeriesMarkShowsItsSwatch() throws {
        let cases: [(Mark, [String], Color)] = [
            (.line(LineMark(x: [0, 1], y: [0, 1], label: "m", marker: .square)), ["stroke", "fill"], palette[0]),
            (.scatter(ScatterMark(x: [0, 1], y: [0, 1], label: "m")), ["fill"], palette[0]),
            (.path(PathMark(x: [0, 1], y: [0, 1], label: "m")), ["stroke", "fill"], palette[0]),
            (.bar(BarMark(x: [0, 1], height: [1, 2], label: "m")), ["fill"], palette[0]),
            (.histogram(HistogramMark(edges: [0, 1, 2], counts: [1, 2], label: "m")), ["fill"], palette[0].opacity(0.75)),
            (.histogram(HistogramMark(edges: [0, 1, 2], counts: [1, 2], filled: false, label: "m")), ["stroke"], palette[0]),
            (.band(BandMark(x: [0, 1], lower: [0, 0], upper: [1, 1], label: "m", opacity: 0.3)), ["fill"], palette[0].opacity(0.3)),
        ]
        for (mark, kinds, color) in cases {
            let items = try panel([mark]).layout()
            XCTAssertEqual(LayoutReader.legendLabels(items), ["m"], "\(mark)")
            let swatches = LayoutReader.legendSwatches(items)
            XCTAssertEqual(swatches.map(\.kind), kinds, "\(mark)")
            XCTAssertEqual(swatches.first?.color, color, "\(mark)")
        }
    }

    func testUnlabelledAndSelfColouredMarksHaveNoLegend() throws {
        let items = try panel([
            .line(LineMark(x: [0, 1], y: [0, 1])),
            .heatmap(HeatmapMark(values: [[1, 2]], xRange: 0...1, yRange: 0...1, colorBarLabel: "v")),
            .text(TextMark(x: 0.5, y: 0.5, text: "t")),
            .ridgeline(RidgelineMark(edges: [0, 1], rows: [[1]], rowLabels: ["a"])),
        ]).layout()
        XCTAssertTrue(items.filter { $0.role == "legend" }.isEmpty)
        XCTAssertFalse(items.filter { $0.role == "colorbar" }.isEmpty, "the heatmap asked for a colour bar")
    }

    func testOnlySeriesTakePaletteColours() throws {
        // Text and heatmaps take no colour slot; a series with its own colour takes none either.
        let own = Color(hex: "123456")
        let items = try panel([
            .text(TextMark(x: 0, y: 0, text: "t")),
            .heatmap(HeatmapMark(values: [[1]], xRange: 0...1, yRange: 0...1)),
            .line(LineMark(x: [0, 1], y: [0, 1], label: "a")),
            .line(LineMark(x: [0, 1], y: [1, 0], label: "b", color: own)),
            .scatter(ScatterMark(x: [0, 1], y: [0.5, 0.5], label: "c")),
        ]).layout()
        XCTAssertEqual(LayoutReader.legendLabels(items), ["a", "b", "c"])
        XCTAssertEqual(LayoutReader.legendSwatches(items).map(\.color), [palette[0], own, palette[1]])
        let plot = try LayoutReader.plot(items)
        let lines = items.filter { $0.clip == plot && $0.role == "mark" && $0.kind == "stroke" }
        XCTAssertEqual(lines.map(\.color), [palette[0], own], "the lines are drawn in their legend colours")
    }
}

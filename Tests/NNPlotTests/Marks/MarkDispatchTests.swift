import NNPlot
import XCTest

/// Every `Mark` case reaches its painter: drawn alone, each mark leaves its own kind of item
/// inside the plot.
final class MarkDispatchTests: XCTestCase {
    /// One mark of every kind.
    static let oneOfEach: [Mark] = [
        .line(LineMark(x: [0, 1, 2], y: [1, 3, 2])),
        .scatter(ScatterMark(x: [0, 1, 2], y: [1, 3, 2])),
        .bar(BarMark(x: [0, 1, 2], height: [1, 3, 2])),
        .histogram(HistogramMark(edges: [0, 1, 2, 3], counts: [1, 3, 2])),
        .band(BandMark(x: [0, 1, 2], lower: [0, 1, 0], upper: [2, 3, 2])),
        .heatmap(HeatmapMark(values: [[1, 2], [3, 4]], xRange: 0...2, yRange: 0...2)),
        .contour(ContourMark(x: [0, 1, 2], y: [0, 1, 2], values: [[0, 1, 2], [1, 2, 3], [2, 3, 4]], levels: [1.5, 2.5], filled: true)),
        .path(PathMark(x: [0, 1, 2], y: [1, 3, 2])),
        .text(TextMark(x: 1, y: 1, text: "note")),
        .ridgeline(RidgelineMark(edges: [0, 1, 2], rows: [[1, 2], [2, 1]], rowLabels: ["a", "b"])),
        .graph(GraphMark(nodes: [.init("a", x: 0, y: 1, label: "a"), .init("b", x: 2, y: 3, label: "b")], edges: [.init("a", "b")])),
    ]

    /// What each kind of mark draws inside the plot: (item kind, role). The switch has no
    /// default, so a new `Mark` case does not compile until it is listed here.
    func expected(_ m: Mark) -> (kind: String, role: String) {
        switch m {
        case .line, .path, .graph: ("stroke", "mark")
        case .scatter: ("fill", "marker")
        case .bar, .histogram, .band, .ridgeline: ("fill", "mark")
        case .heatmap, .contour: ("image", "mark")
        case .text: ("text", "annotation")
        }
    }

    func testEveryMarkIsDrawn() throws {
        XCTAssertEqual(Set(Self.oneOfEach.map { "\($0)".prefix { $0 != "(" } }).count, 11, "one mark of each of the eleven kinds")
        for mark in Self.oneOfEach {
            let items = try panel([mark]).layout()
            let plot = try LayoutReader.plot(items)
            let want = expected(mark)
            let drawn = items.filter { $0.clip == plot && $0.kind == want.kind && $0.role == want.role }
            XCTAssertFalse(drawn.isEmpty, "\(mark) drew no \(want.kind) with role \(want.role)")
        }
    }

    func testMarksShareOnePanel() throws {
        // All eleven in one axes: every kind still shows up, in layer order (images first, text last).
        let items = try panel(Self.oneOfEach, legend: false).layout()
        let plot = try LayoutReader.plot(items)
        let inside = items.filter { $0.clip == plot }
        XCTAssertEqual(inside.first?.kind, "image", "heatmaps and contour fills go under everything")
        let lastShape = try XCTUnwrap(inside.lastIndex { $0.role == "mark" || $0.role == "marker" })
        let text = try XCTUnwrap(inside.firstIndex { $0.role == "annotation" })
        XCTAssertGreaterThan(text, lastShape, "text goes above every shape")
        for mark in Self.oneOfEach {
            let want = expected(mark)
            XCTAssertTrue(inside.contains { $0.kind == want.kind && $0.role == want.role }, "\(mark)")
        }
    }

    func testEachMarkValidatesItself() {
        let bad: [(Mark, String)] = [
            (.line(LineMark(x: [1, 2], y: [1], label: "l")), "line 'l' has 2 x and 1 y values"),
            (.scatter(ScatterMark(x: [1], y: [])), "scatter has 1 x and 0 y values"),
            (.bar(BarMark(x: [1, 2], height: [1])), "bar has 2 positions and 1 heights"),
            (.histogram(HistogramMark(edges: [0, 1], counts: [1, 2])), "histogram needs 3 edges, has 2"),
            (.band(BandMark(x: [1, 2], lower: [1], upper: [1, 2])), "band series lengths differ"),
            (.heatmap(HeatmapMark(values: [[1, 2], [3]], xRange: 0...1, yRange: 0...1)), "heatmap rows differ in length"),
            (.contour(ContourMark(x: [0, 1], y: [0, 1], values: [[0, 1]], levels: [0.5])), "contour grid is not 2 x 2"),
            (.path(PathMark(x: [], y: [1])), "path has 0 x and 1 y values"),
            (.ridgeline(RidgelineMark(edges: [0, 1, 2], rows: [[1]], rowLabels: ["a"])), "ridgeline rows need 2 counts"),
        ]
        for (mark, message) in bad {
            XCTAssertThrowsError(try panel([mark]).layout()) { e in
                XCTAssertEqual("\(e)", "invalid figure: axes 1 (untitled): \(message)")
            }
        }
    }

    func testEmptyPerItemColoursFallBackToTheSeriesColour() throws {
        let red = Color(hex: "AA0000")
        let items = try panel([.scatter(ScatterMark(x: [1, 2], y: [1, 2], color: red, colors: [])),
                               .bar(BarMark(x: [1, 2], height: [1, 2], color: red, colors: []))]).layout()
        let plot = try LayoutReader.plot(items)
        XCTAssertEqual(items.filter { $0.clip == plot && $0.role == "marker" }.map(\.color), [red, red])
        XCTAssertEqual(items.filter { $0.clip == plot && $0.role == "mark" }.map(\.color), [red, red])
    }
}

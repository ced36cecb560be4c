import NNPlot
import XCTest

/// Issue #17, finding 10: the ridgeline's rows hid one another and its steps were hard to read.
final class RidgelineTests: XCTestCase {
    func ridgeline(rows n: Int, height: Double = 300, categories: Bool = false) -> Figure {
        let edges = (0...20).map { Double($0) / 20 }
        let rows = (0..<n).map { k in (0..<20).map { i in exp(-pow((Double(i) - 10) / (2 + 0.2 * Double(k)), 2)) } }
        var a = Axes(yLabel: "step", grid: false, marks: [.ridgeline(RidgelineMark(edges: edges, rows: rows,
                                                                                   rowLabels: (0..<n).map { "\($0 * 10)" }))])
        if categories { a.yCategories = (0..<n).reversed().map { "step \($0 * 10)" } }
        return Figure(width: 400, height: height, axes: [a])
    }

    /// Every row is labelled with its step at its baseline, top row first, from the mark's own labels.
    func testEveryRowIsLabelledAtItsBaseline() throws {
        let items = try ridgeline(rows: 8).layout()
        let labels = items.filter { $0.role == "tick-label-y" }
        XCTAssertEqual(labels.compactMap(\.text), ["70", "60", "50", "40", "30", "20", "10", "0"])
        // Top to bottom on the page: the first row (step 0) is at the top.
        let ys = labels.map { $0.bounds.y }
        XCTAssertEqual(ys.sorted(by: >), ys)
        // The axes' own categories win over the row labels.
        XCTAssertEqual(try ridgeline(rows: 3, categories: true).layout().filter { $0.role == "tick-label-y" }.compactMap(\.text),
                       ["step 20", "step 10", "step 0"])
    }

    /// Crowded rows: every k-th is labelled, evenly, without overlap.
    func testCrowdedRowsLabelEveryKth() throws {
        let items = try ridgeline(rows: 60, height: 260).layout()
        let labels = items.filter { $0.role == "tick-label-y" }
        let steps = try labels.map { try XCTUnwrap(Int($0.text ?? "")) }
        XCTAssertGreaterThanOrEqual(steps.count, 6, "\(steps)")
        let gaps = Set(zip(steps, steps.dropFirst()).map { $0.1 - $0.0 })
        XCTAssertEqual(gaps.count, 1, "evenly spaced: \(steps)")
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] { XCTAssertFalse(a.bounds.intersects(b.bounds, tolerance: 0), "\(a.text!) overlaps \(b.text!)") }
        }
    }

    /// Rows are translucent and outlined in white under a dark line, drawn back to front; by
    /// default a row reaches little into the row behind it.
    func testRowsAreTranslucentAndOutlined() throws {
        XCTAssertLessThanOrEqual(RidgelineMark(edges: [0, 1], rows: [[1]], rowLabels: ["0"]).overlap, 1.25)
        let items = try ridgeline(rows: 5).layout().filter { $0.role == "mark" }
        XCTAssertEqual(items.count, 15, "a fill, a white outline and a dark line per row")
        for row in 0..<5 {
            let (fill, halo, line) = (items[3 * row], items[3 * row + 1], items[3 * row + 2])
            XCTAssertEqual(fill.kind, "fill")
            XCTAssertLessThan(fill.color.alpha, 0.8, "row \(row) fill is translucent")
            XCTAssertEqual(halo.kind, "stroke"); XCTAssertEqual(halo.color.hex, "#ffffff")
            XCTAssertEqual(line.kind, "stroke"); XCTAssertEqual(line.color.hex, "#222222")
            XCTAssertGreaterThan(halo.bounds.height, line.bounds.height, "the halo is wider than the line")
        }
        // Back to front: the first row (top of the page) is drawn first.
        XCTAssertLessThan(items[0].bounds.y, items[12].bounds.y)
    }
}

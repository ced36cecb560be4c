import NNPlot
import XCTest

/// Issue #17, finding 10: "layers back from the output" 1...10 got ticks at 2.5, 5.0, 7.5, 10.0.
final class IntegerTicksTests: XCTestCase {
    func tickValues(_ fig: Figure, _ axis: Character) throws -> [Double] {
        try fig.layout().filter { $0.role == "tick-label-\(axis)" }.map { item in
            let text = try XCTUnwrap(item.text).replacingOccurrences(of: "−", with: "-")
            return try XCTUnwrap(Double(text), "tick label '\(text)'")
        }
    }

    func testWholeDataGetWholeTicks() throws {
        for n in [2, 3, 4, 5, 7, 10, 12] {
            for width in [250.0, 400.0, 700.0] {
                let k = (1...n).map(Double.init)
                var a = Axes(yScale: .log)
                a.marks = [.line(LineMark(x: k, y: k.map { pow(0.25, $0) }, marker: .circle))]
                let xs = try tickValues(Figure(width: width, height: 260, axes: [a]), "x")
                XCTAssertGreaterThanOrEqual(xs.count, 2, "1...\(n) at width \(width)")
                XCTAssertTrue(xs.allSatisfy { $0 == $0.rounded() }, "1...\(n) at width \(width): \(xs)")
            }
        }
    }

    func testSmallCountsGetWholeTicksOnY() throws {
        let hist = HistogramMark(edges: [0, 0.25, 0.5, 0.75, 1], counts: [1, 3, 2, 0])
        let ys = try tickValues(Figure(width: 300, height: 260, axes: [Axes(marks: [.histogram(hist)])]), "y")
        XCTAssertEqual(ys, [0, 1, 2, 3])
        // The bin edges are fractional: the x ticks may be too.
        let xs = try tickValues(Figure(width: 300, height: 260, axes: [Axes(marks: [.histogram(hist)])]), "x")
        XCTAssertTrue(xs.contains { $0 != $0.rounded() }, "\(xs)")
    }

    func testBarsAtWholePositionsAndSharedAxes() throws {
        let bars = BarMark(x: [0, 1, 2], height: [0.2, 0.5, 0.4])
        XCTAssertTrue(try tickValues(Figure(width: 300, height: 200, axes: [Axes(marks: [.bar(bars)])]), "x").allSatisfy { $0 == $0.rounded() })
        // Shared x: whole ticks only when every panel's x data are whole.
        let whole = Axes(marks: [.line(LineMark(x: [1, 2], y: [1, 2]))])
        let half = Axes(marks: [.line(LineMark(x: [1, 1.25], y: [1, 2]))])
        var fig = Figure(width: 300, height: 400, rows: 2, axes: [whole, whole], sharedX: true)
        XCTAssertTrue(try tickValues(fig, "x").allSatisfy { $0 == $0.rounded() })
        fig.axes[1] = half
        XCTAssertTrue(try tickValues(fig, "x").contains { $0 != $0.rounded() })
    }

    func testNiceIntegerSteps() {
        XCTAssertEqual(Ticks.nice(0.64, 10.36, target: 4, integers: true).values, [2, 4, 6, 8, 10])
        XCTAssertEqual(Ticks.nice(0.64, 10.36, target: 4).values, [2.5, 5, 7.5, 10])
        XCTAssertEqual(Ticks.nice(-0.1, 1.1, target: 6, integers: true).values, [0, 1])
        // One whole number inside: a scale needs two ticks, so the usual ones.
        XCTAssertEqual(Ticks.nice(2.6, 3.4, target: 5, integers: true), Ticks.nice(2.6, 3.4, target: 5))
        XCTAssertEqual(Ticks.nice(0, 100, target: 5, integers: true).values, [0, 25, 50, 75, 100])
    }
}

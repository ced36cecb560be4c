import NNPlot
import XCTest

/// Issue #17, finding 8: data 0.28–6.6 on a log axis had ticks only at 2, 4 and 6.
final class LogTicksTests: XCTestCase {
    /// A tick label's value: `0.2`, `10⁻⁶`, `2×10⁻⁷`, `5×10³`, `1`.
    static func value(_ label: String) -> Double? {
        let digits: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                                              "⁸": "8", "⁹": "9", "⁻": "-"]
        let plain = label.replacingOccurrences(of: "−", with: "-")
        guard let ten = plain.range(of: "10", options: .backwards), ten.upperBound < plain.endIndex,
              digits[plain[ten.upperBound]] != nil else { return Double(plain) }
        let mantissa = plain[..<ten.lowerBound].replacingOccurrences(of: "×", with: "")
        guard let e = Double(String(plain[ten.upperBound...].compactMap { digits[$0] })) else { return nil }
        return (mantissa.isEmpty ? 1 : Double(mantissa) ?? .nan) * pow(10, e)
    }

    func testLabelValuesParse() {
        XCTAssertEqual(Self.value("10⁻⁶"), 1e-6)
        XCTAssertEqual(Self.value("2×10⁻⁷")!, 2e-7, accuracy: 1e-20)
        XCTAssertEqual(Self.value("5×10³"), 5000)
        XCTAssertEqual(Self.value("10"), 10)
        XCTAssertEqual(Self.value("0.2"), 0.2)
    }

    /// Both ends of the data have a labelled tick at or beyond them, within a factor 2.5, on a
    /// fitted log axis of a typical panel, on y and on x; the labels do not overlap; minor ticks are drawn.
    func testLabelledTicksBracketTheData() throws {
        for (lo, hi) in [(0.28, 6.6), (1e-6, 1.0), (0.5, 0.9), (3.0, 3000.0), (0.03, 700.0), (2.2e-5, 0.8), (0.011, 0.9)] {
            for (axis, size) in [("y", (400.0, 300.0)), ("x", (500.0, 260.0)), ("y", (300.0, 200.0))] {
                let xs = (0...40).map { lo * pow(hi / lo, Double($0) / 40) }
                var a = Axes(grid: false, legend: false)
                if axis == "y" { a.yScale = .log } else { a.xScale = .log }
                a.marks = [.line(LineMark(x: axis == "y" ? xs.indices.map(Double.init) : xs, y: axis == "y" ? xs : xs.indices.map(Double.init)))]
                let items = try Figure(width: size.0, height: size.1, axes: [a]).layout()
                let labels = items.filter { $0.role == "tick-label-\(axis)" }
                let values = try labels.map { try XCTUnwrap(Self.value($0.text ?? ""), "label '\($0.text ?? "")'") }
                let what = "\(lo)–\(hi) on \(axis) in \(size): \(labels.compactMap(\.text))"
                let below = try XCTUnwrap(values.filter { $0 <= lo * (1 + 1e-9) }.max(), "no labelled tick at or below the min, \(what)")
                let above = try XCTUnwrap(values.filter { $0 >= hi * (1 - 1e-9) }.min(), "no labelled tick at or above the max, \(what)")
                XCTAssertLessThanOrEqual(lo / below, 2.5 + 1e-9, what)
                XCTAssertLessThanOrEqual(above / hi, 2.5 + 1e-9, what)
                XCTAssertGreaterThanOrEqual(values.count, 3, what)
                for (i, p) in labels.enumerated() {
                    for q in labels[(i + 1)...] { XCTAssertFalse(p.bounds.intersects(q.bounds, tolerance: 1), "overlap, \(what)") }
                }
                if hi / lo > 5 { XCTAssertTrue(items.contains { $0.role == "minor-tick" }, "minor ticks, \(what)") }
            }
        }
    }

    func testTickSequencesByRange() {
        XCTAssertEqual(Ticks.log(0.2, 10, target: 6).labels, ["0.2", "0.5", "1", "2", "5", "10"])
        XCTAssertEqual(Ticks.log(0.2, 10, target: 6).minor.count, 12, "0.3, 0.4, 0.6 ... 9 unlabelled")
        XCTAssertEqual(Ticks.log(2, 15, target: 6).labels, ["2", "3", "5", "10"])
        XCTAssertEqual(Ticks.log(0.49, 0.92, target: 6).labels, ["0.5", "0.6", "0.7", "0.8", "0.9"])
        // Beyond two decades: powers of ten, and an end tick where the nearest decade is far inside.
        XCTAssertEqual(Ticks.log(3, 3000, target: 6).labels, ["3", "10", "10²", "10³", "3×10³"])
        XCTAssertEqual(Ticks.log(2e-5, 1.2, target: 6).labels, ["2×10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1"])
        // An end tick too close to its decade for the room would crowd the labels: left out.
        XCTAssertEqual(Ticks.log(5e-7, 1, target: 6).labels, ["10⁻⁶", "10⁻⁴", "10⁻²", "1"])
    }
}

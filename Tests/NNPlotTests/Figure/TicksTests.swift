import NNPlot
import XCTest

final class TicksTests: XCTestCase {
    func testNiceLinearTicks() {
        XCTAssertEqual(Ticks.nice(0, 1, target: 6).values, [0, 0.2, 0.4, 0.6, 0.8, 1.0].map { $0 })
        XCTAssertEqual(Ticks.nice(0, 1, target: 6).labels, ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(Ticks.nice(-1.08, 2.08, target: 4).values, [-1, 0, 1, 2])
        XCTAssertEqual(Ticks.nice(-10.8, 10.7, target: 5).values, [-10, -5, 0, 5, 10])
        XCTAssertEqual(Ticks.nice(0, 2000, target: 5).labels, ["0", "500", "1000", "1500", "2000"])
        XCTAssertEqual(Ticks.nice(2.1, 2.35, target: 5).labels, ["2.10", "2.15", "2.20", "2.25", "2.30", "2.35"])
        XCTAssertEqual(Ticks.nice(-1, 0, target: 3).labels, ["−1.0", "−0.5", "0"])
    }

    func testTicksStayInsideAndAreEvenlySpaced() {
        for (lo, hi) in [(0.0, 1.0), (-3.3, 17.2), (1e-4, 3e-4), (123.0, 98765.0), (-0.02, 0.31)] {
            for target in 3...9 {
                let t = Ticks.nice(lo, hi, target: target)
                XCTAssertGreaterThanOrEqual(t.values.count, 2, "\(lo)...\(hi)")
                XCTAssertTrue(t.values.allSatisfy { $0 >= lo - 1e-12 && $0 <= hi + 1e-12 }, "\(t.values) outside \(lo)...\(hi)")
                let steps = zip(t.values.dropFirst(), t.values).map { $0 - $1 }
                XCTAssertTrue(steps.allSatisfy { abs($0 - steps[0]) < 1e-9 * abs(steps[0]) + 1e-15 }, "\(t.values)")
                XCTAssertEqual(Set(t.labels).count, t.labels.count, "duplicate labels \(t.labels)")
            }
        }
    }

    func testLogTicks() {
        let t = Ticks.log(1e-6, 3, target: 8)
        // 3 is far enough above 1 to be labelled as the end tick (see LogTicksTests).
        XCTAssertEqual(t.values, [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 3])
        XCTAssertEqual(t.labels, ["10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1", "3"])
        XCTAssertEqual(Ticks.log(1e-12, 1, target: 5).values.count, 5)   // every 3rd decade
    }

    func testSymlogTicks() {
        XCTAssertEqual(Ticks.symlog(-1000, 1000, threshold: 1).values, [-1000, -100, -10, -1, 0, 1, 10, 100, 1000])
    }

    func testNumberFormatting() {
        XCTAssertEqual(formatNumber(2.302585), "2.303")
        XCTAssertEqual(formatNumber(-0.000012345), "−1.234×10⁻⁵")
        XCTAssertEqual(formatNumber(0.25), "0.2500")
    }
}

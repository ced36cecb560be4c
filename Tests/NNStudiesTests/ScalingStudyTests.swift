import Foundation
import NNEngine
import NNEvents
import NNReport
import NNStudies
import XCTest

/// The scaling study against the closed form: both gradient-descent paths end at the
/// least-squares weights computed here from the normal equations (XᵀX) w = Xᵀy, and the
/// standardised run gets there in fewer steps.
final class ScalingStudyTests: XCTestCase {
    /// The fixture's seed (`Tests/Fixtures/events/studies.yaml`).
    static let seed: UInt64 = 7

    /// (XᵀX)⁻¹ Xᵀy for two columns, by Cramer's rule.
    static func normalEquations(_ x: Matrix<Double>, _ y: [Double]) -> (Double, Double) {
        var a = 0.0, b = 0.0, d = 0.0, u = 0.0, v = 0.0
        for i in 0..<x.rows {
            a += x[i, 0] * x[i, 0]; b += x[i, 0] * x[i, 1]; d += x[i, 1] * x[i, 1]
            u += x[i, 0] * y[i]; v += x[i, 1] * y[i]
        }
        let det = a * d - b * b
        return ((d * u - b * v) / det, (a * v - b * u) / det)
    }

    func testBothPathsEndAtTheLeastSquaresSolution() throws {
        let (x, y) = try ScalingRuns.data(seed: Self.seed)
        let ws = Self.normalEquations(x, y)
        let std = (0..<2).map { j in ((0..<x.rows).reduce(0.0) { $0 + x[$1, j] * x[$1, j] } / Double(x.rows)).squareRoot() }
        XCTAssertEqual(std[1] / std[0], 10, accuracy: 2, "the features' scales differ about tenfold")
        let store = try StudySectionTests.fixtureStore()
        let raw = try XCTUnwrap(store["scaling/raw"]), standardised = try XCTUnwrap(store["scaling/standardised"])
        // Raw weights are in the raw features' units; standardised ones are raw × the features' standard deviations.
        for (run, scale) in [(raw, [1.0, 1.0]), (standardised, std)] {
            let last = try XCTUnwrap(run.trajectory.last)
            XCTAssertEqual(last.x / scale[0], ws.0, accuracy: 1e-3 * abs(ws.0), run.name)
            XCTAssertEqual(last.y / scale[1], ws.1, accuracy: 1e-3 * abs(ws.1), run.name)
            XCTAssertEqual((run.values("least_squares/w1").first ?? .nan) / scale[0], ws.0, accuracy: 1e-9 * abs(ws.0))
            XCTAssertEqual((run.values("least_squares/w2").first ?? .nan) / scale[1], ws.1, accuracy: 1e-9 * abs(ws.1))
            XCTAssertEqual(run.trajectory.first?.x, 0)
            XCTAssertEqual(run.trajectory.first?.y, 0)
        }
    }

    func testStandardisedFeaturesConvergeInFewerSteps() throws {
        let section = try LessonSections.section("scaling")
        func steps(_ run: String) throws -> Double {
            try XCTUnwrap(try LessonSections.fact(section, "scaling/\(run): steps until every weight is within 1 % of least squares").value)
        }
        let raw = try steps("raw"), standardised = try steps("standardised")
        XCTAssertLessThan(standardised * 10, raw, "standardised \(standardised) steps, raw \(raw)")
        XCTAssertTrue(section.findings.first?.contains("took \(Int(raw)) steps") ?? false, section.findings.joined())
        // The curvature ratio is what sets the pace: large for raw features, near 1 for standardised ones.
        let ratio = { (run: String) in try XCTUnwrap(try LessonSections.fact(section, "scaling/\(run): curvature ratio λ_max/λ_min of the loss").value) }
        XCTAssertGreaterThan(try ratio("raw"), 50)
        XCTAssertLessThan(try ratio("standardised"), 3)
    }
}

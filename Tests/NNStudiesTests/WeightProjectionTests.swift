import NNStudies
import XCTest

final class WeightProjectionTests: XCTestCase {
    /// Snapshots in a plane through the last one: the two directions span the plane, all the
    /// variance is explained, and distances to the last snapshot are preserved.
    func testPathInAPlaneIsProjectedExactly() throws {
        let p = 50
        var u = (0..<p).map { sin(Double($0) + 1) }, v = (0..<p).map { cos(3 * Double($0)) }
        func normalise(_ x: inout [Double]) { let n = x.reduce(0) { $0 + $1 * $1 }.squareRoot(); x = x.map { $0 / n } }
        normalise(&u)
        let uv = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        v = zip(v, u).map { $0 - uv * $1 }
        normalise(&v)
        let end = (0..<p).map { Double($0) * 0.01 }
        let snaps = (0...20).map { k -> [Double] in
            let t = Double(20 - k) / 20
            return (0..<p).map { end[$0] + 3 * t * u[$0] + 0.8 * t * t * v[$0] }
        }
        let r = try XCTUnwrap(WeightProjection.principalDirections(snaps))
        XCTAssertEqual(r.explained.0 + r.explained.1, 1, accuracy: 1e-9)
        XCTAssertGreaterThan(r.explained.0, r.explained.1)
        for (s, c) in zip(snaps, r.coordinates) {
            let d = zip(s, end).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            XCTAssertEqual((c.0 * c.0 + c.1 * c.1).squareRoot(), d, accuracy: 1e-9)
        }
        XCTAssertEqual(r.coordinates.last!.0, 0, accuracy: 1e-12)
        XCTAssertEqual(r.d1.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-9)
        XCTAssertEqual(zip(r.d1, r.d2).reduce(0) { $0 + $1.0 * $1.1 }, 0, accuracy: 1e-9)
    }

    /// The shares on the axes are variances about the path's mean point (as PCA computes them),
    /// recomputed here from the coordinates and the snapshots themselves.
    func testSharesAreVariancesAboutTheMean() throws {
        let p = 30
        let snaps = (0...24).map { k -> [Double] in
            let t = Double(k) / 24
            return (0..<p).map { i -> Double in
                let x = Double(i)
                let a: Double = sin(x * 0.7) * 4 * t
                let b: Double = cos(x * 1.3) * t * t
                return a + b + 0.3 * sin(9 * t + x)
            }
        }
        let r = try XCTUnwrap(WeightProjection.principalDirections(snaps))
        let n = Double(snaps.count)
        let mean = (0..<p).map { i in snaps.reduce(0) { $0 + $1[i] } / n }
        var total = 0.0
        for s in snaps { for (a, b) in zip(s, mean) { total += (a - b) * (a - b) } }
        total /= n
        func variance(_ v: [Double]) -> Double {
            let m = v.reduce(0, +) / n
            var sum = 0.0
            for x in v { sum += (x - m) * (x - m) }
            return sum / n
        }
        XCTAssertEqual(r.explained.0, variance(r.coordinates.map { $0.0 }) / total, accuracy: 1e-9)
        XCTAssertEqual(r.explained.1, variance(r.coordinates.map { $0.1 }) / total, accuracy: 1e-9)
        XCTAssertLessThan(r.explained.0 + r.explained.1, 1, "the path is not in a plane")
    }
}

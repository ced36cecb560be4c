import Foundation
import NNEvents
import NNReport
import NNStudies
import XCTest

/// The boundaries study against geometry: a net without hidden layers (or with linear ones) has a
/// straight decision boundary, measured here on its recorded decision surface, and ReLU nets with
/// hidden layers beat it on circle and xor, where a line is near chance.
final class BoundariesStudyTests: XCTestCase {
    /// The points where P(class 1) crosses 50 % along the grid's rows and columns, in grid cells. The net's score
    /// (the logit) of a net without hidden layers is linear in x, so the crossing is interpolated on logits.
    static func boundary(_ s: Surface) -> [(Double, Double)] {
        let z = s.values.map { row in row.map { p in log(min(max(p, 0.01), 99.99) / (100 - min(max(p, 0.01), 99.99))) } }
        var points: [(Double, Double)] = []
        for j in z.indices {
            for i in 0..<(z[j].count - 1) where z[j][i] * z[j][i + 1] < 0 {
                points.append((Double(i) + z[j][i] / (z[j][i] - z[j][i + 1]), Double(j)))
            }
        }
        for i in z[0].indices {
            for j in 0..<(z.count - 1) where z[j][i] * z[j + 1][i] < 0 {
                points.append((Double(i), Double(j) + z[j][i] / (z[j][i] - z[j + 1][i])))
            }
        }
        return points
    }

    /// The largest distance (in cells) of the points from their best-fitting line (total least squares).
    static func distanceFromALine(_ p: [(Double, Double)]) -> Double {
        let n = Double(p.count)
        let mx = p.reduce(0) { $0 + $1.0 } / n, my = p.reduce(0) { $0 + $1.1 } / n
        let sxx = p.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }, syy = p.reduce(0) { $0 + ($1.1 - my) * ($1.1 - my) }
        let sxy = p.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        // The line's direction is the principal axis; the normal is perpendicular to it.
        let angle = 0.5 * atan2(2 * sxy, sxx - syy)
        let nx = -sin(angle), ny = cos(angle)
        return p.map { abs(($0.0 - mx) * nx + ($0.1 - my) * ny) }.max() ?? 0
    }

    func surface(_ store: EventStore, _ set: String, _ net: String) throws -> Surface {
        let run = try XCTUnwrap(store["boundaries/\(set)/\(net)"], "\(set)/\(net)")
        return try XCTUnwrap(run.surfaces.first { $0.name == "p_class1_percent" })
    }

    func testNetsWithoutNonLinearHiddenLayersDrawAStraightBoundary() throws {
        let store = try StudySectionTests.fixtureStore()
        var measured = 0
        for set in BoundaryNets.sets.map(\.rawValue) {
            for net in ["depth-0", "linear-2"] {
                let points = Self.boundary(try surface(store, set, net))
                guard points.count >= 3 else { continue }   // the line may cross a corner of the view only
                measured += 1
                XCTAssertLessThan(Self.distanceFromALine(points), 0.2, "\(set)/\(net): the P = 50 % crossings are not on one line")
            }
        }
        XCTAssertGreaterThanOrEqual(measured, 6)
        // The measure can tell: a ReLU net's boundary on circle is a closed curve, far from any line.
        XCTAssertGreaterThan(Self.distanceFromALine(Self.boundary(try surface(store, "circle", "relu-2"))), 3)
    }

    func testHiddenReLULayersBeatALineOnCircleAndXor() throws {
        let section = try LessonSections.section("boundaries")
        func accuracy(_ set: String, _ net: String) throws -> Double {
            try XCTUnwrap(try LessonSections.fact(section, "\(set), \(net): test accuracy").value)
        }
        for set in ["circle", "xor"] {
            let line = try accuracy(set, "no hidden layer"), linear = try accuracy(set, "2 × linear")
            XCTAssertLessThan(line, 0.7, "\(set): a straight line is near chance")
            XCTAssertLessThan(linear, 0.7, "\(set): two linear layers are still a line")
            for relu in ["1 × ReLU", "2 × ReLU", "3 × ReLU"] {
                XCTAssertGreaterThan(try accuracy(set, relu), max(line, linear) + 0.25, "\(set): \(relu)")
            }
        }
        // A line separates gauss's two blobs.
        XCTAssertGreaterThan(try accuracy("gauss", "no hidden layer"), 0.95)
        let rows = try LessonSections.csv(section, "boundaries_accuracy")
        XCTAssertEqual(rows.count, BoundaryNets.sets.count * BoundaryNets.nets.count)
    }
}

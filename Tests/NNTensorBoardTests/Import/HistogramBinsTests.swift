import NNTensorBoard
import XCTest

/// TensorBoard's buckets to nnviz's bins, on buckets whose right answer is worked out by hand.
final class HistogramBinsTests: XCTestCase {
    func testV1BucketsSpanFromTheSmallestToTheLargestValue() throws {
        // TensorBoard's reading (data_compat): bucket k is (limit[k-1], limit[k]], the first from min, the last to max.
        let b = try HistogramBins.v1(min: -0.5, max: 2.5, limits: [0, 1, 1.0e308], counts: [3, 4, 5])
        XCTAssertEqual(b, HistogramBins(edges: [-0.5, 0, 1, 2.5], counts: [3, 4, 5]))
    }

    func testTensorboardXLeadingEmptyBucketFoldsAway() throws {
        // tensorboardX writes an empty first bucket whose limit is the first filled bucket's left edge (= min).
        let b = try HistogramBins.v1(min: 1, max: 3, limits: [1, 2, 3], counts: [0, 2, 2])
        XCTAssertEqual(b, HistogramBins(edges: [1, 2, 3], counts: [2, 2]))
    }

    func testV2RowsAndZeroWidthBuckets() throws {
        let rows: [Double] = [0, 1, 2, 1, 1, 5, 1, 3, 1]
        XCTAssertEqual(try HistogramBins.v2(rows: rows, shape: [3, 3]), HistogramBins(edges: [0, 1, 3], counts: [7, 1]))
        XCTAssertEqual(try HistogramBins.v2(rows: [4, 4, 0, 4, 4, 6], shape: [2, 3]), HistogramBins(edges: [3.5, 4.5], counts: [6]))
    }

    func testBadBucketsAreProblemsNotTraps() {
        XCTAssertThrowsError(try HistogramBins.v2(rows: [0, 1], shape: [1, 2]))
        XCTAssertThrowsError(try HistogramBins.v2(rows: [], shape: [0, 3])) { XCTAssertEqual($0 as? HistogramProblem, .empty) }
        XCTAssertThrowsError(try HistogramBins.v2(rows: [0, 1, -1], shape: [1, 3])) { XCTAssertEqual($0 as? HistogramProblem, .badCount(-1)) }
        XCTAssertThrowsError(try HistogramBins.v2(rows: [0, .infinity, 1], shape: [1, 3])) { XCTAssertEqual($0 as? HistogramProblem, .nonFiniteEdge) }
        XCTAssertThrowsError(try HistogramBins.v1(min: 0, max: 1, limits: [1], counts: [.nan]))
        XCTAssertThrowsError(try HistogramBins.v1(min: 0, max: 1, limits: [1, 2], counts: [1]))
    }
}

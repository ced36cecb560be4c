import Foundation
import NNStudies
import NNTestSupport
import XCTest

/// The book's histogram experiment against numpy's (`Tests/Fixtures/w1_stats.json`, one numpy
/// seed): different random numbers from the same distributions, so every histogram must agree
/// bin by bin within sampling noise.
final class InitHistogramOracleTests: XCTestCase {
    func testHistogramsAgreeWithNumpyWithinSamplingNoise() throws {
        let oracle = try XCTUnwrap(Fixtures.json("w1_stats.json") as? [String: [String: Any]])
        let ours = InitHistograms.compute(seed: 0)
        XCTAssertEqual(ours.count, oracle.count)
        for c in ours {
            let key = "\(c.activation)/\(c.initializer)"
            let layers = try XCTUnwrap(oracle[key]?["layers"] as? [[String: Any]], key)
            for (k, (mine, theirs)) in zip(c.layers, layers).enumerated() {
                let counts = try XCTUnwrap(theirs["counts"] as? [Double])
                // The 100,000 activations of a layer share 1000 inputs and one weight draw, so bins
                // move together far more than independent counts would: allow 5 % of all values
                // per bin, plus 5 standard deviations of a multinomial count.
                for (bin, (a, b)) in zip(mine.counts, counts).enumerated() {
                    let tolerance = 5000 + 5 * b.squareRoot()
                    XCTAssertLessThan(abs(Double(a) - b), tolerance, "\(key) layer \(k + 1) bin \(bin): \(a) vs numpy \(b)")
                }
                let std = try XCTUnwrap(theirs["std"] as? Double)
                XCTAssertEqual(mine.std, std, accuracy: 0.1 * std + 1e-3, "\(key) layer \(k + 1) std")
            }
        }
    }
}

import NNEngine
import XCTest

/// Train, validation and test: disjoint, every sample in one of them, each class in the same
/// proportions, and the same split for the same seed.
final class StratifiedSplitTests: XCTestCase {
    func testSplitsAreDisjointCompleteAndStratified() throws {
        let data = try Dataset<Float>.embeddedMNIST()
        // Tag every sample with its index in the first feature, to follow it through the split.
        var x = data.x
        for i in 0..<x.rows { x[i, 0] = Float(i) }
        let tagged = try Dataset<Float>(name: "tagged", x: x, labels: data.labels, classes: data.classes)
        let (train, validation, test) = try tagged.stratifiedSplit(validation: 0.1, test: 0.2, seed: 42)
        func ids(_ d: Dataset<Float>) -> Set<Int> { Set((0..<d.count).map { Int(d.x[$0, 0]) }) }
        XCTAssertTrue(ids(validation).isDisjoint(with: ids(test)), "validation and test share no sample")
        XCTAssertTrue(ids(train).isDisjoint(with: ids(validation).union(ids(test))))
        XCTAssertEqual(ids(train).count + ids(validation).count + ids(test).count, data.count)
        for c in 0..<data.classes {
            let n = Double(data.labels.filter { $0 == c }.count)
            XCTAssertEqual(Double(test.labels.filter { $0 == c }.count), (n * 0.2).rounded(), "class \(c) in test")
            XCTAssertEqual(Double(validation.labels.filter { $0 == c }.count), (n * 0.1).rounded(), "class \(c) in validation")
        }
        let again = try tagged.stratifiedSplit(validation: 0.1, test: 0.2, seed: 42)
        XCTAssertEqual(again.test.labels, test.labels)
        XCTAssertNotEqual(try tagged.stratifiedSplit(validation: 0.1, test: 0.2, seed: 7).test.labels, test.labels)
        // The parts are shuffled: the sorted-by-class file does not leave its order in them.
        XCTAssertNotEqual(train.labels, train.labels.sorted())
    }
}

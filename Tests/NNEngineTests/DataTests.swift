import Foundation
import NNEngine
import XCTest

final class DataTests: XCTestCase {
    func testEmbeddedMNISTReadsAndIsSortedByClass() throws {
        let d = try Dataset<Float>.embeddedMNIST()
        XCTAssertEqual(d.count, 5000)
        XCTAssertEqual(d.x.cols, 784)
        XCTAssertEqual(d.classes, 10)
        XCTAssertEqual(Set(d.labels), Set(0..<10))
        XCTAssertEqual(d.labels, d.labels.sorted(), "the shipped file is sorted by class")
        XCTAssertEqual(d.x.storage.min(), 0)
        XCTAssertEqual(d.x.storage.max(), 1)
        let s = d.shuffled(seed: 1)
        XCTAssertNotEqual(Array(s.labels.prefix(50)), Array(d.labels.prefix(50)))
        XCTAssertEqual(s.labels.sorted(), d.labels)
        XCTAssertEqual(d.shuffled(seed: 1).labels, s.labels)
    }

    func write(_ bytes: [UInt8], gzip: Bool = false) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID())").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func testIDXErrorsNameTheFileAndFault() throws {
        // A truncated images file: header promises 2 x 2 x 2 bytes, file has 3.
        let truncated = try write([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3])
        XCTAssertThrowsError(try IDXArray.read(path: truncated)) { e in
            XCTAssertTrue("\(e)".hasPrefix(truncated) && "\(e)".contains("truncated"), "\(e)")
        }
        let notIDX = try write([0x89, 0x50, 0x4E, 0x47])
        XCTAssertThrowsError(try IDXArray.read(path: notIDX)) { e in XCTAssertTrue("\(e)".contains("not an IDX file"), "\(e)") }
        XCTAssertThrowsError(try IDXArray.read(path: "/no/such.idx")) { e in XCTAssertEqual("\(e)", "/no/such.idx: no such file") }
        // Labels and images swapped.
        let labels = try write([0, 0, 8, 1, 0, 0, 0, 2, 3, 4])
        let images = try write([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 9, 9])
        XCTAssertThrowsError(try Dataset<Float>.idx(images: labels, labels: images)) { e in
            XCTAssertTrue("\(e)".contains("expected 3 dimensions"), "\(e)")
        }
        let ok = try Dataset<Float>.idx(images: images, labels: labels)
        XCTAssertEqual(ok.labels, [3, 4])
        // A cut gzip stream.
        let gz = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/NNEngine/Resources/mnist5k/mnist5k-labels-idx1-ubyte.gz"))
        let cut = try write(Array(gz.prefix(gz.count / 2)))
        XCTAssertThrowsError(try IDXArray.read(path: cut)) { e in XCTAssertTrue("\(e)".contains("gzip"), "\(e)") }
    }

    func testSyntheticSetsAreSeededAndBalanced() throws {
        for set in SyntheticSet.allCases {
            let a = try set.generate(count: 200, noise: 0.1, seed: 4, as: Double.self)
            let b = try set.generate(count: 200, noise: 0.1, seed: 4, as: Double.self)
            XCTAssertEqual(a.x, b.x, "\(set)")
            XCTAssertEqual(a.count, 200)
            let ones = a.labels.filter { $0 == 1 }.count
            XCTAssertTrue((50...150).contains(ones), "\(set): \(ones) of 200 in class 1")
        }
    }

    func testScalers() throws {
        let x = try Matrix<Double>([[1, 10], [3, 10], [5, 10]])
        let s = try FeatureScaler(.standardize, fittedOn: x).transform(x)
        assertClose((0..<3).map { s[$0, 0] }, [-1.224744871391589, 0, 1.224744871391589], 1e-12)
        assertClose((0..<3).map { s[$0, 1] }, [0, 0, 0])
        let m = try FeatureScaler(.minMax, fittedOn: x).transform(x)
        assertClose((0..<3).map { m[$0, 0] }, [0, 0.5, 1])
    }

    func testSplitFractions() throws {
        let d = try Dataset<Float>.embeddedMNIST().shuffled(seed: 2)
        let (tr, va, te) = try d.split(validation: 0.1, test: 0.2)
        XCTAssertEqual([tr.count, va.count, te.count], [3500, 500, 1000])
    }
}

import Foundation
import NNEngine
import NNTestSupport
import XCTest

/// Every input libFuzzer found that crashed, hung or exhausted the memory of the IDX reader
/// (kept in `Fuzz/Regressions/IDX`) goes through the fuzz target's entry points again: each must
/// return or throw a `DataError` naming the file, within 10 s.
final class IDXFuzzRegressionTests: XCTestCase {
    func testIDXRegressionsReturnOrThrowNamedErrors() throws {
        let inputs = try FuzzRegressions.inputs("IDX")
        XCTAssertFalse(inputs.isEmpty, "Fuzz/Regressions/IDX holds the inputs that once crashed")
        for url in inputs {
            let start = Date()
            let name = url.lastPathComponent
            let data = try Data(contentsOf: url)
            do {
                let array = try IDXArray.decode(data, file: name, limit: 16 << 20)
                let n = array.dimensions[0]
                let zeros = [UInt8](repeating: 0, count: n)
                if array.dimensions.count == 3 {
                    _ = try Dataset<Float>.idx(images: array, imagesFile: name, labels: IDXArray(dimensions: [n], values: [], bytes: zeros),
                                               labelsFile: "labels")
                } else {
                    _ = try Dataset<Float>.idx(images: IDXArray(dimensions: [n, 1, 1], values: [], bytes: zeros), imagesFile: "images",
                                               labels: array, labelsFile: name)
                }
            } catch {
                XCTAssertTrue(["images", "labels", name].contains(error.file), "\(error)")
                XCTAssertFalse(error.reason.isEmpty)
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, name)
        }
    }
}

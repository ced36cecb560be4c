import Foundation
import NNStudies
import NNTestSupport
import XCTest

/// Every input libFuzzer found that crashed or hung the config parser (kept in
/// `Fuzz/Regressions/Config`) goes through `StudyConfig.parse` again, as the fuzz target does:
/// each must return or throw a `ConfigError` naming the file, within 10 s. Nothing is trained.
final class ConfigFuzzRegressionTests: XCTestCase {
    func testConfigRegressionsReturnOrThrowNamedErrors() throws {
        let inputs = try FuzzRegressions.inputs("Config")
        XCTAssertFalse(inputs.isEmpty, "Fuzz/Regressions/Config holds the inputs that once crashed")
        for url in inputs {
            let start = Date()
            let name = url.lastPathComponent
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            do { _ = try StudyConfig.parse(text, file: name) } catch let e as ConfigError {
                XCTAssertTrue(e.description.hasPrefix(name), e.description)
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, name)
        }
    }
}

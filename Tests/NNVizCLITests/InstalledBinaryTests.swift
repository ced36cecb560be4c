import Foundation
import NNTestSupport
import XCTest

/// nnviz copied or installed away from its build folder finds its data, and says clearly when
/// the data is not there (it used to stop with a fatal error, a backtrace and exit 132).
final class InstalledBinaryTests: XCTestCase {
    func testACopiedBinaryWithItsDataRuns() throws {
        let built = try XCTUnwrap(BuiltExecutable("nnviz"))
        let dir = TemporaryDirectory.make("nnviz-installed")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("share/nnviz"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: built.url, to: dir.appendingPathComponent("bin/nnviz"))
        let data = built.url.deletingLastPathComponent().appendingPathComponent("nnviz_NNEngine.resources/mnist5k")
        try FileManager.default.copyItem(at: data, to: dir.appendingPathComponent("share/nnviz/mnist5k"))
        let copy = try XCTUnwrap(BuiltExecutable(path: dir.appendingPathComponent("bin/nnviz")))
        let r = try copy.run(["train", "--epochs", "1", "--hidden", "8", "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertNotNil(Double(r.out.trimmingCharacters(in: .whitespacesAndNewlines)), "prints the test accuracy: \(r.out)")
    }

    func testMissingDataIsOneClearLine() throws {
        let built = try XCTUnwrap(BuiltExecutable("nnviz"))
        let empty = TemporaryDirectory.make("nnviz-nodata")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let r = try built.run(["train", "--epochs", "1", "--quiet"], environment: ["NNVIZ_DATA": empty.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        let expected = "nnviz: error: mnist5k: the data shipped with nnviz is not where it was installed (looked in \(empty.path)/mnist5k)"
        XCTAssertTrue(r.err.hasPrefix(expected), r.err)
    }
}

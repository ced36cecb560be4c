import Foundation
import NNPlot
import XCTest

final class ExportTests: XCTestCase {
    func testWriteCreatesTheDirectoryAndLeavesOnlyTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnplot-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fig = panel([.line(LineMark(x: [0, 1], y: [0, 1]))])
        let path = dir.appendingPathComponent("a/b/figure.svg").path
        try fig.write(to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try fig.render(.svg))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a/b").path), ["figure.svg"])
        // Writing again replaces the file.
        try panel([.line(LineMark(x: [0, 1], y: [1, 0]))]).write(to: path)
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try fig.render(.svg))
    }

    func testUnwritablePathIsAWriteError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnplot-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data().write(to: file)
        // A directory cannot be created under a regular file.
        let path = file.appendingPathComponent("figure.png").path
        XCTAssertThrowsError(try panel([.line(LineMark(x: [0, 1], y: [0, 1]))]).write(to: path)) { e in
            guard case RenderError.write(let p, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(p, path)
        }
    }
}

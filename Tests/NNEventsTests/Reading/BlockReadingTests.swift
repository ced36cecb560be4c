import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// A file of several blocks, parsed on both cores: events come in file order, and an error or a
/// warning names the line counted from the file's start (the oracle counts the lines it wrote).
final class BlockReadingTests: XCTestCase {
    static func line(_ k: Int) -> String {
        "{\"v\":\"1.2\",\"kind\":\"scalar\",\"run\":\"r\",\"name\":\"train/batch_loss\",\"step\":\(k),\"value\":\(Double(k) * 0.001 + 0.1)}"
    }

    func write(_ lines: [String], ending: String = "\n") throws -> String {
        let path = TemporaryDirectory.make("blocks.jsonl").path
        try (lines.joined(separator: "\n") + ending).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testEventsComeInFileOrderAcrossBlocks() throws {
        let n = 200_000   // about 24 MB: three blocks, each split between the cores
        let path = try write((0..<n).map(Self.line))
        var steps: [Int] = []
        var reader = EventReader()
        try reader.forEach(path: path) { if case .scalar(let s) = $0 { steps.append(s.step) } }
        XCTAssertEqual(steps, Array(0..<n))
        XCTAssertEqual(reader.warnings, [])
    }

    func testAnErrorDeepInTheFileNamesItsLine() throws {
        for bad in [3, 99_999, 150_001] {
            var lines = (0..<200_000).map(Self.line)
            lines[bad - 1] = "{\"v\":\"1.2\",\"kind\":\"scalar\",\"run\":\"r\",\"name\":\"x\",\"step\":1.5,\"value\":1}"
            let path = try write(lines)
            var reader = EventReader()
            var seen = 0
            XCTAssertThrowsError(try reader.forEach(path: path) { _ in seen += 1 }) { error in
                XCTAssertEqual("\(error)", "\(path):\(bad): scalar: field 'step' must be an integer")
            }
            XCTAssertEqual(seen, bad - 1, "every event before the bad line is handed on, none after")
        }
    }

    func testWarningsAndTheTruncatedLastLineNameTheirLines() throws {
        var lines = (0..<120_000).map(Self.line)
        lines[100_000] = "{\"v\":\"1.2\",\"kind\":\"scalar\",\"run\":\"r\",\"name\":\"x\",\"step\":1,\"value\":1,\"colour\":\"red\"}"
        lines.append("{\"v\":\"1.2\",\"kind\":\"sca")
        let path = try write(lines, ending: "")
        var reader = EventReader()
        var count = 0
        try reader.forEach(path: path) { _ in count += 1 }
        XCTAssertEqual(count, 120_000)
        XCTAssertEqual(reader.warnings, [
            "\(path): unknown field 'colour' in scalar events (first at line 100001); ignored",
            "\(path):120001: truncated last line (the run was probably stopped while writing); skipped",
        ])
    }
}

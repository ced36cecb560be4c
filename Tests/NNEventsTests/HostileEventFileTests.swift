import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// Event files from elsewhere that used to crash the reader: each is now an error naming the
/// file and line (the crash classes found by fuzzing through the command line).
final class HostileEventFileTests: XCTestCase {
    func read(_ text: String) -> String? {
        let path = TemporaryDirectory.make("hostile.jsonl").path
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        var reader = EventReader()
        do { _ = try reader.read(path: path); return nil } catch { return "\(error)" }
    }

    func testMalformedInputIsAnErrorNotATrap() {
        let good = #""v":"1.2","kind":"scalar","name":"train/batch_loss","step":0,"value":1"#
        let cases = [
            "{\(good),\"run\":\"\\ud800\\u0041\"}\n",                                        // high surrogate, then not a low one
            "{\"v\":\"1.2\",\"kind\":\"run_start\",\"run\":\"r\",\"seed\":1e300}\n",         // seed beyond UInt64
            "{\"v\":\"1.2\",\"kind\":\"run_start\",\"run\":\"r\",\"seed\":\"Infinity\"}\n",
            "{\"v\":\"1.2\",\"kind\":\"histogram\",\"run\":\"r\",\"step\":0,\"layer\":\"a\",\"quantity\":\"activation\",\"edges\":[0,1],\"counts\":[1e300]}\n",
            "{\"v\":\"1.2\",\"kind\":\"scalar\",\"run\":\"r\",\"x\":" + String(repeating: "[", count: 100_000) + "}\n",
        ]
        for text in cases {
            let message = read(text)
            XCTAssertNotNil(message, String(text.prefix(80)))
            XCTAssertTrue(message?.contains(":1:") == true, message ?? "")
        }
    }

    func testAFolderIsNamedAsOne() throws {
        var reader = EventReader()
        let dir = TemporaryDirectory.make("events-folder")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        XCTAssertThrowsError(try reader.read(path: dir.path)) { XCTAssertTrue("\($0)".contains("is a folder"), "\($0)") }
    }

    /// A long line is read in time proportional to its length (it was quadratic: 100 MB took 90 s).
    func testALongLineIsReadOnce() throws {
        let path = TemporaryDirectory.make("long.jsonl").path
        let line = "{\"v\":\"1.2\",\"kind\":\"scalar\",\"run\":\"" + String(repeating: "a", count: 20 << 20) + "\",\"name\":\"n\",\"step\":0,\"value\":1}\n"
        try line.write(toFile: path, atomically: true, encoding: .utf8)
        let start = Date()
        var reader = EventReader()
        XCTAssertEqual(try reader.read(path: path).count, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}

import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// Every input libFuzzer found that crashed or hung the event reader (kept in
/// `Fuzz/Regressions/EventLine` and `EventFile`) goes through the fuzz targets' entry points
/// again: each must return or throw an error naming the file and line, within 10 s.
final class FuzzRegressionTests: XCTestCase {
    func testEventLineRegressionsReturnOrThrowNamedErrors() throws {
        let inputs = try FuzzRegressions.inputs("EventLine")
        XCTAssertFalse(inputs.isEmpty, "Fuzz/Regressions/EventLine holds the inputs that once crashed")
        for url in inputs {
            let start = Date()
            var reader = EventReader()
            do { _ = try reader.event(line: Data(contentsOf: url), number: 7, file: url.lastPathComponent) } catch let e as EventFileError {
                XCTAssertEqual(e.file, url.lastPathComponent, "\(e)")
                XCTAssertEqual(e.line, 7, "\(e)")
                XCTAssertTrue(e.description.hasPrefix("\(url.lastPathComponent):7: "), e.description)
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, url.lastPathComponent)
        }
    }

    func testEventFileRegressionsReturnOrThrowNamedErrors() throws {
        let inputs = try FuzzRegressions.inputs("EventFile")
        XCTAssertFalse(inputs.isEmpty, "Fuzz/Regressions/EventFile holds the inputs that once crashed")
        for url in inputs {
            let start = Date()
            let data = try Data(contentsOf: url)
            // As the fuzz target: the first byte picks the chunk size.
            let chunkSize = data.first.map { Int($0 % 64) + 1 } ?? 1
            let store = EventStore()
            var reader = EventReader()
            do {
                try reader.forEach(contentsOf: data.dropFirst(), file: url.lastPathComponent, chunkSize: chunkSize) { store.add($0) }
            } catch let e as EventFileError {
                XCTAssertEqual(e.file, url.lastPathComponent, "\(e)")
                XCTAssertNotNil(e.line, "\(e)")
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, url.lastPathComponent)
        }
    }

    /// The in-memory entry point reads a file as `forEach(path:)` does, whatever the chunk size
    /// (lines straddling chunk ends), so fuzzing it covers the file reader.
    func testInMemoryReaderMatchesTheFileReader() throws {
        let url = Fixtures.url("foreign/extreme-values.events.jsonl")
        var fileReader = EventReader()
        let expected = try fileReader.read(path: url.path).map(EventCodec.encode)
        XCTAssertFalse(expected.isEmpty)
        for chunkSize in [1, 7, 64, 1 << 20] {
            var reader = EventReader()
            var events: [String] = []
            try reader.forEach(contentsOf: Data(contentsOf: url), file: url.path, chunkSize: chunkSize) { events.append(EventCodec.encode($0)) }
            XCTAssertEqual(events, expected, "chunk size \(chunkSize)")
            XCTAssertEqual(reader.warnings, fileReader.warnings)
        }
    }
}

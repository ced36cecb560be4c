import Foundation
import NNEvents
import NNReport
import NNTestSupport
import XCTest

/// The background copy of event files into a report's `data/`: the same bytes (compared with
/// Foundation's own read of both files), a destination that exists or cannot be made is a
/// `FileError` naming it, and a missing source names the source.
final class FileCopyTests: XCTestCase {
    /// A new empty folder.
    func folder(_ name: String) throws -> URL {
        let dir = TemporaryDirectory.make(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testCopiesEveryByte() throws {
        let dir = try folder("copy")
        var g = SplitMix64(state: 3)
        // 40 MB and a bit: more than one kernel call of 32 MiB, and an odd length.
        let bytes = (0..<(40 << 20) + 12_345).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        let source = dir.appendingPathComponent("a.events.jsonl"), copy = dir.appendingPathComponent("b.events.jsonl")
        try Data(bytes).write(to: source)
        let job = FileCopy(from: source.path, to: copy.path)
        try job.finish()
        XCTAssertEqual(try Data(contentsOf: copy), try Data(contentsOf: source))
        try job.finish()   // finishing twice is fine
    }

    func testAnEmptyFileIsCopied() throws {
        let dir = try folder("copy-empty")
        let source = dir.appendingPathComponent("a"), copy = dir.appendingPathComponent("b")
        try Data().write(to: source)
        try FileCopy(from: source.path, to: copy.path).finish()
        XCTAssertEqual(try Data(contentsOf: copy), Data())
    }

    func testErrorsNameThePath() throws {
        let dir = try folder("copy-errors")
        let source = dir.appendingPathComponent("a"), existing = dir.appendingPathComponent("b")
        try Data("x\n".utf8).write(to: source)
        try Data("old\n".utf8).write(to: existing)
        XCTAssertThrowsError(try FileCopy(from: source.path, to: existing.path).finish()) { e in
            XCTAssertEqual((e as? FileError)?.path, existing.path)
            XCTAssertEqual((e as? FileError)?.code, EEXIST)
        }
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "old\n", "an existing file is never overwritten")
        let missing = dir.appendingPathComponent("missing")
        XCTAssertThrowsError(try FileCopy(from: missing.path, to: dir.appendingPathComponent("c").path).finish()) { e in
            XCTAssertEqual((e as? FileError)?.path, missing.path)
        }
        let noFolder = dir.appendingPathComponent("no/such/folder/c")
        XCTAssertThrowsError(try FileCopy(from: source.path, to: noFolder.path).finish()) { e in
            XCTAssertEqual((e as? FileError)?.path, noFolder.path)
            XCTAssertEqual((e as? FileError)?.code, ENOENT)
        }
    }

    func testCancelStopsAndReturns() throws {
        let dir = try folder("copy-cancel")
        let source = dir.appendingPathComponent("a"), copy = dir.appendingPathComponent("b")
        try Data(count: 8 << 20).write(to: source)
        let job = FileCopy(from: source.path, to: copy.path)
        job.cancel()
        let size = ((try? FileManager.default.attributesOfItem(atPath: copy.path))?[.size] as? Int) ?? 0
        XCTAssertLessThanOrEqual(size, 8 << 20)
    }
}

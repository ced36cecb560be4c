import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// Write failures become one line naming the path and the cause, and a sink that failed leaves
/// no `.partial` file.
final class FileErrorTests: XCTestCase {
    /// Foundation's errors as Linux's Foundation throws them (a Cocoa error wrapping the POSIX one).
    func testFoundationErrorsSayTheCause() {
        let full = CocoaError(.fileWriteOutOfSpace, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        XCTAssertEqual(FileError(full, path: "/r/a.png", action: .write).description, "/r/a.png: cannot write: disk full (ENOSPC)")
        XCTAssertEqual(FileError(CocoaError(.fileWriteVolumeReadOnly), path: "/r", action: .createFolder).description,
                       "/r: cannot create the folder: read-only file system (EROFS)")
        let notFolder = CocoaError(.fileWriteUnknown, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])
        XCTAssertEqual(FileError(notFolder, path: "/f/r", action: .createFolder).code, ENOTDIR)
        XCTAssertEqual(FileError(path: "/x", action: .write, code: EACCES).cause, "permission denied (EACCES)")
        XCTAssertEqual(FileError(path: "/x", action: .write, code: ETXTBSY).cause, "\(String(cString: strerror(ETXTBSY))) (errno \(ETXTBSY))")
        XCTAssertEqual(FileError(path: "two\nlines\t", action: .write, code: ENOSPC).description, "two\\nlines\\t: cannot write: disk full (ENOSPC)")
    }

    /// Real failures: the folder is a file (EEXIST), or a folder above it is (ENOTDIR).
    func testASinkBelowAFileSaysSo() throws {
        let file = TemporaryDirectory.make("nnviz-file")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try JSONLinesSink(path: file.appendingPathComponent("run.events.jsonl").path)) { error in
            XCTAssertEqual("\(error)", file.path + ": cannot create the folder: a file of that name is in the way (EEXIST)")
        }
        XCTAssertThrowsError(try JSONLinesSink(path: file.appendingPathComponent("data/run.events.jsonl").path)) { error in
            XCTAssertEqual("\(error)", file.path + "/data: cannot create the folder: a part of the path is a file, not a folder (ENOTDIR)")
        }
    }

    /// A write past the file size limit (EFBIG, the kernel's, not simulated): the error names
    /// the events file, the `.partial` file is gone, and the sink refuses further events.
    func testASinkThatCannotWriteRemovesItsPartialFile() throws {
        let dir = TemporaryDirectory.make("nnviz-sink")
        let path = dir.appendingPathComponent("run.events.jsonl").path
        let sink = try JSONLinesSink(path: path)
        let event = Event.scalar(ScalarEvent(run: "r", name: "train/batch_loss", step: 0, value: 1))
        var failure: (any Error)?
        try FileSizeLimit.with(bytes: 4096) {
            do {
                for _ in 0..<1000 {
                    try sink.write(event)
                    try sink.flush()
                }
            } catch { failure = error }
        }
        let e = try XCTUnwrap(failure as? FileError, "\(String(describing: failure))")
        XCTAssertEqual(e.description, "\(path): cannot write: file too large (EFBIG)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".partial"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertThrowsError(try sink.write(event)) { XCTAssertEqual($0 as? FileError, e) }
        XCTAssertThrowsError(try sink.close()) { XCTAssertEqual($0 as? FileError, e) }
    }
}

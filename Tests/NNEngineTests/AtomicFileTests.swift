import Foundation
import NNEngine
import XCTest

final class AtomicFileTests: XCTestCase {
    func testWritesIntoNewFoldersAndReplacesWholeFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-atomic-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a/b/file.txt").path
        try AtomicFile.write(Data("first, longer contents".utf8), to: path)
        try AtomicFile.write(Data("second".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second")
        // Nothing but the file is left behind (no temporary siblings).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a/b").path), ["file.txt"])
    }

    func testFailureIsAWriteErrorNamingThePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-atomic-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A regular file where a folder should be: neither root nor anyone else can write below it.
        try AtomicFile.write(Data(), to: dir.appendingPathComponent("blocker").path)
        let path = dir.appendingPathComponent("blocker/file.txt").path
        do {
            try AtomicFile.write(Data("x".utf8), to: path)
            XCTFail("wrote below a regular file")
        } catch {
            guard case .write(let p, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
        }
    }
}

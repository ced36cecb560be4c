import Foundation
import NNTestSupport
import XCTest

/// A report folder holds one report: a rerun replaces it whole, a killed run leaves the old one
/// whole, and a folder of someone else's files is never written into.
final class OutputFolderTests: XCTestCase {
    var exe: BuiltExecutable!

    override func setUpWithError() throws {
        exe = try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests (`make test` does)")
    }

    /// Every file under `dir` with its contents' hash.
    func snapshot(_ dir: URL) throws -> [String: Int] {
        let files = FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []
        var out: [String: Int] = [:]
        for f in files {
            var isDirectory: ObjCBool = false
            let url = dir.appendingPathComponent(f)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[f] = try Data(contentsOf: url).hashValue
            }
        }
        return out
    }

    func testARerunReplacesTheWholeReport() throws {
        let dir = TemporaryDirectory.make("nnviz-rerun")
        XCTAssertEqual(try exe.run(["train-and-report", "--study", "optimizers", "--quick", "--out", dir.path, "--quiet"]).status, 0)
        try Data().write(to: dir.appendingPathComponent("figures/left-over.png"))
        XCTAssertEqual(try exe.run(["train-and-report", "--study", "vanishing", "--quick", "--out", dir.path, "--quiet"]).status, 0)
        let figures = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("figures").path)
        XCTAssertFalse(figures.isEmpty)
        XCTAssertTrue(figures.allSatisfy { $0.hasPrefix("vanishing_") }, "files of the earlier run remain: \(figures.sorted())")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
        XCTAssertFalse(siblings.contains { $0.hasPrefix(".\(dir.lastPathComponent).") }, "no staging folder left beside it")
    }

    func testAFolderOfOtherFilesIsRefused() throws {
        let dir = TemporaryDirectory.make("nnviz-thesis")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("\\documentclass{article}".utf8).write(to: dir.appendingPathComponent("thesis.tex"))
        let r = try exe.run(["train-and-report", "--study", "optimizers", "--quick", "--out", dir.path, "--quiet"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("\(dir.path): the folder holds files that are not an nnviz report"), r.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["thesis.tex"])
    }

    /// kill -9 at several moments of a rerun: the folder is always the earlier report, whole.
    func testAKilledRunLeavesTheEarlierReportWhole() throws {
        let dir = TemporaryDirectory.make("nnviz-kill")
        XCTAssertEqual(try exe.run(["train-and-report", "--study", "vanishing", "--quick", "--out", dir.path, "--quiet"]).status, 0)
        let before = try snapshot(dir)
        for delay in [0.3, 1.0, 2.0] {
            let p = Process()
            p.executableURL = exe.url
            p.arguments = ["train-and-report", "--study", "vanishing", "--study", "optimizers", "--quick", "--seed", "9", "--out", dir.path, "--quiet"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = try snapshot(dir)
            // Either the run was killed first (the earlier report) or it had finished (a whole new one).
            if after != before {
                XCTAssertTrue(after.keys.contains("figures/optimizer_loss.png") && after.keys.contains("index.html"), "a mixed folder after \(delay) s")
            }
        }
        // The next run cleans up what the killed ones left beside the folder.
        XCTAssertEqual(try exe.run(["train-and-report", "--study", "vanishing", "--quick", "--out", dir.path, "--quiet"]).status, 0)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
        XCTAssertFalse(siblings.contains { $0.hasPrefix(".\(dir.lastPathComponent).") })
    }
}

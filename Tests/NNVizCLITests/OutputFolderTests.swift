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

    /// kill -9 at several moments of a rerun (`report` on fixture events into a folder holding an
    /// earlier report): before the staging folder exists, after its first file, at a quarter,
    /// half and three quarters of its files, when every file is staged (around the swap), and
    /// after a few fixed delays. Each time the folder is the earlier report byte for byte, or the
    /// new one whole: the same files as a complete run of it, each with its bytes, and a page
    /// whose links all resolve. Beside it at most the killed run's staging folder
    /// (`.NAME.partial-PID`) is left, which the next run removes (its process is gone).
    func testKillNineAtSeveralPointsLeavesOneWholeReport() throws {
        let dir = TemporaryDirectory.make("nnviz-kill")
        let fixtures = Fixtures.url("events")
        let all = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        func events(_ prefixes: [String]) -> [String] {
            all.filter { f in f.hasSuffix(".jsonl") && prefixes.contains { f.hasPrefix($0 + "-") } }.map { fixtures.appendingPathComponent($0).path }
        }
        let newArgs = ["report"] + events(["vanishing", "init", "optimizers"]) + ["--out", dir.path, "--quiet"]
        XCTAssertEqual(try exe.run(newArgs).status, 0)
        let new = try ReportSnapshot(dir)
        XCTAssertEqual(try exe.run(["report"] + events(["optimizers"]) + ["--out", dir.path, "--quiet"]).status, 0)
        let old = try ReportSnapshot(dir)
        XCTAssertEqual(old.missingLinks, [])
        XCTAssertNotEqual(Set(old.files.keys), Set(new.files.keys))
        let parent = dir.deletingLastPathComponent(), name = dir.lastPathComponent
        let total = new.files.count
        let points: [Trigger] = [.seconds(0.01), .stagedFiles(1), .stagedFiles(total / 4), .stagedFiles(total / 2),
                                 .stagedFiles(3 * total / 4), .stagedFiles(total + 2), .seconds(1), .seconds(3)]
        var outcomes: [String] = []
        for point in points {
            let p = Process()
            p.executableURL = exe.url
            p.arguments = newArgs
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let staging = parent.appendingPathComponent(".\(name).partial-\(p.processIdentifier)")
            point.wait(staging: staging, process: p)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = try ReportSnapshot(dir)
            if after == old {
                outcomes.append("\(point): old")
            } else {
                XCTAssertEqual(after.files.keys.sorted(), new.files.keys.sorted(), "\(point): a mixed folder")
                for (file, bytes) in after.files where file != "index.html" { XCTAssertEqual(bytes, new.files[file], "\(point): \(file)") }
                XCTAssertEqual(Self.timeless(after.files["index.html"]), Self.timeless(new.files["index.html"]), "\(point): index.html")
                XCTAssertEqual(after.missingLinks, [], "\(point)")
                outcomes.append("\(point): new")
                try old.restore(to: dir)
            }
            let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".\(name).") }
            XCTAssertTrue(siblings.allSatisfy { $0 == staging.lastPathComponent }, "\(point): \(siblings)")
        }
        print("kill -9 outcomes: \(outcomes.joined(separator: ", "))")
        XCTAssertTrue(outcomes.contains { $0.hasSuffix("old") }, "no kill landed before the swap: \(outcomes)")
        // The next run removes what the killed ones left beside the folder.
        XCTAssertEqual(try exe.run(newArgs).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".\(name).") }, [])
    }

    /// When to kill.
    enum Trigger: CustomStringConvertible {
        /// After a fixed time.
        case seconds(Double)
        /// Once the staging folder holds this many files (or the run has ended).
        case stagedFiles(Int)

        var description: String {
            switch self {
            case .seconds(let s): "after \(s) s"
            case .stagedFiles(let n): "at \(n) staged files"
            }
        }

        func wait(staging: URL, process: Process) {
            switch self {
            case .seconds(let s): Thread.sleep(forTimeInterval: s)
            case .stagedFiles(let n):
                let deadline = Date().addingTimeInterval(600)
                while process.isRunning, Date() < deadline {
                    let files = (FileManager.default.enumerator(atPath: staging.path)?.allObjects as? [String]) ?? []
                    if files.count >= n { return }
                    Thread.sleep(forTimeInterval: 0.002)
                }
            }
        }
    }

    /// A page without its one line that changes from run to run (the wall time in the provenance).
    static func timeless(_ page: Data?) -> String {
        String(decoding: page ?? Data(), as: UTF8.self).replacingOccurrences(of: #"<td>[0-9]+\.[0-9] s</td>"#, with: "", options: .regularExpression)
    }
}

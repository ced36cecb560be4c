import Foundation
import NNTestSupport
import XCTest

/// A file system that fails (full, read-only, a file where a folder should be): nnviz says so
/// in one line naming the path and the cause, exits with status 1, stops, and leaves neither
/// a half-written report nor its temporary files.
final class FileErrorsTests: XCTestCase {
    var exe: BuiltExecutable!

    override func setUpWithError() throws {
        exe = try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests (`make test` does)")
    }

    /// The fixture event files of one study (`vanishing-*.events.jsonl`).
    static func events(_ study: String) throws -> [String] {
        let dir = Fixtures.url("events")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(study + "-") && $0.hasSuffix(".jsonl") }
            .sorted().map { dir.appendingPathComponent($0).path }
    }

    /// A tmpfs of `kibibytes`, or a skip that says why there is none.
    func scratch(_ kibibytes: Int) throws -> ScratchFileSystem {
        switch ScratchFileSystem.mount(kibibytes: kibibytes) {
        case .success(let fs): addTeardownBlock { fs.unmount() }; return fs
        case .failure(let reason): throw XCTSkip("no real disk-full test here: \(reason) (CI runs as root and mounts one)")
        }
    }

    /// What tmpfs charges for the files under `dir`: whole 4 KiB pages.
    func pagesSize(_ dir: URL) -> Int {
        let files = FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []
        return files.reduce(0) { sum, f in
            let size = (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(f).path)[.size] as? Int) ?? 0
            return sum + (size + 4095) / 4096 * 4096
        }
    }

    /// Status 1, nothing on stdout, one line on stderr: `nnviz: error: PATH…: cannot …: CAUSE`.
    func assertOneLine(_ r: BuiltExecutable.Result, under path: String, cause: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.err, file: file, line: line)
        XCTAssertEqual(r.out, "", file: file, line: line)
        let lines = r.err.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2, "one line and its end: \(r.err)", file: file, line: line)
        XCTAssertTrue(r.err.hasPrefix("nnviz: error: \(path)"), "names the path: \(r.err)", file: file, line: line)
        XCTAssertTrue(r.err.hasSuffix(": \(cause)\n"), "says the cause: \(r.err)", file: file, line: line)
        XCTAssertFalse(r.err.contains("NSError") || r.err.contains("Domain=") || r.err.contains("Code="), r.err, file: file, line: line)
    }

    /// A report that does not fit, cut at several points (event copies, figures, CSVs, the
    /// page): one line, and the file system empty again afterwards.
    func testDiskFullWhileWritingAReport() throws {
        let events = try Self.events("vanishing")
        let full = TemporaryDirectory.make("nnviz-fits")
        XCTAssertEqual(try exe.run(["report"] + events + ["--out", full.path, "--quiet"]).status, 0)
        let size = pagesSize(full)
        XCTAssertGreaterThan(size, 200_000)
        for fraction in [0.03, 0.3, 0.7, 0.97] {
            let fs = try scratch(max(8, Int(Double(size) * fraction) / 1024))
            let r = try exe.run(["report"] + events + ["--out", fs.url.appendingPathComponent("r").path, "--quiet"])
            assertOneLine(r, under: fs.url.appendingPathComponent("r").path, cause: "disk full (ENOSPC)")
            XCTAssertEqual(fs.contents(), [], "left behind at \(fraction) of the size")
            fs.unmount()
        }
    }

    /// With an earlier report in the folder, a new one that does not fit leaves it byte for byte.
    func testDiskFullKeepsTheEarlierReport() throws {
        let small = try Self.events("optimizer")
        let fs = try scratch(2048)
        let out = fs.url.appendingPathComponent("r")
        XCTAssertEqual(try exe.run(["report"] + small + ["--out", out.path, "--quiet"]).status, 0)
        let before = try ReportSnapshot(out)
        let r = try exe.run(["report"] + small + (try Self.events("vanishing")) + ["--out", out.path, "--quiet"])
        assertOneLine(r, under: out.path, cause: "disk full (ENOSPC)")
        XCTAssertEqual(try ReportSnapshot(out), before, "the earlier report is unchanged")
        XCTAssertEqual(fs.contents().filter { !$0.hasPrefix("r/") && $0 != "r" }, [], "no staging folder left")
    }

    /// Training into a full disk stops with the events file's error, not after every run.
    func testDiskFullStopsTrainAndReport() throws {
        let fs = try scratch(64)
        let out = fs.url.appendingPathComponent("r")
        let started = Date()
        let r = try exe.run(["train-and-report", "--study", "optimizers", "--quick", "--out", out.path, "--quiet"])
        assertOneLine(r, under: out.path + "/data/", cause: "disk full (ENOSPC)")
        XCTAssertTrue(r.err.contains(".events.jsonl: cannot write"), r.err)
        XCTAssertEqual(fs.contents(), [])
        print("train-and-report on a 64 KiB disk failed after \(Date().timeIntervalSince(started)) s")
    }

    /// `train --config` writes its events straight into --out: the run that could not finish
    /// leaves no `.partial` file.
    func testDiskFullDuringTrainWithAConfig() throws {
        let fs = try scratch(64)
        let config = TemporaryDirectory.make("nnviz-config")
        try Data("""
        name: full
        runs:
          - {name: a, hidden: [32], steps: 400, batch_size: 32}
          - {name: b, hidden: [32], steps: 400, batch_size: 32}
        record: {stats_every: 1, histograms_every: 1}

        """.utf8).write(to: config)
        let out = fs.url.appendingPathComponent("runs")
        let r = try exe.run(["train", "--config", config.path, "--out", out.path, "--quiet"])
        assertOneLine(r, under: out.path + "/", cause: "disk full (ENOSPC)")
        XCTAssertFalse(fs.contents().contains { $0.hasSuffix(".partial") }, "\(fs.contents())")
    }

    /// A read-only file system (EROFS, as root) or a folder without write permission (EACCES,
    /// as anyone else): the earlier report stays, and the error names the folder.
    func testReadOnlyOutputFolder() throws {
        let events = try Self.events("optimizer")
        if getuid() == 0 {
            let fs = try scratch(2048)
            let out = fs.url.appendingPathComponent("r")
            XCTAssertEqual(try exe.run(["report"] + events + ["--out", out.path, "--quiet"]).status, 0)
            let before = try ReportSnapshot(out)
            try fs.remount(readOnly: true)
            let r = try exe.run(["report"] + events + ["--out", out.path, "--quiet"])
            assertOneLine(r, under: out.path, cause: "read-only file system (EROFS)")
            XCTAssertEqual(try ReportSnapshot(out), before)
            try fs.remount(readOnly: false)
        } else {
            let parent = TemporaryDirectory.make("nnviz-readonly")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path) }
            let r = try exe.run(["report"] + events + ["--out", parent.appendingPathComponent("r").path, "--quiet"])
            assertOneLine(r, under: parent.appendingPathComponent("r").path, cause: "permission denied (EACCES)")
        }
    }

    /// --out below a file: the folder cannot be made (ENOTDIR), said in one line.
    func testOutputBelowAFile() throws {
        let file = TemporaryDirectory.make("nnviz-a-file")
        try Data("x".utf8).write(to: file)
        let out = file.appendingPathComponent("reports/r")
        let r = try exe.run(["report"] + (try Self.events("optimizer")) + ["--out", out.path, "--quiet"])
        assertOneLine(r, under: file.path, cause: "a part of the path is a file, not a folder (ENOTDIR)")
    }

    /// `train --save` on a full disk: the model file's path and the system's cause.
    func testDiskFullWhileSavingAModel() throws {
        let fs = try scratch(16)
        let model = fs.url.appendingPathComponent("model.bin").path
        let r = try exe.run(["train", "--epochs", "1", "--hidden", "16", "--quiet", "--save", model])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "nnviz: error: cannot write \(model): No space left on device\n")
        XCTAssertEqual(fs.contents(), [], "no temporary file left")
    }

    /// The gallery's figures on a full disk: the figure's path and the system's cause.
    func testDiskFullWhileWritingTheGallery() throws {
        let fs = try scratch(16)
        let r = try exe.run(["gallery", "--out", fs.url.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertTrue(r.err.hasPrefix("nnviz: error: cannot write \(fs.url.path)/"), r.err)
        XCTAssertTrue(r.err.hasSuffix(": No space left on device\n"), r.err)
    }
}

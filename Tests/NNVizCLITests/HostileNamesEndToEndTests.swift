import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// Names from outside, through the command line as a user gives them (a shared config, another
/// program's event file): nothing is written outside the output folder, nothing becomes markup
/// in the page (read back with Python's HTML parser), every CSV cell is safe to open in a
/// spreadsheet (OWASP) and reads back whole (Python's csv module, RFC 4180), and names that
/// differ only in `/`, space or `_` get files of their own.
final class HostileNamesEndToEndTests: XCTestCase {
    var exe: BuiltExecutable!

    override func setUpWithError() throws {
        exe = try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests (`make test` does)")
    }

    static let markup = "x\"><svg\tonload=alert(document.domain)>"
    /// Study names of the event file: paths, markup, names one character apart, a line break,
    /// and `optimizer`, whose generic figure would be named like the built-in optimizers section's.
    static let studies = ["..", "../../x", markup, "s/1", "s-1", "s 1", "s_1", "two\nlines", "optimizer"]
    /// Run names (one per study) and the legend labels.
    static let runs = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-cmd", "@x", "a/b", "a b", "a_b", "line\nbreak\ttab", ".."]
    static let labels = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-cmd", "@x", "\t=1+2", markup]

    /// An event file in which each hostile study has one run of 20 steps with a hostile label.
    static func hostileEvents(in dir: URL) throws -> URL {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var lines: [String] = []
        for (k, (study, run)) in zip(studies, runs).enumerated() {
            let layer = LayerInfo(name: "dense_1", kind: "dense", inputs: 2, outputs: 1, activation: "sigmoid", parameters: 3)
            lines.append(EventCodec.encode(.runStart(RunStart(
                run: run, study: study, seed: UInt64(k), layers: [layer], parameterCount: 3, optimizer: "sgd", optimizerSettings: ["lr": 0.1],
                loss: "mse", dataset: "hostile", splits: ["train": 10], batchSize: 2, producer: "test", label: labels[k % labels.count]))))
            for step in 0..<20 {
                lines.append(EventCodec.encode(.scalar(ScalarEvent(run: run, name: "train/batch_loss", step: step, value: 1 / Double(step + k + 1)))))
            }
            for step in [9, 19] {
                lines.append(EventCodec.encode(.scalar(ScalarEvent(run: run, name: "val/loss", step: step, value: 2 / Double(step + k + 1)))))
            }
            lines.append(EventCodec.encode(.runEnd(RunEnd(run: run, status: "completed", step: 19))))
        }
        let file = dir.appendingPathComponent("hostile.events.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return file
    }

    func testAnEventFileOfHostileNames() throws {
        let outer = TemporaryDirectory.make("nnviz-hostile-events")
        let events = try Self.hostileEvents(in: outer.appendingPathComponent("in"))
        let optimizers = try FileErrorsTests.events("optimizers")
        let out = outer.appendingPathComponent("out")
        let r = try exe.run(["report", events.path] + optimizers + ["--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outer.path).sorted(), ["in", "out"], "nothing beside the report")
        let facts = try checkReport(out, runNames: Self.runs + ["optimizers/adam"])
        for name in Self.studies { XCTAssertTrue(facts.text.contains(name), "the page says the study name \(name.debugDescription)") }
        // Every study has its own section and figure files, the near-identical names and
        // `optimizer` (beside the built-in optimizers section) included.
        let sections = facts.elements.filter { $0.tag == "section" }.compactMap { $0.attributes["id"] }
        XCTAssertEqual(sections.count, Self.studies.count + 1, "\(sections)")
        let lossFigures = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("figures").path)
            .filter { $0.hasSuffix(".png") && $0.contains("_loss") }   // a colliding name's hash follows: `s-1_loss-81764e19.png`
        XCTAssertEqual(lossFigures.count, Self.studies.count + 1, "\(lossFigures.sorted())")
    }

    /// A config of hostile names, with no --out: the report goes to `reports/<slug>` inside the
    /// current folder, whatever the name; the runs' event files are one per run.
    func testAConfigOfHostileNamesWithoutOut() throws {
        let outer = TemporaryDirectory.make("nnviz-hostile-config")
        let cwd = outer.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        let names = ["a/b", "a-b", "a b", "a_b", "..", "../../x", Self.markup, "two\nlines"]
        for (k, studyName) in ["../../x", ".."].enumerated() {
            var yaml = "name: \(Self.yamlString(studyName))\nseed: \(k + 3)\nstudies: []\nrecord: {stats_every: 5, histograms_every: 10}\nruns:\n"
            for (i, name) in names.enumerated() {
                yaml += "  - {name: \(Self.yamlString(name)), label: \(Self.yamlString(Self.labels[i % Self.labels.count])), "
                    + "hidden: [8], steps: 20, batch_size: 16}\n"
            }
            try Data(yaml.utf8).write(to: cwd.appendingPathComponent("hostile.yaml"))
            let r = try exe.run(["train-and-report", "--config", "hostile.yaml", "--quiet"], in: cwd)
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outer.path), ["work"], "nothing outside the current folder")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cwd.path).sorted(), ["hostile.yaml", "reports"])
            let reports = try FileManager.default.contentsOfDirectory(atPath: cwd.appendingPathComponent("reports").path).sorted()
            XCTAssertEqual(reports.count, k + 1, "one report folder per name: \(reports)")
            let page = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
            let folder = URL(fileURLWithPath: page, relativeTo: cwd).deletingLastPathComponent().standardizedFileURL
            XCTAssertEqual(folder.deletingLastPathComponent().path, cwd.appendingPathComponent("reports").standardizedFileURL.path, page)
            let fullNames = names.map { "\(studyName)/\($0)" }
            _ = try checkReport(folder, runNames: fullNames)
            let events = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("data").path)
                .filter { $0.hasSuffix(".events.jsonl") }
            XCTAssertEqual(events.count, names.count, "one events file per run: \(events.sorted())")
        }
        // `train --config` without --out: runs/<slug>, one file per run.
        let r = try exe.run(["train", "--config", "hostile.yaml", "--quiet"], in: cwd)
        XCTAssertEqual(r.status, 0, r.err)
        let printed = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(Set(printed).count, names.count, r.out)
        for p in printed {
            let url = URL(fileURLWithPath: p, relativeTo: cwd).standardizedFileURL
            XCTAssertTrue(url.path.hasPrefix(cwd.appendingPathComponent("runs").path + "/"), p)
            XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), p)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outer.path), ["work"])
    }

    /// A YAML double-quoted scalar for `s` (JSON's escapes are YAML's).
    static func yamlString(_ s: String) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data(), as: UTF8.self)
            .dropFirst().dropLast().description
    }

    /// The report in `folder` read as a browser and a spreadsheet would: links resolve inside
    /// it, no element or attribute but the writer's own, ids unique, and every CSV cell safe
    /// and whole (each run's name reads back, defused when it starts like a formula).
    @discardableResult
    func checkReport(_ folder: URL, runNames: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ReportFacts {
        let snapshot = try ReportSnapshot(folder)
        XCTAssertEqual(snapshot.missingLinks, [], file: file, line: line)
        let facts = try ReportFacts(folder)
        let tags: Set = ["html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "nav", "ol", "ul", "li", "a", "section", "div",
                         "figure", "img", "figcaption", "span", "table", "tr", "th", "td", "footer", "code"]
        let attributes: Set = ["lang", "charset", "name", "content", "href", "id", "class", "alt", "src", "colspan"]
        var ids: [String] = []
        for (tag, attrs) in facts.elements {
            XCTAssertTrue(tags.contains(tag), "element <\(tag)> \(attrs)", file: file, line: line)
            for (name, value) in attrs {
                XCTAssertTrue(attributes.contains(name), "attribute \(name)=\(value.debugDescription) on <\(tag)>", file: file, line: line)
            }
            if let id = attrs["id"] { ids.append(id) }
        }
        XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids", file: file, line: line)
        for (_, attrs) in facts.elements {
            guard let href = attrs["href"] else { continue }
            if href.hasPrefix("#") {
                XCTAssertTrue(ids.contains(String(href.dropFirst())), "anchor \(href)", file: file, line: line)
            } else {
                XCTAssertFalse(href.hasPrefix("/") || href.split(separator: "/").contains(".."), href, file: file, line: line)
                XCTAssertNotNil(snapshot.files[href], href, file: file, line: line)
            }
        }
        XCTAssertFalse(facts.csv.isEmpty, file: file, line: line)
        var cells = Set<String>()
        for (path, rows) in facts.csv {
            for row in rows {
                XCTAssertEqual(row.count, rows.first?.count, "\(path): a row of another width: \(row)", file: file, line: line)
                for cell in row {
                    XCTAssertTrue(Self.safeCell(cell), "\(path): \(cell.debugDescription) could run as a formula", file: file, line: line)
                    cells.insert(cell)
                }
            }
        }
        for name in runNames {
            let expected = (name.first.map { "=+-@\t\r\n".contains($0) } ?? false) && !Self.isNumber(name) ? "'" + name : name
            XCTAssertTrue(cells.contains(expected), "run \(name.debugDescription) reads back as \(expected.debugDescription)", file: file, line: line)
        }
        return facts
    }

    /// OWASP's rule: no cell starts with `=`, `+`, `-`, `@`, tab, CR, LF or NUL, unless it is a plain number.
    static func safeCell(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r\n\0".unicodeScalars.contains(first) else { return true }
        return isNumber(cell)
    }

    /// A decimal number as spreadsheets read one (`-0.5`, `+1`, `1e-3`).
    static func isNumber(_ s: String) -> Bool {
        s.range(of: #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }
}

import Foundation
import NNEvents
import NNPlot
import NNReport
import NNStudies
import NNTestSupport
import XCTest

/// Runs the built nnviz executable as a user would and checks what it wrote.
final class EndToEndTests: XCTestCase {
    /// Runs the built `nnviz` as a user would and checks its exit status.
    @discardableResult
    func nnviz(_ args: [String], expectStatus: Int32 = 0) throws -> (out: String, err: String) {
        guard let exe = BuiltExecutable("nnviz") else {
            XCTFail("nnviz executable not built beside the tests: build it with the tests (`make test` does)")
            throw CocoaError(.fileNoSuchFile)
        }
        let r = try exe.run(args)
        XCTAssertEqual(r.status, expectStatus, "nnviz \(args.joined(separator: " "))\n\(r.err)")
        return (r.out, r.err)
    }

    func tempDir() -> URL { TemporaryDirectory.make("nnviz-e2e") }

    func testQuickReportHasEveryStudyFigureAndFact() throws {
        let dir = tempDir()
        let (out, _) = try nnviz(["train-and-report", "--quick", "--out", dir.path, "--quiet"])
        XCTAssertEqual(out.trimmingCharacters(in: .whitespacesAndNewlines), dir.appendingPathComponent("index.html").path)
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        let ids = ["perceptron", "boundaries", "backprop", "activations", "scaling", "vanishing", "init", "optimizers", "batchnorm", "regularization",
                   "learning-rate", "hpsearch"]
        for id in ids {
            XCTAssertTrue(html.contains("<section id=\"\(id)\">"), "study \(id) missing")
        }
        // No request to any network resource: every src and href is inline data or a relative file.
        let attr = try NSRegularExpression(pattern: #"(src|href)="([^"]*)""#)
        let ns = html as NSString
        let links = attr.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 2)) }
        XCTAssertFalse(links.isEmpty)
        for l in links {
            XCTAssertFalse(l.contains("://") || l.hasPrefix("//"), "external reference \(l)")
            if !l.hasPrefix("data:") && !l.hasPrefix("#") {
                XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(l).path), "missing file \(l)")
            }
        }
        // Every inline figure decodes and is not blank.
        let imgs = links.filter { $0.hasPrefix("data:image/png;base64,") }
        XCTAssertGreaterThanOrEqual(imgs.count, 14)
        for i in imgs {
            let data = try XCTUnwrap(Data(base64Encoded: String(i.dropFirst("data:image/png;base64,".count))))
            XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
            XCTAssertGreaterThan(data.count, 8000, "a figure that small is blank")
        }
        // The same figures as files, with their data.
        let figures = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("figures").path)
        for name in figures where name.hasSuffix(".png") {
            let base = String(name.dropLast(4))
            for ext in ["svg", "pdf"] { XCTAssertTrue(figures.contains("\(base).\(ext)"), "\(base).\(ext)") }
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("data/\(base).csv").path))
        }
        // Every fact cell holds a number (or a step / "never" for the first-below-1.0 facts).
        let factTables = html.components(separatedBy: "<table class=\"facts\">").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
        XCTAssertEqual(factTables.count, ids.count)
        let cell = try NSRegularExpression(pattern: #"<td class="num">([^<]*)</td>"#)
        var cells = 0
        for (k, t) in factTables.enumerated() {
            for m in cell.matches(in: t, range: NSRange(location: 0, length: (t as NSString).length)) {
                let v = (t as NSString).substring(with: m.range(at: 1))
                cells += 1
                if k < 5 {
                    XCTAssertTrue(v.range(of: #"^[−-]?[0-9]"#, options: .regularExpression) != nil || v == "never", "fact cell '\(v)'")
                } else {
                    // The later studies' facts are also lists and comparisons ("with batch norm 87 %, without 18 %").
                    XCTAssertFalse(v.isEmpty || v.contains("{") || v.contains("not measured") || v.lowercased().hasPrefix("nan"), "\(ids[k]): fact cell '\(v)'")
                }
            }
        }
        XCTAssertGreaterThan(cells, 30)
        // Each run's events are there and read back without warnings.
        let events = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("data").path).filter { $0.hasSuffix(".events.jsonl") }
        // + backprop and activations: 6 + 4; perceptron: 4 gates and the XOR net; boundaries: 5 data sets and 35 nets; scaling: 2;
        // the later studies': 32 batch-norm runs, 4 nets + early stopping + regression, 11 rates + 4 paths, 20 quick trials.
        XCTAssertEqual(events.count, 12 + 6 + 3 + 3 + 6 + 1 + 6 + 4 + 5 + 40 + 2 + 32 + 6 + 11 + 4 + 20)
        let (store, warnings) = try EventStore.read(paths: events.map { dir.appendingPathComponent("data/\($0)").path })
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(store.runs.count, 114 + 5 + 40 + 2)
        try checkSecondHalf(dir, html: html, store: store)
        XCTAssertEqual(store["optimizers/projection-momentum"]?.surfaces.count, 1)
        // The report says what the quick run measured: sigmoid gradients vanish, ReLU's do not.
        let sig = try XCTUnwrap(store["vanishing/sigmoid-xavier"]), relu = try XCTUnwrap(store["vanishing/relu-he"])
        XCTAssertEqual(Diagnoses.vanishing(sig).status, .fired)
        XCTAssertEqual(Diagnoses.vanishing(relu).status, .clear)
        XCTAssertTrue(html.contains("The sigmoid gradients vanish"))
        // The config written beside the report reproduces it: same seed, same events.
        let again = tempDir()
        try nnviz(["train-and-report", "--config", dir.appendingPathComponent("config.yaml").path, "--out", again.path, "--quiet"])
        for e in events {
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("data/\(e)")), try Data(contentsOf: again.appendingPathComponent("data/\(e)")), e)
        }
        for f in figures where !f.hasSuffix(".pdf") || true {
            let first = try Data(contentsOf: dir.appendingPathComponent("figures/\(f)"))
            XCTAssertEqual(first, try Data(contentsOf: again.appendingPathComponent("figures/\(f)")), f)
        }
    }

    /// The later studies' figures are there and not blank; the learning-rate sweep diverges at 10
    /// and says so, at the step it happened.
    func checkSecondHalf(_ dir: URL, html: String, store: EventStore) throws {
        let lr10 = try XCTUnwrap(store["learning-rate/lr-11"]?.end)
        XCTAssertEqual(lr10.status, "diverged")
        XCTAssertTrue(html.contains("10 (at step \(lr10.step))"), "divergence step in the findings")
        for name in ["batchnorm_grid", "batchnorm_final_accuracy", "regularization_curves", "regularization_gap", "early_stopping",
                     "regression_early_stopping", "learning_rate_loss", "learning_rate_final", "learning_rate_paths", "hpsearch_top", "hpsearch_scatter"] {
            let png = try Data(contentsOf: dir.appendingPathComponent("figures/\(name).png"))
            XCTAssertGreaterThan(png.count, 20_000, "\(name).png is not blank")
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("data/\(name).csv").path), name)
        }
    }

    /// The two worked-example studies on their own: their sections and every figure, not blank,
    /// with its data; nothing trains on MNIST.
    func testBackpropAndActivationsReport() throws {
        let dir = tempDir()
        try nnviz(["train-and-report", "--study", "backprop", "--study", "activations", "--out", dir.path, "--quiet"])
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<section id=\"backprop\">") && html.contains("<section id=\"activations\">"))
        XCTAssertFalse(html.contains("<section id=\"vanishing\">"), "only the studies asked for")
        let figures = ["backprop_forward_pass", "backprop_one_step", "backprop_graph_apples", "backprop_graph_fruit",
                       "backprop_graph_sum_product", "backprop_gradient_check", "activations_functions", "activations_softmax_overflow",
                       "activations_cross_entropy", "activations_accuracy_vs_loss"]
        for name in figures {
            XCTAssertTrue(html.contains("id=\"fig-\(name)\""), "\(name) is in the page")
            let png = try Data(contentsOf: dir.appendingPathComponent("figures/\(name).png"))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], name)
            XCTAssertGreaterThan(png.count, 20_000, "\(name).png is not blank")
            for ext in ["svg", "pdf"] { XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("figures/\(name).\(ext)").path)) }
            let csv = try String(contentsOf: dir.appendingPathComponent("data/\(name).csv"), encoding: .utf8)
            XCTAssertGreaterThan(csv.split(separator: "\n").count, 2, "\(name).csv has data")
        }
        // The report drawn again from the saved events is the same page.
        let events = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("data").path)
            .filter { $0.hasSuffix(".events.jsonl") }.sorted().map { dir.appendingPathComponent("data/\($0)").path }
        XCTAssertEqual(events.count, 10)
        let again = dir.appendingPathComponent("again")
        try nnviz(["report"] + events + ["--out", again.path])
        for name in figures {
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("data/\(name).csv")),
                           try Data(contentsOf: again.appendingPathComponent("data/\(name).csv")), name)
        }
    }

    func testReportFromAnotherEnginesEvents() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 not installed") }
        let dir = tempDir()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let events = dir.appendingPathComponent("py.jsonl").path
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/write_events.py").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [script, events]
        try p.run()
        p.waitUntilExit()
        try nnviz(["report", events, "--out", dir.appendingPathComponent("report").path])
        let html = try String(contentsOf: dir.appendingPathComponent("report/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Study: custom"))
        XCTAssertTrue(html.contains("python-logreg"))
    }

    func testBadInputGivesOneLineAndNonZeroExit() throws {
        let dir = tempDir()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cfg = dir.appendingPathComponent("bad.yaml")
        try "name: x\nseed: 3\nsteps: many\n".write(to: cfg, atomically: true, encoding: .utf8)
        var (_, err) = try nnviz(["train-and-report", "--config", cfg.path, "--out", dir.appendingPathComponent("r").path], expectStatus: 1)
        XCTAssertEqual(err.trimmingCharacters(in: .whitespacesAndNewlines), "nnviz: error: \(cfg.path):3: 'steps' must be an integer, got 'many'")
        try "name: x\nrunz: []\n".write(to: cfg, atomically: true, encoding: .utf8)
        (_, err) = try nnviz(["train-and-report", "--config", cfg.path, "--out", dir.appendingPathComponent("r").path], expectStatus: 1)
        XCTAssertTrue(err.contains("\(cfg.path):2: unknown key 'runz'"), err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r/index.html").path), "no half-written report")
        let truncated = dir.appendingPathComponent("t.jsonl")
        let lines = "{\"v\":\"1.0\",\"kind\":\"scalar\",\"run\":\"r\",\"name\":\"train/batch_loss\",\"step\":0,\"value\":1}\n{oops\n{}\n"
        try lines.write(to: truncated, atomically: true, encoding: .utf8)
        (_, err) = try nnviz(["report", truncated.path, "--out", dir.appendingPathComponent("r2").path], expectStatus: 1)
        XCTAssertEqual(err.trimmingCharacters(in: .whitespacesAndNewlines), "nnviz: error: \(truncated.path):2: malformed JSON")
        (_, err) = try nnviz(["train", "--images", "/nonexistent.idx", "--labels", "/nonexistent2.idx"], expectStatus: 1)
        XCTAssertEqual(err.trimmingCharacters(in: .whitespacesAndNewlines), "nnviz: error: /nonexistent.idx: no such file")
    }

    func testExampleConfigsRun() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
        let dir = tempDir()
        // The custom study trains its runs (capped by --quick) and reports them.
        try nnviz(["train-and-report", "--config", examples.appendingPathComponent("custom.yaml").path, "--quick", "--out", dir.path, "--quiet"])
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        for run in ["wide-relu-adam", "deep-tanh-sgd", "deep-sigmoid-batchnorm", "wide-relu-adam-regularised"] {
            XCTAssertTrue(html.contains("custom/\(run)"), run)
        }
        // batch_norm, dropout and weight_decay reach the model: its layers and settings in run_start.
        let store = EventStore()
        for run in ["deep-sigmoid-batchnorm", "wide-relu-adam-regularised"] {
            var reader = EventReader()
            for e in try reader.read(path: dir.appendingPathComponent("data/custom-\(run).events.jsonl").path) { store.add(e) }
        }
        let bn = try XCTUnwrap(store.runs.first { $0.name == "custom/deep-sigmoid-batchnorm" }?.start)
        XCTAssertEqual(bn.layers.filter { $0.kind == "batch_norm" }.count, 6)
        XCTAssertEqual(bn.layers.filter { $0.kind == "activation" }.map(\.activation), Array(repeating: "sigmoid", count: 6))
        let reg = try XCTUnwrap(store.runs.first { $0.name == "custom/wide-relu-adam-regularised" }?.start)
        XCTAssertEqual(reg.layers.filter { $0.kind == "dropout" }.count, 2)
        XCTAssertEqual(reg.optimizerSettings["weight_decay"], 0.0001)
        // An out-of-range rate is an error naming the file, line and key.
        let bad = dir.appendingPathComponent("bad-dropout.yaml")
        try "name: x\nruns:\n  - name: a\n    dropout: 1.5\n".write(to: bad, atomically: true, encoding: .utf8)
        let (_, err) = try nnviz(["train", "--config", bad.path, "--quiet"], expectStatus: 1)
        XCTAssertEqual(err.trimmingCharacters(in: .whitespacesAndNewlines), "nnviz: error: \(bad.path):4: 'dropout' must be in [0, 1), got 1.5")
        // Every built-in example parses (recorded with --quick to keep the test short).
        for name in ["perceptron", "boundaries", "backprop", "activations", "scaling", "vanishing", "init", "optimizers", "batchnorm", "regularization",
                   "learning-rate", "hpsearch"] {
            let out = dir.appendingPathComponent(name)
            try nnviz(["train", "--config", examples.appendingPathComponent("\(name).yaml").path, "--quick", "--out", out.path, "--quiet"], expectStatus: 0)
            XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        }
    }

    func testStudiesCommandListsEveryStudy() throws {
        let (out, _) = try nnviz(["studies"])
        for id in StudyRegistry.ids { XCTAssertTrue(out.contains(id)) }
    }

    func testHelpForEveryCommand() throws {
        for command in ["train-and-report", "studies", "report", "train", "gradcheck", "gallery"] {
            let (out, err) = try nnviz([command, "--help"])
            XCTAssertTrue(out.contains("USAGE: nnviz \(command)"), "\(command): \(out)")
            XCTAssertTrue(out.contains("xample"), "\(command) --help shows examples")
            XCTAssertEqual(err, "")
        }
        let (_, err) = try nnviz(["train-and-report", "--formats", "gif"], expectStatus: 64)
        XCTAssertTrue(err.contains("unknown format 'gif'"), err)
    }
}

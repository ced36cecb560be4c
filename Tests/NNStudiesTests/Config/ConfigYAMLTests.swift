import Foundation
import NNEngine
import NNStudies
import XCTest
import Yams

/// `config.yaml` written beside a report is emitted by Yams and reads back as the same config,
/// whatever the names and labels hold. (It was built by string concatenation: run names were
/// cut at `/` and labels written with raw newlines.)
final class ConfigYAMLTests: XCTestCase {
    /// Names a hostile or careless user gives: paths, markup, a spreadsheet formula, YAML's own
    /// indicators and words it would read as something else, newlines, tabs, Korean.
    static let hostile = ["..", "../../x", "x\"><svg\tonload=alert(document.domain)>", "=HYPERLINK(\"http://x\",\"y\")",
                          "two\nlines", "trailing newline\n", "a/b", "/", "key: value", "# not a comment", "- item", "-", "yes", "No",
                          "null", "~", "1e3", "0x1F", ".inf", "-.nan", "true", "2026-12-02", "'single'", "\"double\"", "  padded  ",
                          "tab\there", "back\\slash", "깊은 망: 층 2", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick`",
                          "{flow}", "[list]", "a,b", "? q", "| block", "> folded", "\u{301}combining", "bell\u{7}", "crlf\r\nx"]

    func config(name: String, run: String, label: String) throws -> StudyConfig {
        var c = try StudyConfig.parse("name: n\nruns:\n  - {name: a, hidden: [8, 4], dropout: 0.25}\n", file: "s.yaml")
        c.name = name
        c.runs[0].study = name
        c.runs[0].name = name + "/" + run
        c.runs[0].label = label
        return c
    }

    /// Every hostile string as the study's name, a run's name and a run's label: the written
    /// config is valid YAML, reads back to the same strings, and writes the same text again.
    func testHostileNamesAndLabelsReadBack() throws {
        for s in Self.hostile {
            let c = try config(name: s, run: s, label: s + " label")
            let text = c.yaml
            XCTAssertNotNil(try Yams.compose(yaml: text), "valid YAML for \(s.debugDescription)")
            let again = try StudyConfig.parse(text, file: "config.yaml")
            XCTAssertEqual(again.name, s, text)
            XCTAssertEqual(again.runs.map(\.name), [s + "/" + s], text)
            XCTAssertEqual(again.runs.map(\.label), [s + " label"], text)
            XCTAssertEqual(again.yaml, text, "written the same way twice: \(s.debugDescription)")
        }
    }

    /// A label equal to the run's name is left out (the name is its default), and still reads back.
    func testDefaultLabelIsLeftOut() throws {
        let c = try config(name: "s", run: "a/b", label: "a/b")
        XCTAssertFalse(c.yaml.contains("label:"), c.yaml)
        XCTAssertEqual(try StudyConfig.parse(c.yaml, file: "config.yaml").runs.map(\.label), ["a/b"])
    }

    /// Every key a config may hold comes back with its value, the top level's and a run's.
    func testEveryKeyReadsBack() throws {
        let c = try StudyConfig.parse("""
            name: all keys
            seed: 7
            quick: true
            studies: [vanishing, init]
            repeats: 3
            steps: 40
            epochs: 2
            batch_size: 16
            learning_rate: 0.05
            hidden: [32, 16]
            language: ko
            data: {images: "im ages.gz", labels: "lab: els.gz"}
            record: {stats_every: 2, histograms_every: 0}
            runs:
              - name: r
                label: "R: one"
                hidden: [8]
                activation: leaky_relu
                initializer: std=0.05
                optimizer: adam
                learning_rate: 0.001
                batch_size: 32
                seed: 9
                batch_norm: true
                batch_norm_momentum: 0.9
                batch_norm_epsilon: 1e-6
                dropout: 0.1
                weight_decay: 0.0001
                dataset: friedman1
                loss: mse
                train_samples: 300
                validation_samples: 100
                train_eval_samples: 50
                epochs: 4
                shuffle: true
                early_stopping: {monitor: loss, patience: 2, min_delta: 0.01, restore_best_weights: true}
            """, file: "all.yaml")
        let a = try StudyConfig.parse(c.yaml, file: "config.yaml")
        XCTAssertEqual(a.yaml, c.yaml)
        XCTAssertEqual([a.name, a.images, a.labels, a.language.code], [c.name, "im ages.gz", "lab: els.gz", "ko"])
        XCTAssertEqual([a.seed], [7])
        XCTAssertEqual([a.quick], [true])
        XCTAssertEqual(a.studies.map(\.id), ["vanishing", "init"])
        XCTAssertEqual([a.repeats, a.settings.steps, a.settings.epochs, a.settings.batchSize], [3, 40, 2, 16])
        XCTAssertEqual(a.settings.learningRate, 0.05)
        XCTAssertEqual(a.settings.hidden, [32, 16])
        XCTAssertEqual([a.record?.statsEvery, a.record?.histogramsEvery], [2, 0])
        let (r, s) = (try XCTUnwrap(a.runs.first), try XCTUnwrap(c.runs.first))
        XCTAssertEqual([r.name, r.label, "\(r.activation)", "\(r.initializer)", r.optimizer.rawValue, r.data.rawValue, r.loss.rawValue],
                       ["all keys/r", "R: one", "leaky_relu(0.01)", "std=0.05", "adam", "friedman1", "mse"])
        XCTAssertEqual([r.learningRate, r.batchNormMomentum, r.batchNormEpsilon, r.dropout, r.weightDecay], [0.001, 0.9, 1e-6, 0.1, 0.0001])
        XCTAssertEqual([r.hidden, [r.batchSize], [r.trainSamples, r.validationSamples, r.trainEvaluationSamples, r.epochs].compactMap { $0 }],
                       [[8], [32], [300, 100, 50, 4]])
        XCTAssertEqual([r.batchNorm, r.shuffle, r.earlyStopping?.restoreBestWeights], [true, true, true])
        XCTAssertEqual(r.seed, 9)
        XCTAssertEqual([r.earlyStopping?.monitor, "\(r.earlyStopping?.patience ?? -1)", "\(r.earlyStopping?.minDelta ?? -1)"], ["loss", "2", "0.01"])
        XCTAssertEqual(r.steps, s.steps)
    }

    /// The written config keeps its shape: the header, keys in the schema's order, lists on one
    /// line, readable Korean.
    func testWrittenConfigIsReadable() throws {
        let c = try StudyConfig.parse("name: 깊은 망\nseed: 3\nruns:\n  - {name: a, hidden: [8, 4], dropout: 0.25, label: 기준}\n", file: "s.yaml")
        let lines = c.yaml.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("# nnviz study config:"), lines[0])
        XCTAssertEqual(Array(lines[1...4]), ["name: 깊은 망", "seed: 3", "quick: false", "studies: []"])
        XCTAssertTrue(lines.contains("  hidden: [8, 4]"), c.yaml)
        XCTAssertTrue(lines.contains("  label: 기준"), c.yaml)
    }
}

import Foundation
import NNTestSupport
import XCTest

/// The perceptron, boundaries and scaling studies run from the command line: every section and
/// figure is written, no figure is blank, and the sentences of "what this run measured" state
/// numbers read back from the report's own CSV files.
final class LessonStudiesEndToEndTests: XCTestCase {
    static let figures = [
        "perceptron": ["perceptron_gate_lines", "perceptron_mistakes", "perceptron_weights", "perceptron_xor_net", "perceptron_xor_loss"],
        "boundaries": ["boundaries_data", "boundaries_circle", "boundaries_xor", "boundaries_gauss", "boundaries_spiral", "boundaries_moons",
                       "boundaries_accuracy", "boundaries_loss"],
        "scaling": ["scaling_paths", "scaling_loss"],
    ]

    func testTheLessonStudiesWriteTheirSectionsAndFigures() throws {
        let exe = try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests (`make test` does)")
        let dir = TemporaryDirectory.make("nnviz-lessons")
        let r = try exe.run(["train-and-report", "--study", "perceptron", "--study", "boundaries", "--study", "scaling", "--out", dir.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        let report = try ReportFiles(dir)
        for (study, names) in Self.figures {
            XCTAssertTrue(report.html.contains("<section id=\"\(study)\">"), study)
            XCTAssertFalse(report.findings(study).isEmpty, "\(study) states what the run measured")
            for name in names {
                for ext in ["png", "svg", "pdf"] {
                    XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("figures/\(name).\(ext)").path), "\(name).\(ext)")
                }
                let png = try Data(contentsOf: dir.appendingPathComponent("figures/\(name).png"))
                XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
                XCTAssertGreaterThan(png.count, 20_000, "\(name).png is that small only when blank")
                XCTAssertGreaterThan(try report.csv(name).count, 3, "\(name).csv has its numbers")
            }
        }
        try readBack(report)
    }

    /// Numbers of the findings recomputed from the CSV files.
    func readBack(_ report: ReportFiles) throws {
        func pct(_ v: Double) -> String { FindingsReadbackTests.three(v * 100) }
        // Perceptron: XOR's epochs and best accuracy from the mistakes table.
        let xor = try report.csv("perceptron_mistakes").filter { $0["gate"] == "XOR" }
        let best = xor.compactMap { Double($0["accuracy_after"] ?? "") }.max() ?? .nan
        let perceptron = report.findings("perceptron").joined(separator: "\n")
        XCTAssertTrue(perceptron.contains("every one of the \(xor.count) epochs"), perceptron)
        XCTAssertTrue(perceptron.contains("\(pct(best)) %"), perceptron)
        XCTAssertLessThan(best, 1)
        // Boundaries: the straight line's accuracy on circle and xor, from the accuracy table.
        let accuracy = try report.csv("boundaries_accuracy")
        func acc(_ set: String, _ net: String) -> Double { Double(accuracy.first { $0["set"] == set && $0["net"] == net }?["test_accuracy"] ?? "") ?? .nan }
        let boundaries = report.findings("boundaries").joined(separator: "\n")
        for set in ["circle", "xor"] { XCTAssertTrue(boundaries.contains("\(pct(acc(set, "depth-0"))) % on \(set)"), boundaries) }
        // Scaling: steps to within 1 %, from the distance curve.
        let loss = try report.csv("scaling_loss")
        func steps(_ run: String) -> String {
            loss.first { $0["run"] == run && (Double($0["largest_relative_weight_error"] ?? "") ?? 1) <= 0.01 }?["step"] ?? "?"
        }
        let scaling = report.findings("scaling").joined(separator: "\n")
        XCTAssertTrue(scaling.contains("took \(steps("scaling/raw")) steps"), scaling)
        XCTAssertTrue(scaling.contains("took \(steps("scaling/standardised")) steps"), scaling)
    }
}

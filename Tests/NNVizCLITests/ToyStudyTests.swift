import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport
import NNStudies
import NNTestSupport
import NNVizCLI
import XCTest

/// A study that exists only in this test target: two tiny runs and a section with one figure.
/// Registering it is all it takes for the command line and the report to pick it up.
struct ToyStudy: Study {
    let id = "toy"
    let eventStudies = ["toy-training"]
    let summary = "a fixture study registered by the tests: two 784-8-10 nets, 20 steps"

    func runs(_ s: StudySettings) -> [RunSpec] {
        [Activation.relu, .tanh].map { act in
            RunSpec(name: "toy/\(act)", study: "toy-training", label: "\(act)", hidden: [8], activation: act, initializer: .bookHe,
                    optimizer: .sgd, learningRate: 0.05, steps: 20, batchSize: 16, seed: s.seed, plan: .scalarsOnly, evaluateEvery: 10)
        }
    }

    func section(_ byStudy: [String: [EventStore.Run]]) throws -> Section {
        let runs = byStudy["toy-training"] ?? []
        let loss = LossCurves(title: "Toy loss", name: "toy_loss", caption: "The toy study's batch losses.")
        return Section(id: id, title: "Toy study", intro: "A study defined in a test.", findings: [],
                       figures: [loss.figure(runs, labels: runs.map(\.shortName))],
                       facts: runs.map { Fact("\($0.name): final batch loss", $0.finalBatchLoss()) }, diagnoses: [], settings: SettingsTable.rows(runs))
    }
}

final class ToyStudyTests: XCTestCase {
    func testARegisteredStudyIsListedRunAndReported() throws {
        StudyRegistry.register(ToyStudy())
        let listing = try StandardOutput.capture { try NNViz.run(["studies"]) }
        XCTAssertTrue(listing.contains("toy"), listing)
        XCTAssertTrue(listing.contains("a fixture study registered by the tests"), listing)

        let dir = TemporaryDirectory.make("nnviz-toy")
        let printed = try StandardOutput.capture { try NNViz.run(["train-and-report", "--study", "toy", "--out", dir.path, "--quiet"]) }
        XCTAssertEqual(printed.trimmingCharacters(in: .whitespacesAndNewlines), dir.appendingPathComponent("index.html").path)
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<section id=\"toy\">"))
        XCTAssertFalse(html.contains("<section id=\"vanishing\">"), "only the asked-for study runs")
        let png = try Data(contentsOf: dir.appendingPathComponent("figures/toy_loss.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let csv = try String(contentsOf: dir.appendingPathComponent("data/toy_loss.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 2 * 20, "a header and 20 steps of 2 runs")
        // The config written beside the report names the study and runs it again.
        let config = try StudyConfig.load(path: dir.appendingPathComponent("config.yaml").path)
        XCTAssertEqual(config.studies.map(\.id), ["toy"])
    }
}

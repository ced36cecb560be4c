import Foundation
import NNEvents
import NNPlot
import NNReport
import NNStudies
import NNTestSupport
import XCTest

/// Every built-in study's section, drawn from the small event files in `Tests/Fixtures/events`
/// (made by `studies.yaml` beside them): no training here.
final class StudySectionTests: XCTestCase {
    static func fixtureStore() throws -> EventStore {
        let dir = Fixtures.url("events")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".events.jsonl") }.sorted()
        let (store, warnings) = try EventStore.read(paths: files.map { dir.appendingPathComponent($0).path })
        XCTAssertEqual(warnings, [])
        return store
    }

    func testEveryBuiltInStudyDrawsItsSectionFromEvents() throws {
        let sections = try StudyRegistry.sections(Self.fixtureStore())
        XCTAssertEqual(sections.map(\.id), ["perceptron", "boundaries", "backprop", "activations", "scaling", "vanishing", "init", "optimizers",
                                            "batchnorm", "regularization", "learning-rate", "hpsearch"])
        let expected = ["vanishing": 5, "init": 6, "optimizers": 4, "backprop": 6, "activations": 4, "perceptron": 5, "boundaries": 8, "scaling": 2,
                        "batchnorm": 2, "regularization": 4, "learning-rate": 3, "hpsearch": 2]
        for s in sections {
            XCTAssertEqual(s.figures.count, expected[s.id], "\(s.id): \(s.figures.map(\.name))")
            XCTAssertFalse(s.title.isEmpty)
            XCTAssertFalse(s.intro.contains("{"), "\(s.id): unfilled placeholder in the intro")
            XCTAssertFalse(s.findings.isEmpty, "\(s.id) has findings")
            for f in s.findings { XCTAssertFalse(f.contains("{") || f.contains("}"), "\(s.id): unfilled placeholder: \(f)") }
            XCTAssertFalse(s.facts.isEmpty)
            XCTAssertGreaterThan(s.settings.count, 1, "\(s.id) has a settings row per training run")
            for f in s.figures {
                XCTAssertGreaterThan(f.csv.split(separator: "\n").count, 1, "\(f.name) has data rows")
                XCTAssertNotNil(f.figure.title ?? f.figure.axes.first?.title, "\(f.name) is titled")
                XCTAssertFalse(f.caption.isEmpty)
                let image = try f.figure.rasterize(dpi: 36)
                XCTAssertGreaterThan(image.inkFraction, 0.02, "\(f.name) is not blank")
            }
        }
    }

    /// The vanishing study's finding states the ratios its facts hold.
    func testFindingsQuoteTheFacts() throws {
        let store = try Self.fixtureStore()
        let section = try XCTUnwrap(try StudyRegistry.sections(store).first { $0.id == "vanishing" })
        let sigmoid = try XCTUnwrap(section.facts.first { $0.label.hasPrefix("vanishing/sigmoid-xavier: same ratio") }?.value)
        XCTAssertTrue(section.findings[0].contains(formatNumber(sigmoid, significant: 2)), section.findings[0])
    }

    /// Runs of a study no built-in claims fall back to the generic section.
    func testUnclaimedRunsGetTheGenericSection() throws {
        let store = EventStore()
        store.add(.runStart(RunStart(run: "mine/a", study: "mine", seed: 1, layers: [], parameterCount: 0, optimizer: "sgd",
                                     optimizerSettings: [:], loss: "mse", dataset: "d", splits: [:], batchSize: 1, producer: "test")))
        for step in 0..<5 { store.add(.scalar(ScalarEvent(run: "mine/a", name: "train/batch_loss", step: step, value: 1 / Double(step + 1)))) }
        let sections = try StudyRegistry.sections(store)
        XCTAssertEqual(sections.map(\.id), ["mine"])
        XCTAssertEqual(sections[0].figures.map(\.name), ["mine_loss"])
    }

    func testEveryStudysProseHasItsHeadings() throws {
        for study in StudyRegistry.builtIn {
            XCTAssertNotEqual(study.summary, study.id, "\(study.id) has a summary in its prose")
        }
    }
}

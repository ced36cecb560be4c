import Foundation
import NNEvents
import NNPlot
import NNReport
import NNStudies
import NNTestSupport
import XCTest

/// The second half of the course (batch norm, regularisation, learning rate, hyper-parameter
/// search), drawn from the fixture events: what each figure shows and what the facts say.
final class SecondHalfSectionTests: XCTestCase {
    func section(_ id: String, _ store: EventStore? = nil) throws -> Section {
        let sections = try StudyRegistry.sections(try store ?? StudySectionTests.fixtureStore())
        return try XCTUnwrap(sections.first { $0.id == id }, "\(id) has a section")
    }

    func figure(_ s: Section, _ name: String) throws -> Figure { try XCTUnwrap(s.figures.first { $0.name == name }?.figure, name) }

    /// Marks that carry a legend label, over all panels.
    func labelled(_ a: Axes) -> Int {
        a.marks.filter {
            switch $0 {
            case .line(let m): m.label != nil
            case .scatter(let m): m.label != nil
            case .band(let m): m.label != nil
            case .path(let m): m.label != nil
            default: false
            }
        }.count
    }

    func testEveryFactIsFilledAndNoPlaceholderIsLeft() throws {
        for id in ["batchnorm", "regularization", "learning-rate", "hpsearch"] {
            let s = try section(id)
            XCTAssertFalse(s.facts.isEmpty, id)
            for f in s.facts {
                XCTAssertFalse(f.text.isEmpty || f.text.contains("{") || f.text.contains("not measured") || f.text.lowercased().hasPrefix("nan"),
                               "\(id): \(f.label) = '\(f.text)'")
                XCTAssertFalse(f.label.contains("{"), f.label)
            }
            for text in s.findings + s.figures.map(\.caption) + s.notes { XCTAssertFalse(text.contains("{") || text.contains("}"), "\(id): \(text)") }
        }
    }

    func testBatchNormGridHasSixteenTitledPanelsSharedAxesAndOneLegend() throws {
        let s = try section("batchnorm")
        let grid = try figure(s, "batchnorm_grid")
        XCTAssertEqual(grid.axes.count, 16)
        XCTAssertEqual([grid.rows, grid.columns], [4, 4])
        XCTAssertTrue(grid.sharedX && grid.sharedY)
        XCTAssertEqual(grid.axes.first?.title, "weight std 1.0")
        XCTAssertEqual(grid.axes.last?.title, "weight std 1.0×10⁻⁴")
        XCTAssertEqual(grid.axes.filter { $0.legend && labelled($0) > 0 }.count, 1, "one legend for the grid")
        let summary = try figure(s, "batchnorm_final_accuracy")
        XCTAssertEqual(summary.axes[0].xScale, .log)
        // The verdicts cover every scale once.
        let counts = s.facts.prefix(3).compactMap(\.value)
        XCTAssertEqual(counts.count, 3)
        XCTAssertEqual(counts.reduce(0, +) + (s.facts.first { $0.label.contains("differs between seeds") }?.value ?? 0), 16)
        XCTAssertEqual(s.diagnoses.count, 16)
        XCTAssertTrue(s.diagnoses.allSatisfy { $0.results.first?.name == "batch-norm rescue" })
    }

    func testRegularizationComparesTheFourNetsAndMarksEarlyStopping() throws {
        let s = try section("regularization")
        let curves = try figure(s, "regularization_curves")
        XCTAssertEqual(curves.axes.map(\.title), ["no regularisation", "weight decay λ = 0.1", "dropout 0.15", "dropout 0.2"])
        XCTAssertTrue(curves.sharedX && curves.sharedY)
        let stop = try figure(s, "early_stopping")
        let legend = stop.axes.flatMap(\.marks).compactMap { if case .line(let m) = $0 { m.label } else { nil } }
        XCTAssertTrue(legend.contains { $0.hasPrefix("weights kept: epoch") }, "\(legend)")
        XCTAssertTrue(legend.contains { $0.hasPrefix("stopped after epoch") }, "\(legend)")
        for label in ["early stopping: test accuracy of the kept weights", "early stopping: test accuracy of the weights it stopped with",
                      "regression example: test MSE", "no regularisation: training − validation gap at the end"] {
            XCTAssertNotNil(s.facts.first { $0.label == label }, label)
        }
        XCTAssertTrue(s.facts.contains { $0.text.hasPrefix("friedman1 (2000 samples") }, "the generated data set is stated")
        XCTAssertTrue(s.diagnoses.contains { $0.results.contains { $0.name == "overfitting (train − validation gap)" } })
    }

    /// A run that diverged is crossed where it happened, and counted as such in the facts.
    func testLearningRateMarksDivergenceAtItsStep() throws {
        // The fixture's small net survives lr 10 for its 10 steps; its run ends here as a diverging one does.
        let fresh = EventStore()
        let path = Fixtures.url("events").path
        let files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".events.jsonl") }.sorted()
        var reader = EventReader()
        for f in files {
            for e in try reader.read(path: "\(path)/\(f)") {
                if case .runEnd(let end) = e, end.run == "learning-rate/lr-11" {
                    fresh.add(.runEnd(RunEnd(run: end.run, status: "diverged", step: 3, epoch: 0, quantity: "loss")))
                } else { fresh.add(e) }
            }
        }
        let s = try section("learning-rate", fresh)
        let loss = try figure(s, "learning_rate_loss")
        let crosses = loss.axes[0].marks.compactMap { if case .scatter(let m) = $0, m.marker == .cross { m } else { nil } }
        XCTAssertEqual(crosses.map(\.x), [[3]])
        XCTAssertEqual(try XCTUnwrap(s.facts.first { $0.label == "learning rates that diverged" }).text, "10 (at step 3)")
        XCTAssertTrue(s.findings[0].contains("10 (at step 3) diverged"), s.findings[0])
        let finals = try figure(s, "learning_rate_final")
        XCTAssertEqual(finals.axes.map(\.xScale), [.log, .log])
        XCTAssertEqual(try figure(s, "learning_rate_paths").axes.count, 4)
    }

    func testHPSearchRanksTrialsByValidationAccuracy() throws {
        let s = try section("hpsearch")
        let top = try figure(s, "hpsearch_top")
        XCTAssertEqual(top.axes.count, 20)
        XCTAssertTrue(top.axes[0].title?.hasPrefix("#1 (") == true, top.axes[0].title ?? "")
        XCTAssertTrue(top.axes.allSatisfy { $0.title?.contains("lr ") == true && $0.title?.contains("wd ") == true })
        XCTAssertEqual(top.axes.filter { $0.legend && labelled($0) > 0 }.count, 1)
        let csv = try XCTUnwrap(s.figures.first { $0.name == "hpsearch_scatter" }?.csv).split(separator: "\n").dropFirst()
        let scores = csv.map { Double($0.split(separator: ",").last ?? "") ?? .nan }
        XCTAssertEqual(scores, scores.sorted(by: >), "ranked best first")
        let scatter = try figure(s, "hpsearch_scatter")
        XCTAssertEqual(scatter.axes[0].xScale, .log)
        XCTAssertEqual(scatter.axes[0].yScale, .log)
        XCTAssertNotNil(s.facts.first { $0.label.hasPrefix("the best trial's test accuracy") })
    }

    /// Runs repeated with another seed: mean lines with bands, facts with the spread.
    func testRepeatsDrawBandsAndStateTheSpread() throws {
        let path = Fixtures.url("events").path
        let store = EventStore()
        var reader = EventReader()
        for f in try FileManager.default.contentsOfDirectory(atPath: path).filter({ $0.hasPrefix("regularization-") }).sorted() {
            for e in try reader.read(path: "\(path)/\(f)") {
                store.add(e)
                if let copy = Self.renamed(e, suffix: "@seed8") { store.add(copy) }
            }
        }
        let s = try section("regularization", store)
        let curves = try figure(s, "regularization_curves")
        XCTAssertTrue(curves.axes[0].marks.contains { if case .band = $0 { true } else { false } }, "a band per curve")
        XCTAssertTrue(s.figures[0].caption.contains("2 seeds"))
        let final = try XCTUnwrap(s.facts.first { $0.label == "no regularisation: final accuracy" })
        XCTAssertTrue(final.text.contains("over 2 seeds"), final.text)
        XCTAssertEqual(s.settings.count, 5, "settings list each net once")
    }

    /// The same event under another run name (accuracies 1 point higher, as another seed might give).
    static func renamed(_ e: Event, suffix: String) -> Event? {
        switch e {
        case .runStart(var v): v.run += suffix; return .runStart(v)
        case .scalar(var v):
            v.run += suffix
            if v.name.hasSuffix("accuracy") { v.value += 0.01 }
            return .scalar(v)
        case .runEnd(var v): v.run += suffix; return .runEnd(v)
        default: return nil
        }
    }
}

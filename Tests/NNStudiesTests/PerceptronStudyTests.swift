import Foundation
import NNEngine
import NNEvents
import NNReport
import NNStudies
import XCTest

/// The perceptron study's section (from the fixture events, seed 7) against outside oracles: the
/// notes' hand-set gates (`shared/golden/worked-examples.md` §1), the fact that no line computes
/// XOR (checked by brute force here), the notes' XOR = AND(NAND, OR), and the engine's own rule.
final class PerceptronStudyTests: XCTestCase {
    /// worked-examples.md §1: step unit y = 1 if w·x + b > 0; (w1, w2, b) and the outputs for 00, 01, 10, 11.
    static let golden: [(gate: String, w: [Double], table: [Int])] = [
        ("AND", [0.5, 0.5, -0.7], [0, 0, 0, 1]), ("NAND", [-0.5, -0.5, 0.7], [1, 1, 1, 0]), ("OR", [0.5, 0.5, -0.4], [0, 1, 1, 1]),
    ]
    static let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]

    func testTheNotesWeightsGiveTheirTruthTablesInTheReport() throws {
        let section = try LessonSections.section("perceptron")
        let rows = try LessonSections.csv(section, "perceptron_weights")
        for g in Self.golden {
            let notes = try XCTUnwrap(rows.first { $0["gate"] == g.gate && $0["source"] == "notes" }, g.gate)
            XCTAssertEqual(["w1", "w2", "b"].compactMap { notes[$0].flatMap(Double.init) }, g.w, g.gate)
            XCTAssertEqual(notes["theta"].flatMap(Double.init), -g.w[2], "\(g.gate): θ = −b")
            XCTAssertEqual(["out_00", "out_01", "out_10", "out_11"].compactMap { notes[$0].flatMap(Int.init) }, g.table, g.gate)
            // The oracle's own arithmetic: the step unit with these weights.
            XCTAssertEqual(Self.inputs.map { g.w[0] * $0[0] + g.w[1] * $0[1] + g.w[2] > 0 ? 1 : 0 }, g.table)
            // The rule learned other weights with the same outputs.
            let learned = try XCTUnwrap(rows.first { $0["gate"] == g.gate && $0["source"] == "learned" }, g.gate)
            XCTAssertEqual(["out_00", "out_01", "out_10", "out_11"].compactMap { learned[$0].flatMap(Int.init) }, g.table, "\(g.gate) learned")
            let text = g.table.map(String.init).joined(separator: ", ")
            XCTAssertEqual(try LessonSections.fact(section, "\(g.gate): outputs of the notes' weights for (0,0), (0,1), (1,0), (1,1)").text, text)
            XCTAssertEqual(try LessonSections.fact(section, "\(g.gate): outputs of the learned weights for (0,0), (0,1), (1,0), (1,1)").text, text)
        }
    }

    func testNoPerceptronComputesXOR() throws {
        // Brute force over (w1, w2, b) in [−2, 2]³ in steps of 0.05: no step unit gives 0, 1, 1, 0.
        let grid = stride(from: -2.0, through: 2.0, by: 0.05).map { $0 }
        var found = 0
        for w1 in grid { for w2 in grid { for b in grid where Self.inputs.map({ w1 * $0[0] + w2 * $0[1] + b > 0 ? 1 : 0 }) == [0, 1, 1, 0] { found += 1 } } }
        XCTAssertEqual(found, 0)
        // The report: a mistake in every one of the epochs tried, best accuracy below 100 %.
        let section = try LessonSections.section("perceptron")
        let xor = try LessonSections.csv(section, "perceptron_mistakes").filter { $0["gate"] == "XOR" }
        XCTAssertEqual(xor.count, PerceptronRuns.maxEpochs)
        XCTAssertTrue(xor.allSatisfy { (Int($0["mistakes"] ?? "") ?? 0) > 0 }, "XOR had a pass without mistakes")
        XCTAssertEqual(try LessonSections.fact(section, "XOR: epochs tried, none without a mistake").value, Double(PerceptronRuns.maxEpochs))
        XCTAssertLessThan(try XCTUnwrap(try LessonSections.fact(section, "XOR: best accuracy after any epoch").value), 1)
        XCTAssertTrue(section.findings.contains { $0.hasPrefix("XOR: the perceptron made at least one mistake in every one of the 50 epochs") },
                      section.findings.joined(separator: "\n"))
    }

    func testTheTwoLayerNetSolvesXORAndTheNotesBuildItFromNANDAndOR() throws {
        let section = try LessonSections.section("perceptron")
        let net = try XCTUnwrap(section.facts.last { $0.label.hasSuffix(": accuracy on the four XOR inputs") })
        XCTAssertEqual(net.value, 1)
        let rows = try LessonSections.csv(section, "perceptron_xor_net")
        let xor = [0, 1, 1, 0], nand = Self.golden[1].table, or = Self.golden[2].table
        for source in ["notes", "trained"] {
            let r = rows.filter { $0["net"] == source }
            XCTAssertEqual(r.count, 4, source)
            XCTAssertEqual(r.map { (Double($0["output"] ?? "") ?? .nan) > 0.5 ? 1 : 0 }, xor, "\(source) net computes XOR")
        }
        // The notes' construction: s1 = NAND(x), s2 = OR(x), y = AND(s1, s2).
        let notes = rows.filter { $0["net"] == "notes" }
        XCTAssertEqual(notes.map { Int(Double($0["h1"] ?? "") ?? -1) }, nand)
        XCTAssertEqual(notes.map { Int(Double($0["h2"] ?? "") ?? -1) }, or)
        XCTAssertEqual(zip(nand, or).map { $0 == 1 && $1 == 1 ? 1 : 0 }, xor)
    }

    func testTheRecordedEpochsAreTheEnginesRule() throws {
        // The study steps the engine's rule one input at a time; Perceptron.train from the same start must stop after the same pass.
        let store = try StudySectionTests.fixtureStore()
        for gate in [LogicGate.and, .or, .nand] {
            let run = try XCTUnwrap(store[PerceptronRuns.run(gate)])
            let start = ["w1", "w2", "b"].compactMap { run.values("perceptron/\($0)").first }
            var p = Perceptron(weights: [start[0], start[1]], bias: start[2])
            let result = p.train(inputs: Self.inputs, targets: gate.outputs, learningRate: PerceptronRuns.learningRate, epochs: PerceptronRuns.maxEpochs)
            XCTAssertTrue(result.converged)
            let mistakes = run.values("perceptron/mistakes")
            XCTAssertEqual(mistakes.firstIndex(of: 0).map { $0 + 1 }, result.epochs, "\(gate)")
            XCTAssertEqual(run.values("perceptron/w1").last ?? .nan, p.weights[0], accuracy: 1e-9)
            XCTAssertEqual(run.values("perceptron/b").last ?? .nan, p.bias, accuracy: 1e-9)
        }
    }
}

import Foundation
import NNEvents
import NNPlot
import NNReport
import NNStudies
import XCTest

/// The numbers of `shared/golden/worked-examples.md`, read back from what the backprop and
/// activations sections publish (each figure's CSV, and the text drawn in the figure), drawn from
/// the fixture events: the engine computed them, the events carried them, the section shows them.
final class WorkedExampleSectionTests: XCTestCase {
    nonisolated(unsafe) static let sections: [Section] = (try? StudyRegistry.sections(StudySectionTests.fixtureStore())) ?? []

    func figure(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> FigureOutput {
        try XCTUnwrap(Self.sections.flatMap(\.figures).first { $0.name == name }, "no figure \(name)", file: file, line: line)
    }

    /// The CSV's rows as fields (quoted fields may hold commas).
    static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").dropFirst().map { line in
            var fields: [String] = [], field = "", quoted = false
            for ch in line {
                if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { fields.append(field); field = "" } else { field.append(ch) }
            }
            return fields + [field]
        }
    }

    /// `quantity,value` CSVs as a dictionary.
    func values(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Double] {
        Dictionary(Self.rows(try figure(name, file: file, line: line).csv).map { ($0[0], Double($0[1]) ?? .nan) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every text the figure draws.
    func drawnTexts(_ name: String) throws -> [String] { try figure(name).figure.layout().compactMap(\.text) }

    func assertValues(_ v: [String: Double], _ expected: [String: Double], accuracy: Double = 1e-6, file: StaticString = #filePath, line: UInt = #line) {
        for (key, want) in expected.sorted(by: { $0.key < $1.key }) {
            guard let got = v[key] else { XCTFail("\(key) missing from the CSV", file: file, line: line); continue }
            XCTAssertEqual(got, want, accuracy: accuracy, key, file: file, line: line)
        }
    }

    /// Each literal appears in some text the figure draws (the notes' digits, as shown).
    func assertShown(_ literals: [String], in name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let texts = try drawnTexts(name)
        for l in literals { XCTAssertTrue(texts.contains { $0.contains(l) }, "\(name) does not show \(l)", file: file, line: line) }
    }

    // §2 Three-layer forward pass.
    func testForwardPassNumbers() throws {
        assertValues(try values("backprop_forward_pass"), [
            "A1[1]": 0.3, "A1[2]": 0.7, "A1[3]": 1.1,
            "Z1[1]": 0.5744425168, "Z1[2]": 0.6681877722, "Z1[3]": 0.7502601056,
            "A2[1]": 0.5161598378, "A2[2]": 1.2140269562, "Z2[1]": 0.6262493704, "Z2[2]": 0.7710106969,
            "Y[1]": 0.3168270764, "Y[2]": 0.6962790899,
        ])
        try assertShown(["0.5744425168", "0.6681877722", "0.7502601056", "0.5161598378", "1.2140269562", "0.6262493704", "0.7710106969",
                         "0.3168270764", "0.6962790899", "= 0.3", "= 0.7", "= 1.1"], in: "backprop_forward_pass")
    }

    // §3 Backprop by hand: 2-2-2 sigmoid net, lr 0.5.
    func testBackpropStepNumbers() throws {
        let gradients = [0.00080888, 0.00161775, 0.00071009, 0.00142017, 0.02592286, 0.02629590, 0.00740844, 0.00751506]
        // The file gives w1..w5 after the step; w6..w8 follow from its gradients: w − 0.5 ∂E/∂w (0.4 − 0.5 × 0.02629590 = 0.38685205).
        let after = [0.29959556, 0.24919112, 0.39964496, 0.34928991, 0.43703857, 0.38685205, 0.69629578, 0.59624247]
        var expected: [String: Double] = ["z1": 0.08, "z2": 0.11, "h1": 0.51998934, "h2": 0.52747230, "o1": 0.60944600, "o2": 0.66384491,
                                          "E": 0.02397190]
        for k in 0..<8 {
            expected["dE/dw\(k + 1)"] = gradients[k]
            expected["w\(k + 1) after one step"] = after[k]
        }
        assertValues(try values("backprop_one_step"), expected)
        try assertShown(["0.51998934", "0.52747230", "0.60944600", "0.66384491", "0.02397190"]
                        + gradients.map { String(format: "%.8f", $0) } + after.map { String(format: "%.8f", $0) }, in: "backprop_one_step")
    }

    // §4 Computational graphs: totals and derivatives.
    func testGraphNumbers() throws {
        func graph(_ name: String) throws -> [String: (value: Double, gradient: Double)] {
            Dictionary(Self.rows(try figure(name).csv).map { ($0[2], (Double($0[3]) ?? .nan, Double($0[4]) ?? .nan)) }, uniquingKeysWith: { a, _ in a })
        }
        let apples = try graph("backprop_graph_apples")
        XCTAssertEqual(apples["total"]?.value ?? .nan, 220, accuracy: 1e-6)
        XCTAssertEqual(apples["apple_price"]?.gradient ?? .nan, 2.2, accuracy: 1e-6)
        XCTAssertEqual(apples["apple_count"]?.gradient ?? .nan, 110, accuracy: 1e-6)
        XCTAssertEqual(apples["tax"]?.gradient ?? .nan, 200, accuracy: 1e-6)
        let fruit = try graph("backprop_graph_fruit")
        XCTAssertEqual(fruit["total"]?.value ?? .nan, 715, accuracy: 1e-6)
        XCTAssertEqual(fruit["apple_price"]?.gradient ?? .nan, 2.2, accuracy: 1e-6)
        XCTAssertEqual(fruit["mandarin_price"]?.gradient ?? .nan, 3.3, accuracy: 1e-6)
        XCTAssertEqual(fruit["tax"]?.gradient ?? .nan, 650, accuracy: 1e-6)
        let sum = try graph("backprop_graph_sum_product")
        XCTAssertEqual(sum["e"]?.value ?? .nan, 6, accuracy: 1e-6)
        XCTAssertEqual(sum["a"]?.gradient ?? .nan, 2, accuracy: 1e-6)
        XCTAssertEqual(sum["b (both branches)"]?.gradient ?? .nan, 5, accuracy: 1e-6)
        try assertShown(["220", "2.2", "110", "200"], in: "backprop_graph_apples")
        try assertShown(["715", "2.2", "3.3", "650"], in: "backprop_graph_fruit")
        try assertShown(["6", "∂e/∂b = 2 + 3 = 5"], in: "backprop_graph_sum_product")
    }

    // §5 Softmax: the maximum subtracted gives the notes' values; the naive formula overflows.
    func testSoftmaxNumbers() throws {
        let rows = Self.rows(try figure("activations_softmax_overflow").csv).filter { $0[0] != "sum" }
        XCTAssertEqual(rows.map { $0[1] }, ["1010.0", "1000.0", "990.0"])
        let stable = rows.map { Double($0[6]) ?? .nan }
        let expected = [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]
        for (got, want) in zip(stable, expected) { XCTAssertEqual(got, want, accuracy: 1e-9) }
        XCTAssertEqual(rows.map { $0[2] }, ["inf", "inf", "inf"], "e^1010 overflows in float64")
        XCTAssertEqual(rows.map { $0[3] }, ["NaN", "NaN", "NaN"], "inf / inf")
        try assertShown(["9.99954600e−01", "4.53978686e−05", "2.06106005e−09", "NaN", "inf"], in: "activations_softmax_overflow")
    }

    /// The diagrams' texts (node and edge labels, annotations) never overlap one another.
    func testDiagramTextsDoNotOverlap() throws {
        let names = ["backprop_forward_pass", "backprop_one_step", "backprop_graph_apples", "backprop_graph_fruit", "backprop_graph_sum_product",
                     "activations_softmax_overflow"]
        let roles: Set = ["node-label", "node-detail", "node-note", "edge-label-above", "edge-label-below", "annotation"]
        for name in names {
            let items = try figure(name).figure.layout().filter { $0.kind == "text" && roles.contains($0.role) }
            XCTAssertFalse(items.isEmpty, name)
            for item in items { XCTAssertTrue(item.clip?.contains(item.bounds) ?? false, "\(name): '\(item.text ?? "")' leaves its panel") }
            for (i, a) in items.enumerated() {
                for b in items[(i + 1)...] where a.bounds.intersects(b.bounds) {
                    XCTFail("\(name): '\(a.text ?? "")' overlaps '\(b.text ?? "")'")
                }
            }
        }
    }

    /// Accuracy's numerical slope is zero almost everywhere along the weight line; the loss's nowhere.
    func testAccuracyIsFlatAlmostEverywhere() throws {
        let rows = Self.rows(try figure("activations_accuracy_vs_loss").csv)
        let accuracySlope = rows.map { Double($0[4]) ?? .nan }, lossSlope = rows.map { Double($0[3]) ?? .nan }
        XCTAssertGreaterThan(Double(accuracySlope.filter { $0 == 0 }.count), 0.8 * Double(rows.count))
        XCTAssertEqual(lossSlope.filter { $0 == 0 }.count, 0)
    }
}

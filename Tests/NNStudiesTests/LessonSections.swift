import Foundation
import NNReport
import NNStudies
import XCTest

/// The fixture sections of the perceptron, boundaries and scaling studies, and their figures' CSV.
enum LessonSections {
    /// The section `id`, drawn from the fixture events (no training).
    static func section(_ id: String) throws -> Section {
        try XCTUnwrap(try StudyRegistry.sections(StudySectionTests.fixtureStore()).first { $0.id == id }, "no \(id) section")
    }

    /// A figure's CSV as rows keyed by the header (these files have no quoted fields).
    static func csv(_ section: Section, _ figure: String) throws -> [[String: String]] {
        let f = try XCTUnwrap(section.figures.first { $0.name == figure }, "no figure \(figure)")
        let lines = f.csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The fact whose label is exactly `label`.
    static func fact(_ section: Section, _ label: String) throws -> Fact {
        try XCTUnwrap(section.facts.first { $0.label == label }, "no fact '\(label)' among \(section.facts.map(\.label))")
    }
}

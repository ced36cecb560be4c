import Foundation
import NNEvents
import NNStudies

/// The report's provenance block: version, command line, seed, data, wall time.
enum Provenance {
    /// The rows of the block.
    static func rows(config: StudyConfig?, dataset: String, seconds: Double) -> [(String, String)] {
        var p: [(String, String)] = [("nnviz version", NNVizVersion.string), ("command line", CommandLine.arguments.joined(separator: " "))]
        if let config {
            p.append(("seed", "\(config.seed)"))
            p.append(("quick", config.quick ? "yes (fewer steps: a first look, not the book's settings)" : "no"))
        }
        p.append(("data set", dataset))
        p.append(("wall time", String(format: "%.1f s", seconds)))
        return p
    }
}

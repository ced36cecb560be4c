import Foundation
import NNEvents
import NNReport
import NNStudies

/// The report's provenance block: version, command line, seed, data, wall time; labels in the
/// current language (``NNEvents/Language/current``).
enum Provenance {
    /// The rows of the block.
    static func rows(config: StudyConfig?, dataset: String, seconds: Double) -> [(String, String)] {
        let t = { (key: String) in ReportText.text("provenance.\(key)") }
        var p: [(String, String)] = [(t("version"), NNVizVersion.string), (t("command"), CommandLine.arguments.joined(separator: " "))]
        if let config {
            p.append((t("seed"), "\(config.seed)"))
            p.append((t("quick"), t(config.quick ? "quick_yes" : "quick_no")))
        }
        p.append((t("data"), dataset))
        p.append((t("time"), String(format: "%.1f s", seconds)))
        if Language.current != .english { p.append((t("language"), "\(Language.current.name) (\(Language.current.code))")) }
        return p
    }

    /// The data set of a config: its IDX files, or the embedded MNIST subset and how it is split.
    static func dataset(_ config: StudyConfig) -> String {
        if let images = config.images { return ReportText.text("provenance.idx", ["images": images, "labels": config.labels ?? ""]) }
        let total = 5000, validation = Int(Double(total) * StudyData.validationFraction), test = Int(Double(total) * StudyData.testFraction)
        return ReportText.text("provenance.mnist", ["total": "\(total)", "train": "\(total - validation - test)",
                                                    "validation": "\(validation)", "test": "\(test)"])
    }
}

import Foundation

/// A report folder as Python's `html.parser` and `csv` module read it
/// (`scripts/report-facts.py`): parsers outside nnviz, as a browser and a spreadsheet would.
public struct ReportFacts {
    /// Every start tag of `index.html`, with its attributes (entities decoded).
    public let elements: [(tag: String, attributes: [String: String])]
    /// The page's text (entities decoded, no style).
    public let text: String
    /// `data/*.csv` path → rows of cells, as the csv module reads them.
    public let csv: [String: [[String]]]

    /// Reads the report in `folder`.
    public init(_ folder: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.packageRoot.appendingPathComponent("scripts/report-facts.py").path, folder.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "report-facts.py failed (\(p.terminationStatus)): \(message)")
        }
        elements = (json["elements"] as? [[Any]] ?? []).map { ($0.first as? String ?? "", $0.last as? [String: String] ?? [:]) }
        text = json["text"] as? String ?? ""
        csv = json["csv"] as? [String: [[String]]] ?? [:]
    }

    /// The package's root folder (above `Tests/`).
    public static var packageRoot: URL { Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent() }

    /// A failure of the script.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }
}

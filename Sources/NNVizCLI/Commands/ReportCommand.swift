import ArgumentParser
import Foundation
import NNEvents
import NNReport
import NNStudies

/// `nnviz report`: renders a report from event files (written by nnviz or another engine).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render a report from event files written earlier or by another engine.",
        discussion: """
        Examples:
          nnviz report reports/studies/data/*.events.jsonl --out reports/again
          python3 examples/write_events.py run.jsonl && nnviz report run.jsonl --out reports/python
        """
    )
    @Argument(help: "Event files (JSON Lines, see Sources/NNEvents/EventFormat.md).") var events: [String]
    @Option(help: "Output folder.") var out: String
    @Option(help: "Figure formats, comma-separated.") var formats = "png,svg,pdf"

    func run() throws {
        guard !events.isEmpty else { throw ValidationError("give at least one event file") }
        let start = Date()
        let (store, warnings) = try EventStore.read(paths: events)
        for w in warnings { FileHandle.standardError.write(Data("nnviz: warning: \(w)\n".utf8)) }
        guard !store.runs.isEmpty else { throw CLIError("no runs in \(events.joined(separator: ", "))") }
        let dir = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        for e in events {
            let dest = dir.appendingPathComponent("data").appendingPathComponent(URL(fileURLWithPath: e).lastPathComponent)
            if dest.standardizedFileURL.path != URL(fileURLWithPath: e).standardizedFileURL.path {
                try? FileManager.default.removeItem(at: dest)
                try FileManager.default.copyItem(atPath: e, toPath: dest.path)
            }
        }
        var writer = ReportWriter(directory: dir)
        writer.formats = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        writer.provenance = Provenance.rows(config: nil, dataset: Set(store.runs.compactMap { $0.start?.dataset }).sorted().joined(separator: "; "),
                                       seconds: Date().timeIntervalSince(start))
        print(try writer.write(sections: StudyRegistry.sections(store), config: nil).path)
    }
}

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
          nnviz report reports/studies/data/*.events.jsonl --out reports/ko --lang ko
        """
    )
    @Argument(help: "Event files (JSON Lines, see Sources/NNEvents/EventFormat.md).") var events: [String]
    @Option(help: "Output folder.") var out: String
    @OptionGroup var figures: FigureOptions
    @Flag(help: "Print nothing but the report's path and errors.") var quiet = false

    func run() throws {
        guard !events.isEmpty else { throw ValidationError("give at least one event file") }
        let start = Date()
        let (store, warnings) = try EventStore.read(paths: events)
        for w in warnings { FileHandle.standardError.write(Data("nnviz: warning: \(w)\n".utf8)) }
        guard !store.runs.isEmpty else { throw CLIError("no runs in \(events.joined(separator: ", "))") }
        let folder = try ReportFolder(target: URL(fileURLWithPath: out))
        // Written into a staging folder and swapped in whole; on an error the staging folder goes.
        try folder.writing {
            let data = folder.staging.appendingPathComponent("data")
            try FileError.attempt(.createFolder, data.path) { try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true) }
            for e in events {
                let dest = data.appendingPathComponent(URL(fileURLWithPath: e).lastPathComponent)
                guard !FileManager.default.fileExists(atPath: dest.path) else { throw CLIError("\(e): two event files named \(dest.lastPathComponent)") }
                try FileError.attempt(.copy, dest.path) { try FileManager.default.copyItem(atPath: e, toPath: dest.path) }
            }
            var writer = ReportWriter(directory: folder.staging)
            figures.apply(to: &writer)
            writer.provenance = writer.language.apply {
                let datasets = Set(store.runs.compactMap { $0.start?.dataset }).sorted().map(ReportText.dataset)
                return Provenance.rows(config: nil, dataset: datasets.joined(separator: "; "), seconds: Date().timeIntervalSince(start))
            }
            try writer.write(sections: StudyRegistry.sections(store, language: writer.language), config: nil)
        }
        try folder.commit()
        if !quiet { FileHandle.standardError.write(Data("nnviz: \(store.runs.count) runs from \(events.count) files\n".utf8)) }
        print(folder.target.appendingPathComponent("index.html").path)
    }
}

import ArgumentParser
import Foundation
import NNEvents
import NNReport
import NNStudies
import NNTensorBoard

/// `nnviz report`: renders a report from event files (written by nnviz or another engine).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render a report from event files written earlier or by another engine.",
        discussion: """
        Examples:
          nnviz report reports/studies/data/*.events.jsonl --out reports/again
          python3 examples/write_events.py run.jsonl && nnviz report run.jsonl --out reports/python
          nnviz report reports/studies/data/*.events.jsonl --out reports/ko --lang ko
          nnviz report runs/ --out reports/tb          (a TensorBoard log directory)
        """
    )
    @Argument(help: "Event files (JSON Lines, see Sources/NNEvents/EventFormat.md) or TensorBoard log directories.") var events: [String]
    @Option(help: "Output folder.") var out: String
    @OptionGroup var figures: FigureOptions
    @Flag(help: "Print nothing but the report's path and errors.") var quiet = false

    func run() throws {
        guard !events.isEmpty else { throw ValidationError("give at least one event file") }
        let start = Date()
        let logDirectories = events.filter(TensorBoardImport.isLogDirectory), files = events.filter { !logDirectories.contains($0) }
        let (store, readWarnings, addSeconds) = try EventStore.readTimed(paths: files)
        let imported = try logDirectories.isEmpty ? nil : TensorBoardImport.read(logDirectories)
        for name in imported?.runs ?? [] where store[name] != nil { throw CLIError("a run named '\(name)' is in an event file and a TensorBoard log") }
        imported?.events.forEach(store.add)
        let readSeconds = Date().timeIntervalSince(start)
        for w in readWarnings + (imported?.warnings ?? []) { FileHandle.standardError.write(Data("nnviz: warning: \(w)\n".utf8)) }
        guard !store.runs.isEmpty else { throw CLIError("no runs in \(events.joined(separator: ", "))") }
        let folder = try ReportFolder(target: URL(fileURLWithPath: out))
        var copied = Date(), built = Date()
        // Written into a staging folder and swapped in whole; on an error the staging folder goes.
        try folder.writing {
            let data = folder.staging.appendingPathComponent("data")
            try FileError.attempt(.createFolder, data.path) { try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true) }
            if let imported {
                var text = Data()
                for e in imported.events { text.append(contentsOf: (EventCodec.encode(e) + "\n").utf8) }
                let dest = data.appendingPathComponent("tensorboard.events.jsonl")
                try FileError.attempt(.write, dest.path) { try text.write(to: dest) }
            }
            for e in files {
                let dest = data.appendingPathComponent(URL(fileURLWithPath: e).lastPathComponent)
                guard !FileManager.default.fileExists(atPath: dest.path) else { throw CLIError("\(e): two event files named \(dest.lastPathComponent)") }
                try FileError.attempt(.copy, dest.path) { try FileManager.default.copyItem(atPath: e, toPath: dest.path) }
            }
            copied = Date()
            var writer = ReportWriter(directory: folder.staging)
            figures.apply(to: &writer)
            writer.provenance = writer.language.apply {
                let datasets = Set(store.runs.compactMap { $0.start?.dataset }).sorted().map(ReportText.dataset)
                return Provenance.rows(config: nil, dataset: datasets.joined(separator: "; "), seconds: Date().timeIntervalSince(start))
            }
            let sections = try StudyRegistry.sections(store, language: writer.language)
            built = Date()
            try writer.write(sections: sections, config: nil)
        }
        try folder.commit()
        if ProcessInfo.processInfo.environment["NNVIZ_REPORT_TIMINGS"] != nil {
            // The split W6 of nnviz-bench prints: parsing, adding to the store, sections (figure data and facts), render and write.
            let s = [readSeconds - addSeconds, addSeconds, copied.timeIntervalSince(start) - readSeconds, built.timeIntervalSince(copied),
                     Date().timeIntervalSince(built)].map { String(format: "%.2f", $0) }
            let text = "parse \(s[0]) s, reduce \(s[1]) s, copy events \(s[2]) s, sections \(s[3]) s, render+write \(s[4]) s"
            FileHandle.standardError.write(Data("nnviz: timings: \(text)\n".utf8))
        }
        if !quiet { FileHandle.standardError.write(Data("nnviz: \(store.runs.count) runs from \(events.count) files\n".utf8)) }
        print(folder.target.appendingPathComponent("index.html").path)
    }
}

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
        var names = Set<String>()
        for e in files {
            try EventReader.checkReadable(e)
            let name = URL(fileURLWithPath: e).lastPathComponent
            guard names.insert(name).inserted, !(name == Self.importedName && !logDirectories.isEmpty) else {
                throw CLIError("\(e): two event files named \(name)")
            }
        }
        let folder = try ReportFolder(target: URL(fileURLWithPath: out))
        var timings = ReportTimings(start: start)
        var runCount = 0
        // Written into a staging folder and swapped in whole; on an error the staging folder goes.
        try folder.writing {
            let data = folder.staging.appendingPathComponent("data")
            try FileError.attempt(.createFolder, data.path) { try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true) }
            // The event files are copied into data/ in the background while the report is drawn.
            let copies = files.map { FileCopy(from: $0, to: data.appendingPathComponent(URL(fileURLWithPath: $0).lastPathComponent).path) }
            var copied = false
            defer { if !copied { copies.forEach { $0.cancel() } } }
            let store = try read(files: files, logDirectories: logDirectories, into: data, timings: &timings)
            runCount = store.runs.count
            var writer = ReportWriter(directory: folder.staging)
            figures.apply(to: &writer)
            writer.provenance = writer.language.apply {
                let datasets = Set(store.runs.compactMap { $0.start?.dataset }).sorted().map(ReportText.dataset)
                return Provenance.rows(config: nil, dataset: datasets.joined(separator: "; "), seconds: Date().timeIntervalSince(start))
            }
            let sections = try StudyRegistry.sections(store, language: writer.language)
            timings.markBuilt()
            try writer.write(sections: sections, config: nil)
            timings.markWritten()
            for c in copies { try c.finish() }
            copied = true
        }
        try folder.commit()
        if ReportTimings.isOn {
            FileHandle.standardError.write(Data("nnviz: timings: \(timings.text(end: Date()))\n".utf8))
        }
        if !quiet { FileHandle.standardError.write(Data("nnviz: \(runCount) runs from \(events.count) files\n".utf8)) }
        print(folder.target.appendingPathComponent("index.html").path)
    }

    /// The name of the imported TensorBoard events in `data/`.
    static let importedName = "tensorboard.events.jsonl"

    /// Reads the event files and the TensorBoard logs into one store (the logs' events are also
    /// written to `data/` as nnviz events); prints the warnings.
    private func read(files: [String], logDirectories: [String], into data: URL, timings: inout ReportTimings) throws -> EventStore {
        // Timing each event costs two clock reads an event (about 3 % of reading): only when asked.
        let (store, readWarnings, addSeconds) = ReportTimings.isOn
            ? try EventStore.readTimed(paths: files)
            : try { let (s, w) = try EventStore.read(paths: files); return (s, w, 0.0) }()
        let imported = try logDirectories.isEmpty ? nil : TensorBoardImport.read(logDirectories)
        for name in imported?.runs ?? [] where store[name] != nil { throw CLIError("a run named '\(name)' is in an event file and a TensorBoard log") }
        imported?.events.forEach(store.add)
        timings.markRead(addSeconds: addSeconds)
        for w in readWarnings + (imported?.warnings ?? []) { FileHandle.standardError.write(Data("nnviz: warning: \(w)\n".utf8)) }
        guard !store.runs.isEmpty else { throw CLIError("no runs in \(events.joined(separator: ", "))") }
        if let imported {
            var text = Data()
            for e in imported.events { text.append(contentsOf: (EventCodec.encode(e) + "\n").utf8) }
            let dest = data.appendingPathComponent(Self.importedName)
            try FileError.attempt(.write, dest.path) { try text.write(to: dest) }
        }
        return store
    }
}

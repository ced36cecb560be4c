import Foundation
import NNEngine
import NNEvents
import NNReport

/// Runs what a config asks for and records every run's events into `dataDirectory`
/// (one `<run>.events.jsonl` each); returns all events in a store. Training runs go side by
/// side, one per core, each with one BLAS thread.
func runStudies(_ config: StudyConfig, dataDirectory: URL, progress: ProgressBoard) throws -> EventStore {
    BLASThreads.set(1)
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    @Sendable func eventsPath(_ run: String) -> String {
        dataDirectory.appendingPathComponent(run.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "=", with: "") + ".events.jsonl").path
    }
    let store = EventStore()
    // Parts that are not training: written straight to files.
    for study in config.studies {
        let events = study.staticEvents(config.settings)
        var sinks: [String: JSONLinesSink] = [:]
        for e in events {
            if sinks[e.run] == nil { sinks[e.run] = try JSONLinesSink(path: eventsPath(e.run)) }
            try sinks[e.run]!.write(e)
            store.add(e)
        }
        for s in sinks.values { try s.close() }
    }
    let specs = config.studies.flatMap { $0.runs(config.settings) } + config.runs
    guard !specs.isEmpty else { return store }
    let data = try StudyData.load(seed: config.seed, images: config.images, labels: config.labels)
    progress.note("data: \(data.name), \(data.train.count) training and \(data.test.count) test samples (shuffled with seed \(config.seed)); \(specs.count) training runs, 2 at a time")
    let results = try runSideBySide(specs.count, width: 2) { k in
        try execute(specs[k], data: data, eventsPath: eventsPath(specs[k].name), progress: progress)
    }
    for events in results { events.forEach(store.add) }
    return store
}

/// The report's provenance block.
func provenance(config: StudyConfig?, dataset: String, seconds: Double) -> [(String, String)] {
    var p: [(String, String)] = [("nnviz version", NNReportInfo.version), ("command line", CommandLine.arguments.joined(separator: " "))]
    if let config {
        p.append(("seed", "\(config.seed)"))
        p.append(("quick", config.quick ? "yes (fewer steps: a first look, not the book's settings)" : "no"))
    }
    p.append(("data set", dataset))
    p.append(("wall time", String(format: "%.1f s", seconds)))
    return p
}

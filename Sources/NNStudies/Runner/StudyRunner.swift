import Foundation
import NNEngine
import NNEvents
import NNReport

/// Runs what a config asks for and records every run's events into a folder (one
/// `<run>.events.jsonl` each). Training runs go side by side, one per core, each with one
/// BLAS thread, longest first.
public enum StudyRunner {
    /// The events file name of a run: its slug (`init/std=0.01` → `init-std0.01`), never a path.
    public static func eventsFileName(_ run: String) -> String {
        Slug.make(run) + ".events.jsonl"
    }

    /// The events file names of a report's runs: each its slug, and where two names share a
    /// slug (`a/b` and `a-b`, or a name that is another's slug plus a hash) each gets a short
    /// hash of its name, so no two runs write one file. The same names give the same files.
    public static func eventsFileNames(_ runs: some Sequence<String>) -> [String: String] {
        let names = Set(runs).sorted()
        let shared = Dictionary(grouping: names, by: Slug.make).filter { $0.value.count > 1 }
        var used = Set<String>(), files: [String: String] = [:]
        for name in names {
            let slug = Slug.make(name)
            var file = shared[slug] == nil ? slug : "\(slug)-\(Slug.hash(name))"
            var k = 1
            while used.contains(file) {
                file = "\(slug)-\(Slug.hash("\(name)#\(k)"))"
                k += 1
            }
            used.insert(file)
            files[name] = file + ".events.jsonl"
        }
        return files
    }

    /// Runs `config` and returns all its events in a store.
    public static func run(_ config: StudyConfig, dataDirectory: URL, progress: any ProgressSink) throws -> EventStore {
        BLASThreads.set(1)
        try FileError.attempt(.createFolder, dataDirectory.path) {
            try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        }
        let statics = config.studies.map { $0.staticEvents(config.settings) }
        let asked = Repeats.expand(config.studies.flatMap { $0.runs(config.settings) } + config.runs, times: config.repeats)
        if let twice = Dictionary(grouping: asked.map(\.name), by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw ConfigError("two runs are named '\(twice)': give each run a name of its own")
        }
        let files = eventsFileNames(statics.joined().map(\.run) + asked.map(\.name))
        let path: @Sendable (String) -> String = { dataDirectory.appendingPathComponent(files[$0] ?? eventsFileName($0)).path }
        let store = EventStore()
        // Parts that are not training: written straight to files.
        for events in statics {
            var sinks: [String: JSONLinesSink] = [:]
            do {
                for e in events {
                    let sink = try sinks[e.run] ?? JSONLinesSink(path: path(e.run))
                    sinks[e.run] = sink
                    try sink.write(e)
                    store.add(e)
                }
                for s in sinks.values { try s.close() }
            } catch {
                for s in sinks.values { s.discard() }
                throw error
            }
        }
        guard !asked.isEmpty else { return store }
        let data = try StudyData.load(seed: config.seed, images: config.images, labels: config.labels)
        let specs = asked.map { $0.resolved(trainCount: RunData.trainCount($0, data: data)) }
        // Sizes once the data is known (and built-in runs under top-level settings), before any run trains.
        try ConfigLimits.check(specs) { $0.data == .mnist ? (data.train.x.cols, data.train.classes) : (ConfigLimits.regressionInputs, 1) }
        let width = 2
        progress.planned(specs.map { ($0.name, $0.steps) })
        progress.note("data: \(data.name), \(data.train.count) training, \(data.validation.count) validation and \(data.test.count) test samples "
                      + "(split by class with seed \(config.seed)); "
                      + "\(specs.count) training runs\(config.repeats > 1 ? " (each with \(config.repeats) seeds)" : ""), "
                      + "\(width) at a time, longest first")
        // Longest first, so that the short runs fill the cores at the end instead of one long
        // run finishing alone.
        let work = specs.map { estimatedWork($0, data: data) }
        let order = specs.indices.sorted { work[$0] > work[$1] }
        let dataSeed = config.seed
        let results = try runSideBySide(order.count, width: width) { k in
            let spec = specs[order[k]]
            return try RunExecution.execute(spec, data: data, dataSeed: dataSeed, eventsPath: path(spec.name), progress: progress)
        }
        var byRun = Array(repeating: [Event](), count: specs.count)
        for (k, events) in results.enumerated() { byRun[order[k]] = events }
        for events in byRun { events.forEach(store.add) }
        return store
    }

    /// A run's work in multiply-adds of its forward passes (batch x weights x steps): enough to
    /// order runs by length.
    static func estimatedWork(_ spec: RunSpec, data: StudyData) -> Double {
        let sizes = spec.data == .mnist ? [data.train.x.cols] + spec.hidden + [data.train.classes] : [10] + spec.hidden + [1]
        let weights = zip(sizes, sizes.dropFirst()).reduce(0.0) { $0 + Double($1.0 * $1.1) }
        return Double(spec.steps) * Double(spec.batchSize) * weights
    }
}

import Foundation
import NNEvents
import SwiftProtobuf

/// TensorBoard log directories read into nnviz events.
///
/// Every folder holding `events.out.tfevents.*` files is a run (Keras's `<run>/train` and `<run>/validation`
/// folders are one run's two parts), named by its path under the log directory. Scalars (v1 `simple_value`, v2
/// tensors of the scalars plugin) become `scalar` events, histograms (v1 `HistogramProto`, v2 `[k, 3]` tensors
/// of the histograms plugin) `histogram` events (and, for v1, `layer_stats` from the summary's exact moments),
/// the hparams plugin's session start the run's settings. Anything else is counted and named in one warning.
/// Damaged records are warnings naming the file and byte offset; reading goes on with what is intact.
public struct TensorBoardImport {
    /// The nnviz events, run by run in the runs' name order, each run's `run_start` first.
    public var events: [Event] = []
    /// Damage and skipped content, one line each.
    public var warnings: [String] = []
    /// The runs' names, in order.
    public var runs: [String] = []
    /// Bytes of event files read.
    public var bytesRead = 0

    /// Whether `path` is a TensorBoard event file or a directory with one somewhere under it.
    public static func isLogDirectory(_ path: String) -> Bool { RunFolders.holdsEventFiles(path) }

    /// Reads the log directories (or single event files) `paths` in order; runs are recorded under the study name
    /// `study` (default: `tensorboard`). Throws only when a path has no event files, cannot be read, or two paths
    /// give a run the same name.
    public static func read(_ paths: [String], study: String = "tensorboard") throws -> TensorBoardImport {
        var result = TensorBoardImport()
        for path in paths {
            for source in try RunFolders.runs(in: path) {
                guard !result.runs.contains(source.name) else { throw TensorBoardImportError.duplicateRun(source.name) }
                let run = RunConverter(name: source.name)
                var warnings: [String] = []
                for (split, file) in source.files { result.bytesRead += try read(file, split: split, into: run, warnings: &warnings) }
                result.warnings += warnings
                result.runs.append(source.name)
                result.events += run.events(study: study)
                result.warnings += run.allWarnings
                if let line = skippedLine(run) { result.warnings.append(line) }
            }
        }
        return result
    }

    /// Reads one event file into `run`; returns its size.
    static func read(_ file: String, split: RunSplit, into run: RunConverter, warnings: inout [String]) throws -> Int {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) } catch {
            throw TensorBoardImportError.unreadable(file, error.localizedDescription)
        }
        decode(data, file: file, split: split, into: run, warnings: &warnings)
        return data.count
    }

    /// The nnviz events of one event file's bytes, read as the run `run` (damage and skipped content as warnings): the
    /// whole import (framing, protobuf, conversion) over bytes, for fuzz targets. Never throws or traps.
    public static func read(data: Data, file: String, run: String = "run") -> TensorBoardImport {
        let converter = RunConverter(name: run)
        var result = TensorBoardImport()
        decode(data, file: file, split: .plain, into: converter, warnings: &result.warnings)
        result.events = converter.events(study: "tensorboard")
        result.warnings += converter.allWarnings + (skippedLine(converter).map { [$0] } ?? [])
        result.runs = [run]
        result.bytesRead = data.count
        return result
    }

    /// Decodes the intact records of `data` into `run`, adding what was damaged or undecodable to `warnings`.
    static func decode(_ data: Data, file: String, split: RunSplit, into run: RunConverter, warnings: inout [String]) {
        var reader = TFRecordReader(data: data, file: file)
        var undecodable = 0, first: Int?
        while let record = reader.next() {
            do {
                run.add(try Tensorboard_Event(serializedBytes: record.payload), split: split, file: file, offset: record.offset)
            } catch {
                undecodable += 1
                if first == nil { first = record.offset }
            }
        }
        if let first {
            warnings.append("\(file): byte offset \(first): record not a TensorBoard Event (protobuf decoding failed); skipped"
                            + (undecodable > 1 ? " (\(undecodable) such records in this file)" : ""))
        }
        warnings += reader.warnings.map(\.description)
    }

    /// One line naming what run `run` held that nnviz does not draw, or nil when it held nothing else.
    static func skippedLine(_ run: RunConverter) -> String? {
        let parts = run.skipped.keys.sorted().compactMap { kind -> String? in
            guard let e = run.skipped[kind] else { return nil }
            let tags = e.tags.map { "'\($0)'" }.joined(separator: ", ")
            return "\(e.count) \(kind)" + (e.tags.isEmpty ? "" : " (\(tags))")
        }
        let hp = (run.settings?.skipped ?? []).map { "hyperparameter '\($0)'" }
        guard !(parts + hp).isEmpty else { return nil }
        return "run '\(run.name)': not imported (nnviz does not draw them): " + (parts + hp).joined(separator: ", ")
    }
}

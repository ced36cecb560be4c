import Foundation

/// Which part of a run a folder of event files holds.
enum RunSplit: String, Sendable {
    /// A run folder's own files.
    case plain
    /// Keras's `<run>/train` folder.
    case train
    /// Keras's `<run>/validation` folder.
    case validation
}

/// A run and the event files that make it, by the part each folder holds.
struct RunSource: Sendable, Equatable {
    /// The run's name: the folder's path under the log directory (the log directory's own name for files in it).
    var name: String
    /// Event files, sorted by name (the timestamp in the name orders them), with the part they hold.
    var files: [(split: RunSplit, path: String)]

    static func == (a: RunSource, b: RunSource) -> Bool {
        a.name == b.name && a.files.map(\.path) == b.files.map(\.path) && a.files.map(\.split) == b.files.map(\.split)
    }
}

/// Finds the runs under a log directory as TensorBoard does (any folder holding `events.out.tfevents.*` files is a
/// run), with one addition: a folder's `train` and `validation` subfolders (Keras's layout) are one run's two parts.
enum RunFolders {
    /// The prefix of TensorBoard's event file names.
    static let eventFilePrefix = "events.out.tfevents."

    /// Whether a file name is a TensorBoard event file's.
    static func isEventFile(_ name: String) -> Bool { name.hasPrefix(eventFilePrefix) }

    /// Whether `path` is an event file or a directory holding one (at any depth).
    static func holdsEventFiles(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if !isDirectory.boolValue { return isEventFile(URL(fileURLWithPath: path).lastPathComponent) }
        let all = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
        return all.contains { isEventFile(URL(fileURLWithPath: $0).lastPathComponent) }
    }

    /// The runs under `logDirectory`, sorted by name; a single event file is a run named after its folder.
    static func runs(in logDirectory: String) throws -> [RunSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: logDirectory, isDirectory: &isDirectory) else {
            throw TensorBoardImportError.notFound(logDirectory)
        }
        let root = URL(fileURLWithPath: logDirectory).standardizedFileURL
        if !isDirectory.boolValue {
            guard isEventFile(root.lastPathComponent) else { throw TensorBoardImportError.noEventFiles(logDirectory) }
            return [RunSource(name: root.deletingLastPathComponent().lastPathComponent, files: [(.plain, logDirectory)])]
        }
        let all = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
        var byFolder: [String: [String]] = [:]
        for relative in all where isEventFile(URL(fileURLWithPath: relative).lastPathComponent) {
            let folder = (relative as NSString).deletingLastPathComponent
            byFolder[folder, default: []].append(relative)
        }
        guard !byFolder.isEmpty else { throw TensorBoardImportError.noEventFiles(logDirectory) }
        var runs: [String: RunSource] = [:]
        for folder in byFolder.keys.sorted() {
            let (runFolder, split) = part(folder)
            let name = runFolder.isEmpty ? root.lastPathComponent : runFolder
            let files = (byFolder[folder] ?? []).sorted().map { (split: split, path: root.appendingPathComponent($0).path) }
            runs[name, default: RunSource(name: name, files: [])].files += files
        }
        return runs.keys.sorted().compactMap { runs[$0] }
    }

    /// The run folder and part of a folder holding event files: `x/train` is run `x`'s training part.
    static func part(_ folder: String) -> (String, RunSplit) {
        let last = (folder as NSString).lastPathComponent, parent = (folder as NSString).deletingLastPathComponent
        switch last {
        case "train": return (parent, .train)
        case "validation": return (parent, .validation)
        default: return (folder, .plain)
        }
    }
}

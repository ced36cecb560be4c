import Foundation
import NNEvents

/// The report's one way to write a file: Foundation's atomic write (a temporary sibling renamed
/// over the target; Foundation removes the temporary file when the write fails), after creating
/// the parent folder, so readers never see half a file. Failures are ``FileError``s naming the path.
enum FileWriting {
    /// Writes `data` to `url` atomically.
    static func write(_ data: Data, to url: URL) throws(FileError) {
        try folder(url.deletingLastPathComponent())
        try FileError.attempt(.write, url.path) { try data.write(to: url, options: .atomic) }
    }

    /// Creates `url` and its parents as needed.
    static func folder(_ url: URL) throws(FileError) {
        try FileError.attempt(.createFolder, url.path) { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    }
}

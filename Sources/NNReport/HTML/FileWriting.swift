import Foundation

/// The report's one way to write a file: Foundation's atomic write (a temporary sibling renamed
/// over the target), after creating the parent folder, so readers never see half a file.
enum FileWriting {
    /// Writes `data` to `url` atomically.
    static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}

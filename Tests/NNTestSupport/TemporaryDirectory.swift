import Foundation

/// A fresh folder under the system's temporary directory, for a test's output.
public enum TemporaryDirectory {
    /// A new, not yet created, unique path whose name starts with `prefix`.
    public static func make(_ prefix: String = "nnviz-test") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}

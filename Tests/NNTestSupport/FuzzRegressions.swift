import Foundation

/// The inputs kept in `Fuzz/Regressions/<target>/`: each once crashed, hung or exhausted the
/// memory of a parser under libFuzzer (see docs/FUZZING.md); the regression tests feed them to
/// the same entry point as the fuzz target.
public enum FuzzRegressions {
    /// `Fuzz/Regressions`.
    public static let directory = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions")

    /// Every input kept for `target` (e.g. `EventLine`), sorted by name. Only the folder's own
    /// files: `README` files are not inputs, and a subfolder (`pending/`: inputs that still crash
    /// a parser another change fixes) is not read.
    public static func inputs(_ target: String) throws -> [URL] {
        let folder = directory.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("README") }.sorted()
            .map { folder.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }
}

import Foundation
import NNEvents
#if canImport(Glibc)
import Glibc
#endif

/// A report folder written whole or not at all: everything goes into a hidden sibling staging
/// folder, which `commit()` swaps with the target in one rename (Linux `renameat2` with
/// `RENAME_EXCHANGE`), so a reader sees the old report or the new one, never a mix, and no file
/// of an earlier run stays behind. A target that exists and is not an nnviz report (nor empty)
/// is refused: replacing it would delete someone's files.
public final class ReportFolder {
    /// The folder the report ends up in.
    public let target: URL
    /// Where to write until `commit()`.
    public let staging: URL
    private var committed = false

    /// The marker file that says a folder is an nnviz report (safe to replace).
    public static let marker = ".nnviz-report"

    /// Prepares a staging folder beside `target`; throws when `target` may not be replaced, and
    /// a ``FileError`` when the folder cannot be made (permission, disk full, a file on the path).
    public init(target: URL) throws {
        self.target = target.standardizedFileURL
        let fm = FileManager.default
        let parent = self.target.deletingLastPathComponent()
        try Self.checkReplaceable(self.target)
        try FileError.attempt(.createFolder, parent.path) { try fm.createDirectory(at: parent, withIntermediateDirectories: true) }
        Self.removeStale(in: parent, name: self.target.lastPathComponent)
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent).partial-\(getpid())")
        try? fm.removeItem(at: staging)
        try FileError.attempt(.createFolder, self.target.path) { try fm.createDirectory(at: staging, withIntermediateDirectories: true) }
        let marker = staging.appendingPathComponent(Self.marker)
        do {
            try Data("nnviz report folder: replaced whole by the next report written here\n".utf8).write(to: marker)
        } catch {
            try? fm.removeItem(at: staging)
            throw FileError(error, path: self.target.appendingPathComponent(Self.marker).path, action: .write)
        }
    }

    deinit { if !committed { discard() } }

    /// Removes the staging folder (the target is left as it was).
    public func discard() { try? FileManager.default.removeItem(at: staging) }

    /// Runs `body`, which writes into `staging`; if it throws, the staging folder is removed and
    /// a ``FileError`` inside it names the path it would have had in the target (the folder
    /// the user asked for), not the hidden staging folder.
    public func writing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            discard()
            guard var e = error as? FileError else { throw error }
            if e.path == staging.path || e.path.hasPrefix(staging.path + "/") {
                e.path = target.path + e.path.dropFirst(staging.path.count)
            }
            throw e
        }
    }

    /// Puts the staged report in place of the target (atomically where the file system allows).
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path) {
            if !Self.exchange(staging.path, target.path) {
                let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
                try writing {
                    try FileError.attempt(.rename, target.path) {
                        try fm.moveItem(at: target, to: old)
                        do { try fm.moveItem(at: staging, to: target) } catch {
                            try? fm.moveItem(at: old, to: target)   // the earlier report stays
                            throw error
                        }
                    }
                }
                committed = true
                try? fm.removeItem(at: old)
                return
            }
            committed = true
            try? fm.removeItem(at: staging)   // now holds the previous report
        } else {
            try writing { try FileError.attempt(.rename, target.path) { try fm.moveItem(at: staging, to: target) } }
            committed = true
        }
    }

    /// Throws unless `url` is absent, an empty folder, or an nnviz report.
    static func checkReplaceable(_ url: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw ReportFolderError.notAFolder(url.path) }
        let contents = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        if contents.isEmpty || contents.contains(marker) { return }
        // Reports written before the marker existed: an index.html that nnviz wrote.
        if let page = try? String(contentsOf: url.appendingPathComponent("index.html"), encoding: .utf8),
           page.contains("<code>figures/</code> (PNG at"), contents.allSatisfy({ ["index.html", "figures", "data", "config.yaml"].contains($0) }) {
            return
        }
        throw ReportFolderError.notAReport(url.path)
    }

    /// Removes staging and old folders of `name` left by runs that were killed.
    static func removeStale(in parent: URL, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard entry.hasPrefix(".\(name).partial-") || entry.hasPrefix(".\(name).old-"),
                  let pid = Int32(entry.split(separator: "-").last ?? ""), kill(pid, 0) != 0 else { continue }
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Swaps two paths in one step; false where the system cannot (then the caller renames twice).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }
}

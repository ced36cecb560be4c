import Foundation

/// A small file system of its own (tmpfs) mounted on a fresh folder, to make real disk-full
/// (`ENOSPC`) and read-only (`EROFS`) errors. Mounting needs root (CAP_SYS_ADMIN), which CI
/// has; elsewhere `mount` returns nil and says why, for the test's skip message.
///
/// Not `/dev/full`: nnviz writes atomically (a temporary file renamed over the target), and
/// as root a rename over `/dev/full` replaces the device with a regular file.
public final class ScratchFileSystem {
    /// Where it is mounted.
    public let url: URL
    private var mounted = true

    private init(url: URL) { self.url = url }

    /// A tmpfs of `kibibytes` KiB (rounded up to pages) on a new folder, or the reason it could not be mounted.
    public static func mount(kibibytes: Int) -> Result<ScratchFileSystem, Reason> {
        let dir = TemporaryDirectory.make("nnviz-tmpfs")
        guard getuid() == 0 else { return .failure(Reason("mounting a tmpfs needs root (CAP_SYS_ADMIN); uid is \(getuid())")) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let (status, err) = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kibibytes)k,mode=0755", "tmpfs", dir.path])
            guard status == 0 else { return .failure(Reason("mount -t tmpfs failed (\(status)): \(err)")) }
        } catch { return .failure(Reason("cannot run mount: \(error)")) }
        return .success(ScratchFileSystem(url: dir))
    }

    /// Makes the file system read-only (or writable again), keeping its files.
    public func remount(readOnly: Bool) throws {
        let (status, err) = try Self.run("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", url.path])
        guard status == 0 else { throw Reason("mount -o remount failed (\(status)): \(err)") }
    }

    /// Every path under the mount point, relative to it, sorted (hidden files too).
    public func contents() -> [String] {
        ((FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String]) ?? []).sorted()
    }

    /// Unmounts and removes the folder.
    public func unmount() {
        guard mounted else { return }
        mounted = false
        _ = try? Self.run("/bin/umount", ["-l", url.path])
        try? FileManager.default.removeItem(at: url)
    }

    deinit { unmount() }

    /// Why a file system could not be mounted.
    public struct Reason: Error, CustomStringConvertible {
        /// The reason in words.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

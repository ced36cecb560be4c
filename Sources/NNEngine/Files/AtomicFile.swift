import Foundation

/// Writes files all at once, so that readers never see a half-written file: Foundation's
/// atomic write (to a temporary file, then renamed over the target), after creating the
/// parent folder.
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating the parent folder if needed. Any failure
    /// is a `ModelError.write` naming the path.
    public static func write(_ data: Data, to path: String) throws(ModelError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw .write(path: path, reason: systemReason(error))
        }
    }

    /// The POSIX error that Foundation's error wraps, in the system's words ("No space left on
    /// device"): Foundation's own text names no cause.
    static func systemReason(_ error: any Error) -> String {
        let ns = error as NSError
        let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error
        if let posix = underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let u = underlying.map({ $0 as NSError }), u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(truncatingIfNeeded: u.code))) }
        return ns.localizedDescription
    }
}

import Foundation

/// A file or folder nnviz could not write, create, move or copy: one line naming the path,
/// what was being done and why in words, with the system's name for the error
/// (`out/figures/a.png: cannot write: disk full (ENOSPC)`). Every writer of nnviz (event
/// sinks, the report's files and folder) throws this for a failure of the file system, so
/// the command line prints it as it is, never Foundation's `NSError` text.
public struct FileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What nnviz was doing with the path.
    public enum Action: String, Sendable {
        /// Writing a file's bytes.
        case write = "write"
        /// Creating a file.
        case create = "create"
        /// Creating a folder (and its parents).
        case createFolder = "create the folder"
        /// Renaming or moving into place.
        case rename = "rename into place"
        /// Copying a file to the path.
        case copy = "copy here"
        /// Reading.
        case read = "read"
        /// Any other use (an error whose origin is not known).
        case access = "access"
    }

    /// The file or folder.
    public var path: String
    /// What was being done.
    public var action: Action
    /// The POSIX error number (`ENOSPC`, `EACCES`, ...), when the system gave one.
    public var code: Int32?
    /// The system's words when there is no error number.
    public var detail: String?

    /// An error from a POSIX error number.
    public init(path: String, action: Action, code: Int32?, detail: String? = nil) {
        self.path = path
        self.action = action
        self.code = code
        self.detail = detail
    }

    /// The error Foundation (or a POSIX call) threw while doing `action` on `path`, with its
    /// error number found in the error or the error it wraps (`NSUnderlyingErrorKey`). A
    /// `FileError` stays as it is.
    public init(_ error: any Error, path: String, action: Action) {
        if let e = error as? FileError { self = e; return }
        self.init(path: path, action: action, code: Self.errorNumber(of: error),
                  detail: (error as NSError).localizedDescription.replacingOccurrences(of: "The operation could not be completed. ", with: ""))
    }

    /// Runs `body`, turning what it throws into a `FileError` for `action` on `path`.
    public static func attempt<T>(_ action: Action, _ path: String, _ body: () throws -> T) throws(FileError) -> T {
        do { return try body() } catch { throw FileError(error, path: path, action: action) }
    }

    /// The POSIX error number in `error` or in the errors it wraps; the Cocoa codes of the
    /// usual write failures stand for theirs.
    public static func errorNumber(of error: any Error) -> Int32? {
        // The wrapped error may be an NSError or a `POSIXError` value (Linux's Foundation stores either).
        var current: (any Error)? = error
        for _ in 0..<4 {
            guard let e = current else { break }
            if let posix = e as? POSIXError { return posix.code.rawValue }
            let ns = e as NSError
            if ns.domain == NSPOSIXErrorDomain { return Int32(truncatingIfNeeded: ns.code) }
            current = ns.userInfo[NSUnderlyingErrorKey] as? any Error
        }
        switch (error as NSError).domain == NSCocoaErrorDomain ? CocoaError.Code(rawValue: (error as NSError).code) : nil {
        case CocoaError.fileWriteOutOfSpace: return ENOSPC
        case CocoaError.fileWriteNoPermission, CocoaError.fileReadNoPermission: return EACCES
        case CocoaError.fileWriteVolumeReadOnly: return EROFS
        case CocoaError.fileWriteFileExists: return EEXIST
        case CocoaError.fileNoSuchFile, CocoaError.fileReadNoSuchFile: return ENOENT
        default: return nil
        }
    }

    /// The cause in words, with the error's symbol: `disk full (ENOSPC)`.
    public var cause: String {
        guard let code else { return detail ?? "unknown error" }
        if let (words, symbol) = Self.known[code] { return "\(words) (\(symbol))" }
        return "\(String(cString: strerror(code))) (errno \(code))"
    }

    /// The errors a writer meets, in words a student reads at once (the system's own texts,
    /// `No space left on device`, say less about what to do).
    static let known: [Int32: (String, String)] = [
        ENOSPC: ("disk full", "ENOSPC"), EDQUOT: ("disk quota exceeded", "EDQUOT"),
        EACCES: ("permission denied", "EACCES"), EPERM: ("operation not permitted", "EPERM"),
        EROFS: ("read-only file system", "EROFS"), ENOTDIR: ("a part of the path is a file, not a folder", "ENOTDIR"),
        ENOENT: ("no such file or folder", "ENOENT"), EISDIR: ("is a folder", "EISDIR"), EEXIST: ("a file of that name is in the way", "EEXIST"),
        ENAMETOOLONG: ("name too long", "ENAMETOOLONG"), EIO: ("input/output error", "EIO"), EFBIG: ("file too large", "EFBIG"),
        EMFILE: ("too many open files", "EMFILE"), ENOTEMPTY: ("folder not empty", "ENOTEMPTY"), EXDEV: ("on another file system", "EXDEV"),
    ]

    /// One line: the path (control characters shown as escapes), the action and the cause.
    public var description: String {
        let shown = path.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }.joined()
        return "\(shown): cannot \(action.rawValue): \(cause)"
    }
}

import Foundation
import NNEngine
import NNEvents

/// Errors the command line reports in one line.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    /// One line for any error: nnviz's errors describe themselves; an error of Foundation that
    /// reached here unwrapped (from the file system, with a path in it) is said as a
    /// ``FileError`` (path, cause, `ENOSPC`), never as `NSError`'s multi-line dump.
    static func describe(_ error: any Error) -> String {
        // `as? CustomStringConvertible` always succeeds here (an error bridges to NSError), so
        // nnviz's own errors are told from Foundation's by their type's module.
        if !String(reflecting: type(of: error)).hasPrefix("Foundation.") { return String(describing: error) }
        let ns = error as NSError
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path ?? "(a file)"
        return FileError(error, path: path, action: .access).description
    }
}

/// Why a TensorBoard log directory could not be imported at all (damage inside files is a warning instead).
public enum TensorBoardImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path is neither a directory nor an event file.
    case notFound(String)
    /// No `events.out.tfevents.*` file anywhere under the directory.
    case noEventFiles(String)
    /// A file could not be read.
    case unreadable(String, String)
    /// Two log directories give a run the same name.
    case duplicateRun(String)

    /// One line naming the path and the problem.
    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such directory or event file"
        case .noEventFiles(let p): "\(p): no TensorBoard event files (events.out.tfevents.*) in it or its subfolders"
        case .unreadable(let p, let why): "\(p): cannot be read: \(why)"
        case .duplicateRun(let r): "two log directories hold a run named '\(r)'; give them folders of different names"
        }
    }
}

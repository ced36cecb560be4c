/// A data file is missing, truncated, or not what it should be. Names the file and the fault.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or data set) at fault.
    public var file: String
    /// What is wrong.
    public var reason: String
    /// A data error.
    public init(file: String, reason: String) { self.file = file; self.reason = reason }
    /// `file: reason`.
    public var description: String { "\(file): \(reason)" }
}

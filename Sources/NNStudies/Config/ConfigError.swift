/// A config file that cannot be used: the message names the file, line and key at fault.
public struct ConfigError: Error, CustomStringConvertible {
    /// One line: `file:line: what is wrong`.
    public var description: String

    /// An error with its message.
    public init(_ description: String) { self.description = description }
}

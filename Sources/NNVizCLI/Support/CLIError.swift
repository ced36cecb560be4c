import NNEngine

/// Errors the command line reports in one line.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    /// One line for any error: engine errors describe themselves; others are printed as they are.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let e as CustomStringConvertible: e.description
        default: "\(error)"
        }
    }
}

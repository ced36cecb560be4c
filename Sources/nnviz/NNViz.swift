import ArgumentParser
import Foundation

/// The `nnviz` command: trains small networks, records how they train, and renders figures
/// and an HTML report from the records.
@main
struct NNViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnviz",
        abstract: "Train small neural networks and show how they train.",
        discussion: """
        Examples:
          nnviz train --epochs 5                      train a 784-100-10 ReLU net on the embedded MNIST subset
          nnviz gradcheck                             check backprop against numerical gradients
        """,
        version: NNVizVersion.string,
        subcommands: [TrainCommand.self, GradCheckCommand.self]
    )

    /// Runs a command, turning any error into one line on stderr and exit status 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error where error is ValidationError || "\(type(of: error))".contains("ParserError") || error is ExitCode {
            exit(withError: error)
        } catch {
            FileHandle.standardError.write(Data("nnviz: error: \(CLIError.describe(error))\n".utf8))
            Foundation.exit(1)
        }
    }
}

/// The version written into events and reports.
enum NNVizVersion {
    static let string = "0.1.0"
}

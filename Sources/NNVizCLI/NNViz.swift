import ArgumentParser
import Foundation
import NNEvents

/// The `nnviz` command: trains small networks, records how they train, and renders figures
/// and an HTML report from the records.
public struct NNViz: ParsableCommand {
    /// The command's name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "nnviz",
        abstract: "Train small neural networks and show how they train.",
        discussion: """
        Examples:
          nnviz train-and-report                      run every study and write reports/studies/index.html
          nnviz train-and-report --quick              the same in seconds, with fewer steps
          nnviz studies                               list the studies
          nnviz report run.events.jsonl --out DIR     render a report from event files
          nnviz report LOGDIR --out DIR               render a report from TensorBoard logs
          nnviz train --epochs 5                      train a 784-100-10 ReLU net on the embedded MNIST subset
          nnviz gradcheck                             check backprop against numerical gradients
          nnviz gallery --out gallery                 one example of every figure type
        """,
        version: NNVizVersion.string,
        subcommands: [TrainAndReportCommand.self, StudiesCommand.self, ReportCommand.self, ImportCommand.self, TrainCommand.self, GradCheckCommand.self,
                      GalleryCommand.self]
    )

    /// The command with no arguments.
    public init() {}

    /// Runs the command line `arguments` (without the program name) in this process, throwing
    /// what the command throws: for tests and for programs that embed nnviz.
    public static func run(_ arguments: [String]) throws {
        var command = try parseAsRoot(arguments)
        try command.run()
    }

    /// Runs a command, turning any error into one line on stderr and exit status 1.
    /// Usage errors, `--help` and `--version` are handled by the argument parser as usual.
    public static func main() {
        if let problem = unknownCommand(Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data("nnviz: error: \(problem)\n".utf8))
            Foundation.exit(64)
        }
        var command: any ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try command.run()
        } catch let error where error is ExitCode || error is CleanExit || error is ValidationError
                                    || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exit(withError: error)   // help, usage and version: the argument parser prints them
        } catch {
            FileHandle.standardError.write(Data("nnviz: error: \(CLIError.describe(error))\n".utf8))
            Foundation.exit(1)
        }
    }

    /// A first argument that is no command, with the closest command's name when one is near.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        guard !names.contains(first) else { return nil }
        let nearest = names.min { editDistance(first, $0) < editDistance(first, $1) }
        let hint = nearest.flatMap { editDistance(first, $0) <= max(2, $0.count / 3) ? " Did you mean '\($0)'?" : nil } ?? ""
        return "unknown command '\(first)'.\(hint) Commands: \(names.joined(separator: ", "))."
    }

    /// Levenshtein distance between two strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

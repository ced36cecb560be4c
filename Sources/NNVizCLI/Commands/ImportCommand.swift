import ArgumentParser
import Foundation
import NNEvents
import NNTensorBoard

/// `nnviz import`: turns other tools' logs into nnviz event files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Turn other tools' logs into nnviz event files.",
        subcommands: [ImportTensorBoardCommand.self]
    )
}

/// `nnviz import tensorboard LOGDIR... --out events.jsonl`.
struct ImportTensorBoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tensorboard", abstract: "Read TensorBoard log directories (events.out.tfevents.*) into one nnviz event file.",
        discussion: """
        Every folder holding event files is a run; Keras's <run>/train and <run>/validation folders are one run.
        Scalars and histograms (v1 and v2) are read, hparams become the run's settings; images, audio, text,
        graphs and other plugins are counted in a warning. Damaged records are warnings naming file and offset.
        Examples:
          nnviz import tensorboard runs --out runs.events.jsonl
          nnviz report runs --out reports/runs        (the same import, straight into a report)
        """
    )
    @Argument(help: "TensorBoard log directories or event files.") var logDirectories: [String]
    @Option(help: "The nnviz event file to write (JSON Lines); written whole or not at all.") var out: String
    @Flag(help: "Print nothing but errors.") var quiet = false

    func run() throws {
        guard !logDirectories.isEmpty else { throw ValidationError("give at least one TensorBoard log directory") }
        let start = Date()
        let imported = try TensorBoardImport.read(logDirectories)
        for w in imported.warnings { FileHandle.standardError.write(Data("nnviz: warning: \(w)\n".utf8)) }
        var text = Data()
        for e in imported.events { text.append(contentsOf: (EventCodec.encode(e) + "\n").utf8) }
        let url = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, options: .atomic)   // a temporary file renamed into place
        } catch {
            throw CLIError("\(out): cannot write: \(error.localizedDescription)")
        }
        let seconds = Date().timeIntervalSince(start), mb = Double(imported.bytesRead) / 1_048_576
        if !quiet {
            FileHandle.standardError.write(Data(String(format: "nnviz: %ld runs, %ld events from %.1f MB of event files in %.2f s\n",
                                                       imported.runs.count, imported.events.count, mb, seconds).utf8))
        }
    }
}

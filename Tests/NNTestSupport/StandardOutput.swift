import Foundation

/// Captures what code in this process prints to standard output (through a temporary file,
/// so a long output cannot fill a pipe and block).
public enum StandardOutput {
    /// Runs `body` with standard output going to a file; returns what it printed.
    public static func capture(_ body: () throws -> Void) throws -> String {
        let url = TemporaryDirectory.make("nnviz-stdout")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let file = try FileHandle(forWritingTo: url)
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        dup2(file.fileDescriptor, STDOUT_FILENO)
        defer {
            fflush(nil)
            dup2(saved, STDOUT_FILENO)
            close(saved)
            try? file.close()
        }
        try body()
        fflush(nil)
        return try String(contentsOf: url, encoding: .utf8)
    }
}

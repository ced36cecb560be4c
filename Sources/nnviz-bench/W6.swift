import Foundation

/// Workload W6: `nnviz report` on one long run (``W6Events``) at 10 MB, 100 MB and 1 GB of
/// JSON Lines, as a child process (wall time, MB/s, peak RSS, and the split the report prints
/// with `NNVIZ_REPORT_TIMINGS=1`), side by side with the peer: the same run as TensorBoard event
/// files (written once with tensorboardX) loaded by TensorBoard's `EventAccumulator` with its
/// default size guidance, and matplotlib drawing the same curves (`scripts/bench/w6_tensorboard_peer.py`).
enum W6 {
    /// Where the generated files and reports go: `$NNVIZ_W6_DIR`, else the temporary folder (never the repository).
    static var scratch: URL {
        if let d = ProcessInfo.processInfo.environment["NNVIZ_W6_DIR"] { return URL(fileURLWithPath: d) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-bench-w6")
    }

    /// The nnviz binary: `$NNVIZ_BIN`, else the one built next to this benchmark.
    static var nnviz: String {
        if let b = ProcessInfo.processInfo.environment["NNVIZ_BIN"] { return b }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return here.appendingPathComponent("nnviz").path
    }

    /// The peer's Python (`$NNVIZ_PEER_PYTHON`, else `python3`) and script.
    static var python: String { ProcessInfo.processInfo.environment["NNVIZ_PEER_PYTHON"] ?? "python3" }
    static var peerScript: String? {
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("scripts/bench/w6_tensorboard_peer.py")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    struct Row {
        var label: String; var bytes: Int; var steps: Int; var ours: ChildProcess; var split: String; var peer: ChildProcess?; var peerSplit: String
        /// nnviz's own peak resident memory in MB: the last `VmHWM` its timings line reports.
        var oursMB: Double { Double(split.split(separator: ",").last?.split(separator: " ").dropLast().last ?? "") ?? .nan }
        /// The peer's own peak resident memory in MB (`vmhwm_mb` in its JSON line).
        var peerMB: Double {
            let json = (try? JSONSerialization.jsonObject(with: Data(peerSplit.utf8))) as? [String: Any]
            return (json?["vmhwm_mb"] as? Double) ?? .nan
        }
    }

    static func bench(megabytes: [Int], withPeers: Bool) throws {
        print("\n== W6 long run: nnviz report on one run of N steps x 5 layers (stats every step, histograms every 100), as a child process")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var peerReason: String? = withPeers ? nil : "--no-peers"
        if withPeers {
            if let script = peerScript {
                let check = try ChildProcess.run([python, script, "check"])
                if check.status != 0 {
                    peerReason = "\(python) lacks tensorboard, tensorboardX or matplotlib (set NNVIZ_PEER_PYTHON): \(check.output.suffix(200))"
                }
            } else {
                peerReason = "scripts/bench/w6_tensorboard_peer.py not found (run from the package root)"
            }
        }
        if let peerReason { print("peer: not run: \(peerReason)") }
        var rows: [Row] = []
        for mb in megabytes {
            let label = mb >= 1000 ? "\(mb / 1000) GB" : "\(mb) MB"
            let file = scratch.appendingPathComponent("w6-\(mb)mb.events.jsonl")
            let (steps, bytes) = try W6Events.write(bytes: mb * 1_000_000, to: file)
            let out = scratch.appendingPathComponent("report-\(mb)mb")
            try? FileManager.default.removeItem(at: out)
            let ours = try ChildProcess.run([nnviz, "report", file.path, "--out", out.path, "--quiet"], environment: ["NNVIZ_REPORT_TIMINGS": "1"])
            guard ours.status == 0 else { throw BenchError("nnviz report failed (status \(ours.status)): \(ours.output.suffix(400))") }
            let split = ours.output.split(separator: "\n").first { $0.hasPrefix("nnviz: timings:") }.map { String($0.dropFirst(15)) } ?? "?"
            var row = Row(label: label, bytes: bytes, steps: steps, ours: ours, split: split, peer: nil, peerSplit: "")
            if peerReason == nil, let script = peerScript {
                let logdir = scratch.appendingPathComponent("tb-\(mb)mb")
                let convert = try ChildProcess.run([python, script, "convert", "--events", file.path, "--logdir", logdir.path])
                guard convert.status == 0 else { throw BenchError("peer convert failed: \(convert.output.suffix(400))") }
                let figures = scratch.appendingPathComponent("peer-\(mb)mb")
                let peer = try ChildProcess.run([python, script, "load", "--logdir", logdir.path, "--out", figures.path])
                guard peer.status == 0 else { throw BenchError("peer load failed: \(peer.output.suffix(400))") }
                row.peer = peer
                row.peerSplit = peer.output.split(separator: "\n").last { $0.hasPrefix("{") }.map(String.init) ?? "?"
            }
            rows.append(row)
            print(line(row))
        }
        print(table(rows))
    }

    static func line(_ r: Row) -> String {
        var s = String(format: "%@ (%d steps, %.1f MB): nnviz %.2f s (CPU %.2f s), %.0f MB/s, peak RSS %.0f MB; split %@", r.label, r.steps,
                       Double(r.bytes) / 1e6, r.ours.seconds, r.ours.cpuSeconds, Double(r.bytes) / 1e6 / r.ours.seconds, r.oursMB, r.split)
        if let p = r.peer {
            s += String(format: "\n      peer (EventAccumulator + matplotlib) %.2f s (CPU %.2f s), peak RSS %.0f MB; %@", p.seconds, p.cpuSeconds,
                        r.peerMB, r.peerSplit)
        }
        return s
    }

    static func table(_ rows: [Row]) -> String {
        var t = "size    | steps   | nnviz s | MB/s  | RSS MB | peer s  | peer RSS MB | peer/nnviz\n"
        for r in rows {
            let peer = r.peer.map { String(format: "%7.2f | %11.0f | %9.1fx", $0.seconds, r.peerMB, $0.seconds / r.ours.seconds) }
                ?? "      - |           - |         -"
            t += String(format: "%-7@ | %7d | %7.2f | %5.0f | %6.0f | %@\n", r.label as NSString, r.steps, r.ours.seconds,
                        Double(r.bytes) / 1e6 / r.ours.seconds, r.oursMB, peer)
        }
        return t + "load: \(Machine.summary)"
    }
}

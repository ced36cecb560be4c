import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// nnviz-bench: the peer workloads of `shared/bench/peers/README.md` through nnviz, side by
/// side with the peers measured in the same run.
///
/// usage: nnviz-bench [w2] [overhead] [render] [w5] [w6] [--no-peers] [--steps N] [--rounds N] [--w6-mb A,B,...]
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    nnviz-bench: the peer workloads of shared/bench/peers/README.md through nnviz, with the peers
    (numpy + matplotlib, Keras 3 on JAX) measured in the same run when their packages are installed.

    USAGE: nnviz-bench [w2] [overhead] [w5] [render] [w6] [--no-peers] [--steps N] [--rounds N] [--w6-mb A,B,...]

      w2, overhead, w5, render, w6   the workloads to run (default: all)
      --no-peers                 skip the peers
      --steps N                  steps of each W2 training run (default 2000)
      --rounds N                 rounds of W5 and of the recording overhead (default 3)
      --w6-mb A,B,...            sizes of W6's event file in MB (default 10,100,1000; written to $NNVIZ_W6_DIR or /tmp)

    Results and the machine they were measured on: docs/BENCHMARKS.md.

    """
if arguments.contains("--help") || arguments.contains("-h") { print(usage, terminator: ""); exit(0) }
let known: Set<String> = ["w2", "overhead", "w5", "render", "w6", "--no-peers", "--steps", "--rounds", "--w6-mb"]
func isValue(_ k: Int, _ a: String) -> Bool {
    guard k > 0 else { return false }
    if arguments[k - 1] == "--w6-mb" { return a.split(separator: ",").allSatisfy { Int($0) != nil } }
    return ["--steps", "--rounds"].contains(arguments[k - 1]) && Int(a) != nil
}
for (k, a) in arguments.enumerated() where !known.contains(a) && !isValue(k, a) {
    FileHandle.standardError.write(Data("nnviz-bench: unknown argument '\(a)'\n\n\(usage)".utf8))
    exit(64)
}
let withPeers = !arguments.contains("--no-peers")
let steps = arguments.firstIndex(of: "--steps").flatMap { Int(arguments[$0 + 1]) } ?? 2000
let rounds = arguments.firstIndex(of: "--rounds").flatMap { Int(arguments[$0 + 1]) } ?? 3
let w6Megabytes = arguments.firstIndex(of: "--w6-mb").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [10, 100, 1000]
let workloads = arguments.enumerated().filter { !$1.hasPrefix("-") && !isValue($0, $1) }.map(\.element)

func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

print("machine: \(Machine.summary)")
do {
    if workloads.isEmpty || workloads.contains("w2") {
        try benchW2(steps: steps, withPeers: withPeers)
    }
    if workloads.isEmpty || workloads.contains("overhead") {
        try RecordingOverhead.run(steps: steps, data: Dataset<Float>.learnableUniform(),
                                  out: FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-bench-events"), rounds: rounds)
    }
    if workloads.isEmpty || workloads.contains("w5") {
        try W5.bench(out: FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-bench-w5"), withPeers: withPeers, repeats: rounds)
    }
    if workloads.isEmpty || workloads.contains("render") {
        try RenderBench.run(out: FileManager.default.temporaryDirectory.appendingPathComponent("nnviz-bench-render"), withPeers: withPeers)
    }
    if workloads.isEmpty || workloads.contains("w6") {
        try W6.bench(megabytes: w6Megabytes, withPeers: withPeers)
    }
} catch {
    FileHandle.standardError.write(Data("nnviz-bench: \(error)\n".utf8))
    exit(1)
}

func benchW2(steps: Int, withPeers: Bool) throws {
    print("\n== W2 init_compare_train: 784-100x4-10 ReLU, SGD 0.01, batch 128, \(steps) steps x 3 inits")
    let data = Dataset<Float>.learnableUniform()
    var ours: [W2.Mode: Double] = [:]
    for mode in W2.Mode.allCases {
        let (runs, sps) = try W2.run(mode, steps: steps, data: data)
        ours[mode] = sps
        let finals = runs.map { "\($0.name) \(fmt($0.losses.suffix(10).reduce(0, +) / Double(min(10, $0.losses.count)), 3))" }
        print("nnviz  \(mode.rawValue): \(fmt(sps)) steps/s   final loss (mean of last 10 records): \(finals.joined(separator: ", "))")
        print("       losses digest: \(runs.map { "\($0.name) \($0.digest)" }.joined(separator: ", "))")
    }
    guard withPeers else { return }
    if let reason = Peers.unavailableReason(needKeras: true) { print("peers: not run: \(reason)"); return }
    let record = try Peers.run("w2_init_compare_train.py", ["--impls", "numpy64,numpy32,keras_jit", "--steps", "\(steps)"])
    var best = ("", 0.0)
    if let impls = record["impls"] as? [String: [String: Any]] {
        for (name, f) in impls.sorted(by: { $0.key < $1.key }) {
            let sps = f["steps_per_s"] as? Double ?? 0
            print("peer   \(name): \(fmt(sps)) steps/s")
            if sps > best.1 { best = (name, sps) }
        }
    }
    print("load during peers: \(record["loadavg_1m"] ?? "?")")
    for mode in W2.Mode.allCases {
        print("ratio  nnviz (\(mode.rawValue)) / best peer (\(best.0)): \(fmt((ours[mode] ?? 0) / best.1, 2))x")
    }
}

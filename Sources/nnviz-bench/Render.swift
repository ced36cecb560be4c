import Foundation
import NNPlot
import NNReport
import NNStudies

/// The figures of W1 (12 rows of 5 histograms, 1200 x 300 px) and W4 (2 x 2 contour panels
/// with paths, 1000 x 800 px), rendered to PNG at 100 dpi and written, as matplotlib does.
enum RenderBench {
    static func run(out: URL, withPeers: Bool) throws {
        print("\n== Render: W1 (12 histogram figures, 1200x300 px) and W4 (2x2 contours + paths, 1000x800 px)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let configs = InitHistograms.compute()
        let w4 = OptimizerPaths.book.filter { ["SGD", "Momentum", "AdaGrad", "Adam"].contains($0.name) }
            .map { (name: $0.name, points: OptimizerPaths.path($0.make())) }
        func time(_ body: () throws -> Void) rethrows -> Double {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        }
        var w1s = Double.infinity, w4s = Double.infinity
        let repeats = Int(ProcessInfo.processInfo.environment["NNVIZ_RENDER_REPEATS"] ?? "3") ?? 3
        for _ in 0..<repeats {   // best of several, as the render is short
            if ProcessInfo.processInfo.environment["NNVIZ_W4_ONLY"] == nil { w1s = min(w1s, try time {
                for c in configs {
                    try InitHistograms.figure(c).write(to: out.appendingPathComponent("w1_\(c.activation)_\(c.initializer).png").path, dpi: 100)
                }
            }) }
            w4s = min(w4s, try time {
                // The grid evaluation is part of matplotlib's render (contour) too.
                try OptimizerPaths.figure(w4).write(to: out.appendingPathComponent("w4_optimizers.png").path, dpi: 100)
            })
        }
        let each = String(format: "%.1f", w1s / 12 * 1000)
        print("nnviz  W1 render: \(String(format: "%.4f", w1s)) s (12 figures, \(each) ms each)   W4 render: \(String(format: "%.4f", w4s)) s")
        guard withPeers else { return }
        if let reason = Peers.unavailableReason(needKeras: false) { print("peers: not run: \(reason)"); return }
        let r1 = try Peers.run("w1_init_histograms.py"), r4 = try Peers.run("w4_optimizer_trajectories.py")
        let m1 = r1["render_s"] as? Double ?? .nan, m4 = r4["render_s"] as? Double ?? .nan
        print("matplotlib W1 render_s: \(String(format: "%.3f", m1)) s   W4 render_s: \(String(format: "%.3f", m4)) s")
        let both = String(format: "%.1f", (m1 + m4) / (w1s + w4s))
        print("ratio  W1 \(String(format: "%.1f", m1 / w1s))x faster, W4 \(String(format: "%.1f", m4 / w4s))x faster, both \(both)x")
    }
}

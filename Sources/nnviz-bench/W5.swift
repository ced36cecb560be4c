import Foundation
import NNEngine
import NNPlot
import NNReport

/// Workload W5: W1 + W2 + W3 + W4 with the peers' shapes, steps and figure sizes (PNG at
/// 100 dpi), then one HTML file with the 16 PNGs inline as base64 and the result tables.
enum W5 {
    /// Weight-gradient norms of every dense layer at every step (W3).
    final class GradNorms: TrainingObserver {
        var norms: [[Double]] = []
        func needs(atStep step: Int) -> ObservationNeeds { .gradients }
        func observe(_ o: StepObservation<Float>) { norms.append(o.parameters.filter { $0.role == "W" }.map { $0.gradient.norm() }) }
    }

    struct W3Run: Sendable { var act: String; var norms: [[Double]]; var seconds: Double }

    static func w3(_ act: String, data: Dataset<Float>, batches: [[Int]]) throws -> W3Run {
        let (activation, initializer): (Activation, Initializer) = act == "sigmoid" ? (.sigmoid, .bookXavier) : (.relu, .bookHe)
        let model = try Sequential<Float>(inputFeatures: 256, seed: 2) {
            for _ in 0..<10 { Dense(64, activation: activation, initializer: initializer) }
            Dense(10, initializer: initializer)
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.01))
        let obs = GradNorms()
        let t0 = DispatchTime.now().uptimeNanoseconds
        for idx in batches { _ = try model.trainStep(data.x.gatherRows(idx), .classes(idx.map { data.labels[$0] }), observers: [obs]) }
        return W3Run(act: act, norms: obs.norms, seconds: Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }

    static func png(_ f: Figure) throws -> Data { try f.render(.png(dpi: 100)) }

    /// The whole pipeline; returns wall seconds and the HTML size.
    static func run(out: URL) throws -> (seconds: Double, htmlBytes: Int, parts: [String: Double]) {
        let t0 = Date()
        var parts: [String: Double] = [:]
        func lap(_ name: String, _ since: inout Date) { parts[name] = Date().timeIntervalSince(since); since = Date() }
        var t = Date()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var images: [(String, Data)] = []
        // W1
        let configs = InitHistograms.compute(seed: 0)
        for c in configs { images.append(("w1_\(c.activation)_\(c.initializer)", try png(InitHistograms.figure(c)))) }
        lap("w1", &t)
        // W2: the same scheduling as the W2 benchmark (two runs side by side, then the third with both threads).
        let (runs2, _) = try W2.run(.sideBySide, steps: 2000, data: Dataset<Float>.learnableUniform())
        var a2 = Axes(title: "W2 loss (nnviz)", xLabel: "iterations", yLabel: "loss", yLimits: 0...2.5)
        for (k, r) in runs2.enumerated() {
            a2.marks.append(.line(LineMark(x: r.losses.indices.map { Double($0 * 10) }, y: r.losses, label: r.name,
                                           marker: [MarkerShape.circle, .square, .diamond][k], markEvery: 20)))
        }
        images.append(("w2_loss_curves", try png(Figure(width: 576, height: 432, axes: [a2]))))
        lap("w2", &t)
        // W3: sigmoid + Xavier and ReLU + He side by side.
        let d3 = Dataset<Float>.learnableUniform(count: 60000, features: 256, classes: 10, seed: 3)
        var rng = SeededGenerator(seed: 1, stream: "w3-batches")
        let b3 = (0..<500).map { _ in (0..<64).map { _ in rng.nextInt(below: d3.count) } }
        let runs3 = try runSideBySide(2, width: 2) { k in try w3(k == 0 ? "sigmoid" : "relu", data: d3, batches: b3) }
        let names = (1...10).map { "L\($0)" } + ["out"]
        let lines = runs3.map { r -> Axes in
            var a = Axes(title: "\(r.act): |dW| per layer", xLabel: "step", yLabel: "gradient L2 norm", yScale: .log)
            for j in 0..<11 {
                a.marks.append(.line(LineMark(x: r.norms.indices.map(Double.init), y: r.norms.map { $0[j] }, label: r.act == "relu" ? names[j] : nil,
                                              color: ColorMap.viridis.color(at: Double(j) / 10), width: 0.8)))
            }
            return a
        }
        images.append(("w3_grad_norm_lines", try png(Figure(width: 864, height: 360, columns: 2, axes: lines))))
        let bars = runs3.map { r -> Axes in
            var a = Axes(title: "\(r.act): mean |dW| over 500 steps", xLabel: "layer", yScale: .log)
            a.marks = [.bar(BarMark(x: (0..<11).map(Double.init), height: (0..<11).map { j in r.norms.map { $0[j] }.reduce(0, +) / Double(r.norms.count) }))]
            a.xCategories = names
            return a
        }
        images.append(("w3_grad_norm_bars", try png(Figure(width: 864, height: 360, columns: 2, axes: bars))))
        lap("w3", &t)
        // W4
        let w4 = OptimizerPaths.book.filter { ["SGD", "Momentum", "AdaGrad", "Adam"].contains($0.name) }
            .map { (name: $0.name, points: OptimizerPaths.path($0.make())) }
        images.append(("w4_optimizers", try png(OptimizerPaths.figure(w4))))
        lap("w4", &t)
        // One HTML file with every PNG inline and the tables.
        var html = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>nnviz W5 report</title><style>body{font-family:sans-serif;margin:2em}img{max-width:100%;display:block}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body><h1>nnviz W5 report</h1>"
        html += "<h2>W1 activation statistics</h2><table><tr><th>config</th>" + (1...5).map { "<th>L\($0) mean/std</th>" }.joined() + "</tr>"
        for c in configs { html += "<tr><td>\(c.activation)/\(c.initializer)</td>" + c.layers.map { "<td>\(formatNumber($0.mean)) / \(formatNumber($0.std))</td>" }.joined() + "</tr>" }
        html += "</table><h2>W2</h2><table><tr><th>init</th><th>final loss</th></tr>" + runs2.map { "<tr><td>\($0.name)</td><td>\(formatNumber($0.losses.suffix(10).reduce(0, +) / 10))</td></tr>" }.joined() + "</table>"
        html += "<h2>W3</h2><table><tr><th>activation</th><th>|dW1|/|dW10| step 0</th></tr>" + runs3.map { "<tr><td>\($0.act)</td><td>\(formatNumber($0.norms[0][0] / $0.norms[0][9]))</td></tr>" }.joined() + "</table>"
        html += "<h2>W4</h2><table><tr><th>optimizer</th><th>final x</th><th>final y</th></tr>" + w4.map { "<tr><td>\($0.name)</td><td>\(formatNumber($0.points.last!.0))</td><td>\(formatNumber($0.points.last!.1))</td></tr>" }.joined() + "</table>"
        for (name, data) in images { html += "<img alt='\(name)' src='data:image/png;base64,\(data.base64EncodedString())'>" }
        html += "</body></html>"
        let page = out.appendingPathComponent("report.html")
        try AtomicFile.write(Data(html.utf8), to: page.path)
        lap("html", &t)
        precondition(images.count == 16)
        return (Date().timeIntervalSince(t0), html.utf8.count, parts)
    }

    static func bench(out: URL, withPeers: Bool) throws {
        print("\n== W5 report_end_to_end: W1 + W2 + W3 + W4 with the peers' shapes, then one HTML file with 16 inline PNGs")
        let r = try run(out: out)
        print(String(format: "nnviz  W5 total %.2f s (in process; %@), HTML %.1f MB", r.seconds,
                     r.parts.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.2f", $0.value))" }.joined(separator: ", "), Double(r.htmlBytes) / 1e6))
        guard withPeers else { return }
        if let reason = Peers.unavailableReason(needKeras: true) { print("peers: not run: \(reason)"); return }
        var best = Double.infinity
        for impl in ["numpy64", "keras_jit"] {
            let rec = try Peers.run("w5_report_end_to_end.py", ["--impl", impl])
            let total = rec["total_s"] as? Double ?? .nan, process = rec["process_s"] as? Double ?? .nan
            print(String(format: "peer   W5 %@: total_s %.2f s, process_s %.2f s (load %@)", impl, total, process, "\(rec["loadavg_1m"] ?? "?")"))
            best = min(best, total)
        }
        print(String(format: "ratio  fastest peer total_s / nnviz W5 total: %.1fx", best / r.seconds))
    }
}

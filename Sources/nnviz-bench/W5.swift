import Foundation
import NNEngine
import NNPlot
import NNReport
import NNStudies

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
        let obs = GradNorms(), watch = Stopwatch()
        let source = try IndexBatches(data.x, data.target, batches: batches)
        _ = try TrainingLoop(observers: [obs], callbacks: [watch], onNonFinite: .continue).run(model, on: source)
        return W3Run(act: act, norms: obs.norms, seconds: watch.seconds)
    }

    static func png(_ f: Figure) throws -> Data { try f.render(.png(dpi: 100)) }

    /// What one of W5's independent jobs produced.
    enum Output: Sendable {
        case w1([InitHistograms.Config], [(String, Data)])
        case w2(W2.Run)
        case w3([W3Run], [(String, Data)])
        case w4([(name: String, x: Double, y: Double)], Data)
    }

    /// W3's two figures: gradient norms per layer over the steps, and their means by depth.
    static func w3Figures(_ runs3: [W3Run]) throws -> [(String, Data)] {
        let names = (1...10).map { "L\($0)" } + ["out"]
        let lines = runs3.map { r -> Axes in
            var a = Axes(title: "\(r.act): |dW| per layer", xLabel: "step", yLabel: "gradient L2 norm", yScale: .log)
            for j in 0..<11 {
                a.marks.append(.line(LineMark(x: r.norms.indices.map(Double.init), y: r.norms.map { $0[j] }, label: r.act == "relu" ? names[j] : nil,
                                              color: ColorMap.viridis.color(at: Double(j) / 10), width: 0.8)))
            }
            return a
        }
        let bars = runs3.map { r -> Axes in
            var a = Axes(title: "\(r.act): mean |dW| over 500 steps", xLabel: "layer", yScale: .log)
            a.marks = [.bar(BarMark(x: (0..<11).map(Double.init), height: (0..<11).map { j in r.norms.map { $0[j] }.reduce(0, +) / Double(r.norms.count) }))]
            a.xCategories = names
            return a
        }
        return [("w3_grad_norm_lines", try png(Figure(width: 864, height: 360, columns: 2, axes: lines))),
                ("w3_grad_norm_bars", try png(Figure(width: 864, height: 360, columns: 2, axes: bars)))]
    }

    /// A value made once, by the first job that asks for it; jobs asking meanwhile wait.
    final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var made: T?
        private let make: @Sendable () -> T
        init(_ make: @escaping @Sendable () -> T) { self.make = make }
        var value: T {
            lock.lock(); defer { lock.unlock() }
            if let made { return made }
            let v = make()
            made = v
            return v
        }
    }

    /// The whole pipeline; returns wall seconds and the HTML size.
    ///
    /// The workloads are independent, so they run as one batch of jobs on both cores with one
    /// BLAS thread each (three W2 trainings, W3's two trainings and figures, W1 and W4 with
    /// their figures); the W2 figure, which needs all three runs, and the HTML follow.
    static func run(out: URL) throws -> (seconds: Double, htmlBytes: Int, parts: [String: Double], digest: String) {
        let t0 = Date()
        var parts: [String: Double] = [:]
        func lap(_ name: String, _ since: inout Date) { parts[name] = Date().timeIntervalSince(since); since = Date() }
        var t = Date()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        BLASThreads.set(1)
        // Each data set is made by the first job that needs it, while the jobs that need none
        // (W1, W4) use the other core.
        let d2 = Once { Dataset<Float>.learnableUniform() }
        let d3 = Once { Dataset<Float>.learnableUniform(count: 60000, features: 256, classes: 10, seed: 3) }
        let b2 = W2.batches(steps: 2000, count: 60000)
        var rng = SeededGenerator(seed: 1, stream: "w3-batches")
        let b3 = (0..<500).map { _ in (0..<64).map { _ in rng.nextInt(below: 60000) } }
        let outputs = try runSideBySide(6, width: 6) { k -> Output in
            switch k {
            case 0, 1, 2: return .w2(try W2.train(k, data: d2.value, batches: b2))
            case 3:
                let runs = try ["sigmoid", "relu"].map { try w3($0, data: d3.value, batches: b3) }
                return .w3(runs, try w3Figures(runs))
            case 4:
                let configs = InitHistograms.compute(seed: 0)
                return .w1(configs, try configs.map { ("w1_\($0.activation)_\($0.initializer)", try png(InitHistograms.figure($0))) })
            default:
                let w4 = OptimizerPaths.book.filter { ["SGD", "Momentum", "AdaGrad", "Adam"].contains($0.name) }
                    .map { (name: $0.name, points: OptimizerPaths.path($0.make())) }
                return .w4(w4.map { (name: $0.name, x: $0.points.last!.0, y: $0.points.last!.1) }, try png(OptimizerPaths.figure(w4)))
            }
        }
        lap("jobs", &t)
        var images: [(String, Data)] = []
        var configs: [InitHistograms.Config] = [], runs2: [W2.Run] = [], runs3: [W3Run] = [], images3: [(String, Data)] = []
        var w4: [(name: String, x: Double, y: Double)] = [], w4png = Data()
        for o in outputs {
            switch o {
            case .w1(let c, let pngs): configs = c; images += pngs
            case .w2(let r): runs2.append(r)
            case .w3(let r, let pngs): runs3 = r; images3 = pngs
            case .w4(let finals, let p): w4 = finals; w4png = p
            }
        }
        var a2 = Axes(title: "W2 loss (nnviz)", xLabel: "iterations", yLabel: "loss", yLimits: 0...2.5)
        for (k, r) in runs2.enumerated() {
            a2.marks.append(.line(LineMark(x: r.losses.indices.map { Double($0 * 10) }, y: r.losses, label: r.name,
                                           marker: [MarkerShape.circle, .square, .diamond][k], markEvery: 20)))
        }
        images.append(("w2_loss_curves", try png(Figure(width: 576, height: 432, axes: [a2]))))
        images += images3
        images.append(("w4_optimizers", w4png))
        lap("figures", &t)
        // One HTML file with every PNG inline and the tables.
        let html = reportHTML(configs: configs, runs2: runs2, runs3: runs3, w4: w4, images: images)
        let page = out.appendingPathComponent("report.html")
        try AtomicFile.write(Data(html.utf8), to: page.path)
        lap("html", &t)
        precondition(images.count == 16)
        let digest = "W2 " + runs2.map(\.digest).joined(separator: " ")
            + ", W3 " + runs3.map { Digest.of($0.norms.flatMap { $0 }) }.joined(separator: " ")
        return (Date().timeIntervalSince(t0), html.utf8.count, parts, digest)
    }

    /// The report page: the result tables, then every PNG inline.
    static func reportHTML(configs: [InitHistograms.Config], runs2: [W2.Run], runs3: [W3Run], w4: [(name: String, x: Double, y: Double)],
                     images: [(String, Data)]) -> String {
        let style = "body{font-family:sans-serif;margin:2em}img{max-width:100%;display:block}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:2px 6px}"
        var html = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>nnviz W5 report</title><style>\(style)</style></head>"
            + "<body><h1>nnviz W5 report</h1>"
        html += "<h2>W1 activation statistics</h2><table><tr><th>config</th>" + (1...5).map { "<th>L\($0) mean/std</th>" }.joined() + "</tr>"
        for c in configs {
            html += "<tr><td>\(c.activation)/\(c.initializer)</td>"
                + c.layers.map { "<td>\(formatNumber($0.mean)) / \(formatNumber($0.std))</td>" }.joined() + "</tr>"
        }
        html += "</table><h2>W2</h2><table><tr><th>init</th><th>final loss</th></tr>"
            + runs2.map { "<tr><td>\($0.name)</td><td>\(formatNumber($0.losses.suffix(10).reduce(0, +) / 10))</td></tr>" }.joined() + "</table>"
        html += "<h2>W3</h2><table><tr><th>activation</th><th>|dW1|/|dW10| step 0</th></tr>"
            + runs3.map { "<tr><td>\($0.act)</td><td>\(formatNumber($0.norms[0][0] / $0.norms[0][9]))</td></tr>" }.joined() + "</table>"
        html += "<h2>W4</h2><table><tr><th>optimizer</th><th>final x</th><th>final y</th></tr>"
            + w4.map { "<tr><td>\($0.name)</td><td>\(formatNumber($0.x))</td><td>\(formatNumber($0.y))</td></tr>" }.joined() + "</table>"
        for (name, data) in images { html += "<img alt='\(name)' src='data:image/png;base64,\(data.base64EncodedString())'>" }
        html += "</body></html>"
        return html
    }

    /// Runs W5 `repeats` times, each time followed by the peers' W5 (numpy64 and keras_jit),
    /// so that drifts of the machine touch both sides; prints every run, then the best and
    /// the median of each and their ratios.
    static func bench(out: URL, withPeers: Bool, repeats: Int) throws {
        print("\n== W5 report_end_to_end: W1 + W2 + W3 + W4 with the peers' shapes, then one HTML file with 16 inline PNGs"
              + " (\(repeats) rounds)")
        let peersReady = withPeers ? Peers.unavailableReason(needKeras: true) : "--no-peers"
        if let reason = peersReady, withPeers { print("peers: not run: \(reason)") }
        var ours: [Double] = [], theirs: [String: [Double]] = [:]
        let impls = ["numpy64", "keras_jit"]
        for round in 1...max(1, repeats) {
            let r = try run(out: out)
            ours.append(r.seconds)
            let parts = r.parts.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.2f", $0.value))" }.joined(separator: ", ")
            print(String(format: "round %d nnviz  W5 total %.2f s (in process; %@), HTML %.1f MB", round, r.seconds, parts, Double(r.htmlBytes) / 1e6))
            print("round \(round) nnviz  W5 numbers digest: \(r.digest)")
            guard peersReady == nil else { continue }
            for impl in impls {
                let rec = try Peers.run("w5_report_end_to_end.py", ["--impl", impl])
                let total = rec["total_s"] as? Double ?? .nan, process = rec["process_s"] as? Double ?? .nan
                theirs[impl, default: []].append(total)
                print(String(format: "round %d peer   W5 %@: total_s %.2f s, process_s %.2f s (load %@)", round, impl, total, process,
                             "\(rec["loadavg_1m"] ?? "?")"))
            }
        }
        func median(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        print(String(format: "nnviz  W5 best %.2f s, median %.2f s", ours.min() ?? .nan, median(ours)))
        guard peersReady == nil else { return }
        for impl in impls {
            print(String(format: "peer   W5 %@ best %.2f s, median %.2f s", impl, theirs[impl]?.min() ?? .nan, median(theirs[impl] ?? [.nan])))
        }
        let fastestBest = impls.compactMap { theirs[$0]?.min() }.min() ?? .nan
        let fastestMedian = impls.map { median(theirs[$0] ?? [.nan]) }.min() ?? .nan
        print(String(format: "ratio  fastest peer / nnviz W5: %.1fx on the best of each, %.1fx on the medians",
                     fastestBest / (ours.min() ?? .nan), fastestMedian / median(ours)))
    }
}

import Foundation
import NNEngine
import NNEvents
import NNRecorder

extension ScalingRuns {
    /// The largest relative distance of (w1, w2) from the least-squares weights.
    static func relativeError(_ w: (Double, Double), _ ws: (Double, Double)) -> Double {
        max(abs(w.0 - ws.0) / abs(ws.0), abs(w.1 - ws.1) / abs(ws.1))
    }

    /// Steps until every weight is within `settled` of the least-squares value, from zero with
    /// rate `lr` (the same updates as the engine's, in closed form: w ← w − lr · 2(Aw − c)).
    static func stepsToSettle(_ x: Matrix<Double>, _ y: [Double], lr: Double, ws: (Double, Double)) -> Int {
        let (a, c) = moments(x, y)
        var w = (0.0, 0.0)
        for step in 0..<maxSteps {
            if relativeError(w, ws) <= settled { return step }
            let g = (2 * (a[0] * w.0 + a[1] * w.1 - c[0]), 2 * (a[2] * w.0 + a[3] * w.1 - c[1]))
            w = (w.0 - lr * g.0, w.1 - lr * g.1)
        }
        return maxSteps
    }

    /// One run: gradient descent from zero with rate 1/λ_max, recorded.
    static func run(_ name: String, _ x: Matrix<Double>, _ y: [Double], seed: UInt64) throws -> [Event] {
        let (ws, lambda) = closedForm(x, y)
        let lr = 1 / lambda.0
        let model = try Sequential<Double>(inputFeatures: 2, seed: seed) { Dense(1, initializer: .zeros, useBias: false, name: "linear") }
        model.compile(loss: MeanSquaredError(), optimizer: SGD(learningRate: lr))
        guard let dense = model.layers.first as? Dense<Double> else { return [] }
        let target = Target<Double>.values(try Matrix(rows: y.count, cols: 1, y))
        let memory = MemorySink()
        let recorder = EventRecorder<Double>(run: name, plan: .scalarsOnly, sinks: [memory], asynchronous: false)
        let raw = name == runs[0]
        recorder.start(model: model, study: "scaling", dataset: "linear regression, \(samples) samples, features of std 1 and 10 (seeded)",
                       splits: ["train": samples], batchSize: samples, producer: "nnviz \(NNVizVersion.string)",
                       label: raw ? "raw features" : "standardised features")
        let std = (0..<2).map { j in ((0..<x.rows).reduce(0.0) { $0 + x[$1, j] * x[$1, j] } / Double(x.rows)).squareRoot() }
        let lstar = loss(x, y, ws.0, ws.1)
        let fixed: [(String, Double)] = [("least_squares/w1", ws.0), ("least_squares/w2", ws.1), ("least_squares/loss", lstar),
                                         ("hessian/lambda_max", lambda.0), ("hessian/lambda_min", lambda.1),
                                         ("feature/std_x1", std[0]), ("feature/std_x2", std[1])]
        for (n, v) in fixed { recorder.emit(.scalar(ScalarEvent(run: name, name: n, step: 0, value: v))) }
        let steps = stepsToSettle(x, y, lr: lr, ws: ws)
        var converged = false
        var path: [(Double, Double)] = []
        for step in 0...steps {
            let w = (dense.weight.value[0, 0], dense.weight.value[1, 0])
            path.append(w)
            // The first 20 steps, then every 5th until the weights meet the criterion and every 10th after; always the
            // step at which they first meet it (so that it can be read off the events) and the last.
            let meets = !converged && relativeError(w, ws) <= tolerance
            if step < 20 || step % (converged ? 10 : 5) == 0 || meets || step == steps {
                // The loss in full: its excess over the minimum goes down to 1e-9 of it.
                recorder.emit(.trajectory(TrajectoryPoint(run: name, step: step, x: significant(w.0), y: significant(w.1), value: loss(x, y, w.0, w.1))))
            }
            converged = converged || relativeError(w, ws) <= tolerance
            guard step < steps else { break }
            _ = try model.trainStep(x, target, epoch: step, observers: step % 50 == 0 || step == steps - 1 ? [recorder] : [])
        }
        recorder.emit(.surface(surface(x, y, path: path, minimum: ws, run: name, raw: raw)))
        recorder.finish(.completed(epochs: steps))
        if let e = recorder.error { throw e }
        return memory.events
    }

    /// The loss on a 41 x 41 grid around the path and the minimum (values to 4 significant digits), at most 4 times as
    /// wide as high or high as wide (the view is widened in the short direction).
    static func surface(_ x: Matrix<Double>, _ y: [Double], path: [(Double, Double)], minimum ws: (Double, Double), run: String,
                        raw: Bool) -> Surface {
        var rx = span(path.map(\.0) + [ws.0]), ry = span(path.map(\.1) + [ws.1])
        let wx = rx.upperBound - rx.lowerBound, wy = ry.upperBound - ry.lowerBound
        if wx > 4 * wy { ry = widened(ry, to: wx / 4) } else if wy > 4 * wx { rx = widened(rx, to: wy / 4) }
        let gx = PlaneMarks.grid(rx, 41), gy = PlaneMarks.grid(ry, 41)
        let values = gy.map { b in gx.map { a in significant(loss(x, y, a, b), 4) } }
        let (lx, ly) = raw ? ("w₁ (weight of x₁, std 1)", "w₂ (weight of x₂, std 10)")
                           : ("w₁′ (weight of x₁ / std)", "w₂′ (weight of x₂ / std)")
        return Surface(run: run, name: "loss", x: gx, y: gy, values: values, xLabel: lx, yLabel: ly)
    }

    static func span(_ v: [Double]) -> ClosedRange<Double> {
        let lo = v.min() ?? 0, hi = v.max() ?? 1, pad = max(hi - lo, 1e-9) * 0.15
        return (lo - pad)...(hi + pad)
    }

    static func widened(_ r: ClosedRange<Double>, to width: Double) -> ClosedRange<Double> {
        let c = (r.lowerBound + r.upperBound) / 2
        return (c - width / 2)...(c + width / 2)
    }
}

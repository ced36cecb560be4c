import Foundation
import NNEngine
import NNEvents
import NNPlot

/// Optimiser trajectories on f(x, y) = x²/20 + y² from (-7, 2) (the book's ch. 6.1 figure;
/// workload W4): the engine's optimisers, applied to a two-element parameter.
public enum OptimizerPaths {
    /// The function.
    public static func f(_ x: Double, _ y: Double) -> Double { x * x / 20 + y * y }

    /// The optimisers with the book's rates (and stated rates for Nesterov and RMSProp).
    public static let book: [(name: String, make: @Sendable () -> any Optimizer<Double>)] = [
        ("SGD", { SGD(learningRate: 0.95) }),
        ("Momentum", { Momentum(learningRate: 0.1, momentum: 0.9) }),
        ("Nesterov", { Nesterov(learningRate: 0.1, momentum: 0.9) }),
        ("AdaGrad", { AdaGrad(learningRate: 1.5) }),
        ("RMSProp", { RMSProp(learningRate: 0.3, decay: 0.99) }),
        ("Adam", { Adam(learningRate: 0.3, beta1: 0.9, beta2: 0.999) }),
    ]

    /// The start and `steps` updates: steps + 1 points.
    public static func path(_ optimizer: any Optimizer<Double>, start: (Double, Double) = (-7, 2), steps: Int = 30) -> [(Double, Double)] {
        let p = Parameter<Double>(name: "xy", role: "W", value: Matrix(row: [start.0, start.1]), decays: false)
        var points = [start]
        for _ in 0..<steps {
            let (x, y) = (p.value.storage[0], p.value.storage[1])
            p.gradient = Matrix(row: [x / 10, 2 * y])
            optimizer.update([p])
            points.append((p.value.storage[0], p.value.storage[1]))
        }
        return points
    }

    /// f on an n x n grid over [-10, 10] x [-5, 5].
    public static func grid(_ n: Int = 250) -> (x: [Double], y: [Double], values: [[Double]]) {
        let xs = (0..<n).map { -10 + 20 * Double($0) / Double(n - 1) }
        let ys = (0..<n).map { -5 + 10 * Double($0) / Double(n - 1) }
        return (xs, ys, ys.map { y in xs.map { x in f(x, y) } })
    }

    /// One panel per optimiser over the contours (the W4 layout: 2 x 2 for 4 optimisers).
    public static func figure(_ paths: [(name: String, points: [(Double, Double)])], columns: Int = 2,
                              width: Double = 720, height: Double = 576, filled: Bool = false, gridSize: Int = 250) -> Figure {
        let g = grid(gridSize)
        let axes = paths.map { name, pts -> Axes in
            var a = Axes(title: name, xLabel: "x", yLabel: "y", xLimits: -10...10, yLimits: -10...10, grid: false)
            a.marks = [
                .contour(ContourMark(x: g.x, y: g.y, values: g.values, levels: [0.5, 1, 2, 3, 4, 5, 6, 7], filled: filled,
                                     lineColor: filled ? Color(hex: "666666") : nil, labelLevels: filled)),
                .path(PathMark(x: pts.map(\.0), y: pts.map(\.1), color: .red, arrows: true)),
                .scatter(ScatterMark(x: [0], y: [0], color: .black, size: 5, marker: .plus)),
            ]
            a.legend = false
            return a
        }
        let rows = (paths.count + columns - 1) / columns
        return Figure(title: "Optimiser paths on f(x, y) = x²/20 + y² from (−7, 2)", width: width, height: height,
                      rows: rows, columns: columns, axes: axes)
    }
}

extension OptimizerPaths {
    /// The six paths as trajectory events.
    public static func events(steps: Int = 30) -> [Event] {
        book.flatMap { name, make -> [Event] in
            let optimizer = make()
            let run = "optimizer-paths/\(name)"
            var out: [Event] = [.runStart(RunStart(run: run, study: "optimizer-paths", seed: 0, layers: [], parameterCount: 2,
                                                   optimizer: optimizer.name, optimizerSettings: optimizer.settings, loss: "x²/20 + y²",
                                                   dataset: "f(x, y) = x²/20 + y² from (-7, 2)", splits: [:], batchSize: 1,
                                                   producer: "nnviz \(NNVizVersion.string)"))]
            for (k, p) in path(optimizer, steps: steps).enumerated() {
                out.append(.trajectory(TrajectoryPoint(run: run, step: k, x: p.0, y: p.1, value: f(p.0, p.1))))
            }
            out.append(.runEnd(RunEnd(run: run, status: "completed", step: steps)))
            return out
        }
    }
}

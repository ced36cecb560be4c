import NNEngine
import NNEvents

/// A gradient check of a small random network (the engine's ``gradientCheck``): backprop's
/// gradient of every parameter against central differences, per parameter at ε = 1e-5, and the
/// largest relative error for ε from 1e-1 to 1e-10.
enum BackpropCheck {
    static let run = "backprop/gradient-check"
    /// The ε of the per-parameter check.
    static let epsilon = 1e-5
    /// The ε of the sweep.
    static let epsilons = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10]
    static let samples = 6

    /// The check's events; none when the engine refuses (it cannot with these fixed shapes).
    static func events(seed: UInt64) -> [Event] { (try? compute(seed: seed)) ?? [] }

    static func compute(seed: UInt64) throws -> [Event] {
        let model = try Sequential<Double>(inputFeatures: 3, seed: seed) {
            Dense(4, activation: .tanh)
            Dense(3, activation: .sigmoid)
            Dense(2)
        }
        model.compile(loss: SoftmaxCrossEntropy<Double>(), optimizer: SGD(learningRate: 0))
        var rng = SeededGenerator(seed: seed, stream: "gradient-check")
        let x = Matrix<Double>.normal(rows: samples, cols: 3, using: &rng)
        let y = Target<Double>.classes((0..<samples).map { _ in rng.nextInt(below: 2) })
        let layers = model.layers.map { l in
            let r = l.record
            return LayerInfo(name: r.name, kind: r.kind, inputs: r.inputs, outputs: r.outputs, activation: r.activation,
                             initializer: r.initializer, parameters: r.parameterCount)
        }
        var out: [Event] = [.runStart(RunStart(run: run, study: BackpropExamples.study, seed: seed, layers: layers,
                                               parameterCount: model.parameterCount, optimizer: "", optimizerSettings: [:],
                                               loss: "softmax_cross_entropy", dataset: "\(samples) standard-normal inputs, random classes",
                                               splits: ["batch": samples], batchSize: samples, producer: "nnviz \(NNVizVersion.string)"))]
        func add(_ name: String, _ v: Double) { out.append(.scalar(ScalarEvent(run: run, name: name, step: 0, value: v))) }
        add("epsilon", epsilon)
        for r in try gradientCheck(model, x: x, y: y, epsilon: epsilon) {
            add("relative_error/\(r.parameter)", r.relativeError)
            add("max_abs_error/\(r.parameter)", r.maxAbsoluteError)
            add("gradient_norm/\(r.parameter)", r.gradientNorm)
        }
        var worst: [Double] = []
        for eps in epsilons { worst.append(try gradientCheck(model, x: x, y: y, epsilon: eps).map(\.relativeError).max() ?? .nan) }
        out.append(.curve(Curve(run: run, name: "max_relative_error", x: epsilons, y: worst, xLabel: "ε (finite-difference step)",
                                yLabel: "largest relative error")))
        out.append(.runEnd(RunEnd(run: run, status: "completed", step: 0)))
        return out
    }
}

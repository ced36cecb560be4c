import Foundation
import NNEngine
import NNEvents

/// The course notes' worked examples of the forward pass and of backpropagation, computed by the
/// engine and written as events (every number the section shows comes from here, through the
/// event store): the three-layer forward pass (§2 of worked-examples.md), the 2-2-2 network's
/// gradients and one SGD step (§3), and the computational graphs (§4). The gradient check of a
/// small random network is in ``BackpropCheck``.
enum BackpropExamples {
    static let study = "backprop"
    static let forwardRun = "backprop/forward-pass"
    static let stepRun = "backprop/two-two-two"

    /// Every worked example's events. The inputs are the notes' fixed numbers, so the events do
    /// not depend on the seed; an engine error (impossible with these fixed shapes) leaves the
    /// example out, and the section then draws what remains.
    static func events() -> [Event] {
        var out: [Event] = []
        if let e = try? forwardPass() { out += e }
        if let e = try? oneStep() { out += e }
        out += BackpropGraphs.events()
        return out
    }

    /// `run_start` of a worked example whose weights the notes set by hand.
    static func start(_ run: String, layers: [LayerInfo], optimizer: String = "", settings: [String: Double] = [:], loss: String = "",
                      dataset: String) -> Event {
        .runStart(RunStart(run: run, study: study, seed: 0, layers: layers, parameterCount: layers.map(\.parameters).reduce(0, +),
                           optimizer: optimizer, optimizerSettings: settings, loss: loss, dataset: dataset, splits: ["train": 1],
                           batchSize: 1, producer: "nnviz \(NNVizVersion.string)"))
    }

    /// The layers of `model` as `run_start` describes them, with the initialiser named as the notes' hand-set weights.
    static func layers(_ model: Sequential<Double>) -> [LayerInfo] {
        model.layers.map { l in
            let r = l.record
            return LayerInfo(name: r.name, kind: r.kind, inputs: r.inputs, outputs: r.outputs, activation: r.activation,
                             initializer: "set by hand (notes)", parameters: r.parameterCount)
        }
    }

    /// Scalars named `name[i]` (or `name[i,j]` for a matrix), 1-based as in the notes' a₁⁽¹⁾.
    static func scalars(_ run: String, _ name: String, _ m: Matrix<Double>, step: Int = 0) -> [Event] {
        (0..<m.rows).flatMap { i in
            (0..<m.cols).map { j in
                let index = m.rows == 1 ? "\(j + 1)" : "\(i + 1),\(j + 1)"
                return .scalar(ScalarEvent(run: run, name: "\(name)[\(index)]", step: step, value: m[i, j]))
            }
        }
    }

    /// §2: X = [1.0, 0.5] through 2-3-2-2 (sigmoid, sigmoid, identity) with the notes' weights.
    static func forwardPass() throws -> [Event] {
        let model = try Sequential<Double>(inputFeatures: 2) {
            Dense(3, activation: .sigmoid)
            Dense(2, activation: .sigmoid)
            Dense(2)
        }
        let dense = model.layers.compactMap { $0 as? Dense<Double> }
        let w: [Matrix<Double>] = [try Matrix([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), try Matrix([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
                                   try Matrix([[0.1, 0.3], [0.2, 0.4]])]
        let b = [Matrix(row: [0.1, 0.2, 0.3]), Matrix(row: [0.1, 0.2]), Matrix(row: [0.1, 0.2])]
        for k in 0..<3 { try dense[k].setWeights(w[k], bias: b[k]) }
        let x = Matrix(row: [1.0, 0.5])
        let y = try model.forward(x, training: false)
        var out = [start(forwardRun, layers: layers(model), dataset: "course notes: X = [1.0, 0.5]")]
        out += scalars(forwardRun, "X", x)
        for k in 0..<3 {
            out += scalars(forwardRun, "W\(k + 1)", w[k]) + scalars(forwardRun, "B\(k + 1)", b[k])
            if k < 2, let a = dense[k].lastPreActivation, let z = dense[k].lastOutput {
                out += scalars(forwardRun, "A\(k + 1)", a) + scalars(forwardRun, "Z\(k + 1)", z)
            }
        }
        out += scalars(forwardRun, "Y", y)
        out.append(.runEnd(RunEnd(run: forwardRun, status: "completed", step: 0)))
        return out
    }

    /// §3: the 2-2-2 sigmoid network without bias, E = ½ Σ (t − o)², one SGD step of rate 0.5.
    /// Weights w1..w8 as the notes number them: w1, w2 into h1 from x1, x2; w3, w4 into h2; w5,
    /// w6 into o1 from h1, h2; w7, w8 into o2. Step 0 holds the values before the update, step 1 after.
    static func oneStep() throws -> [Event] {
        let model = try Sequential<Double>(inputFeatures: 2) {
            Dense(2, activation: .sigmoid, useBias: false)
            Dense(2, activation: .sigmoid, useBias: false)
        }
        let dense = model.layers.compactMap { $0 as? Dense<Double> }
        // W is inputs x outputs: column j holds the weights into unit j.
        try dense[0].setWeights(Matrix([[0.3, 0.4], [0.25, 0.35]]))
        try dense[1].setWeights(Matrix([[0.45, 0.7], [0.4, 0.6]]))
        let loss = MeanSquaredError<Double>(.halfSum), rate = 0.5
        model.compile(loss: loss, optimizer: SGD(learningRate: rate))
        let x = Matrix(row: [0.1, 0.2]), t = Matrix(row: [0.4, 0.6])
        let (e, o) = try model.computeGradients(x, .values(t))
        let dEdo = try loss.evaluate(o, .values(t)).gradient
        /// The eight numbers of the notes' order from the two weight matrices (or their gradients).
        func eight(_ m0: Matrix<Double>, _ m1: Matrix<Double>) -> [Double] {
            [m0[0, 0], m0[1, 0], m0[0, 1], m0[1, 1], m1[0, 0], m1[1, 0], m1[0, 1], m1[1, 1]]
        }
        let before = eight(dense[0].weight.value, dense[1].weight.value)
        let gradients = eight(dense[0].weight.gradient, dense[1].weight.gradient)
        var out = [start(stepRun, layers: layers(model), optimizer: "sgd", settings: ["learning_rate": rate], loss: loss.name,
                         dataset: "course notes: x = [0.1, 0.2], t = [0.4, 0.6]")]
        func add(_ name: String, _ v: Double, step: Int = 0) { out.append(.scalar(ScalarEvent(run: stepRun, name: name, step: step, value: v))) }
        for (k, v) in x.storage.enumerated() { add("x\(k + 1)", v) }
        for (k, v) in t.storage.enumerated() { add("t\(k + 1)", v) }
        for (k, v) in (dense[0].lastPreActivation?.storage ?? []).enumerated() { add("z\(k + 1)", v) }
        for (k, v) in (dense[0].lastOutput?.storage ?? []).enumerated() { add("h\(k + 1)", v) }
        for (k, v) in o.storage.enumerated() { add("o\(k + 1)", v) }
        for (k, v) in dEdo.storage.enumerated() { add("dE/do\(k + 1)", v) }
        add("E", e)
        for (k, v) in before.enumerated() { add("w\(k + 1)", v) }
        for (k, v) in gradients.enumerated() { add("dE/dw\(k + 1)", v) }
        _ = try model.trainStep(x, .values(t))
        for (k, v) in eight(dense[0].weight.value, dense[1].weight.value).enumerated() { add("w\(k + 1)", v, step: 1) }
        add("E", try model.computeGradients(x, .values(t)).loss, step: 1)
        out.append(.runEnd(RunEnd(run: stepRun, status: "completed", step: 0)))
        return out
    }
}

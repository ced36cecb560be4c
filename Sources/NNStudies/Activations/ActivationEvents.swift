import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// What the activations study computes, as events: each activation of the notes and its
/// derivative as the engine computes them, softmax with and without subtracting the maximum,
/// cross-entropy against the probability of the right class, and accuracy against loss along
/// one weight of a small trained classifier (``AccuracyLine``).
enum ActivationEvents {
    static let study = "activations"
    static let functionsRun = "activations/functions"
    static let softmaxRun = "activations/softmax"
    static let crossEntropyRun = "activations/cross-entropy"

    /// The notes' activations, in their order. Leaky ReLU's α is 0.1 so that its slope shows.
    static let activations: [Activation] = [.step, .sign, .sigmoid, .tanh, .relu, .leakyRelu(alpha: 0.1), .identity]
    /// The logits of the notes' softmax example.
    static let logits = [1010.0, 1000, 990]
    /// Where the cross-entropy is written out.
    static let probabilities = [0.9, 0.5, 0.1, 0.01]

    static func events(seed: UInt64) -> [Event] {
        functions() + softmax() + crossEntropy() + AccuracyLine.events(seed: seed)
    }

    /// `run_start` of a part that trains nothing.
    static func start(_ run: String, dataset: String) -> Event {
        .runStart(RunStart(run: run, study: study, seed: 0, layers: [], parameterCount: 0, optimizer: "", optimizerSettings: [:], loss: "",
                           dataset: dataset, splits: [:], batchSize: 0, producer: "nnviz \(NNVizVersion.string)"))
    }

    static func end(_ run: String) -> Event { .runEnd(RunEnd(run: run, status: "completed", step: 0)) }

    /// Each activation h and its derivative h′ (backward of an upstream gradient of 1) on x in [−5, 5].
    static func functions() -> [Event] {
        let xs = (-50...50).map { Double($0) / 10 }
        let x = Matrix(row: xs)
        var out = [start(functionsRun, dataset: "x from −5 to 5 in steps of 0.1")]
        for act in activations {
            let y = act.forward(x)
            let slope = act.backward(input: x, output: y, gradient: Matrix(rows: 1, cols: xs.count, repeating: 1))
            // ReLU gives −0 for negative inputs; an event file writes it as 0, so the events say 0 from the start.
            func plain(_ v: [Double]) -> [Double] { v.map { $0 == 0 ? 0 : $0 } }
            out.append(.curve(Curve(run: functionsRun, name: act.description, x: xs, y: plain(y.storage), xLabel: "x", yLabel: "h(x)")))
            out.append(.curve(Curve(run: functionsRun, name: act.description + "'", x: xs, y: plain(slope.storage), xLabel: "x",
                                    yLabel: "h′(x)")))
        }
        return out + [end(functionsRun)]
    }

    /// softmax([1010, 1000, 990]) in float64: naively, e^a / Σ e^a, and as the engine computes it,
    /// after subtracting the largest logit.
    static func softmax() -> [Event] {
        var out = [start(softmaxRun, dataset: "logits [1010, 1000, 990]")]
        func add(_ name: String, _ v: Double) { out.append(.scalar(ScalarEvent(run: softmaxRun, name: name, step: 0, value: v))) }
        let naive = logits.map { Foundation.exp($0) }, naiveSum = naive.reduce(0, +)
        let top = logits.max() ?? 0
        let shifted = logits.map { $0 - top }, shiftedExp = shifted.map { Foundation.exp($0) }
        let stable = Activation.softmax.forward(Matrix(row: logits)).storage
        for k in logits.indices {
            add("logit[\(k + 1)]", logits[k])
            add("naive/exp[\(k + 1)]", naive[k])
            add("naive/softmax[\(k + 1)]", naive[k] / naiveSum)
            add("stable/shifted[\(k + 1)]", shifted[k])
            add("stable/exp[\(k + 1)]", shiftedExp[k])
            add("stable/softmax[\(k + 1)]", stable[k])
        }
        add("naive/sum", naiveSum)
        add("stable/sum", shiftedExp.reduce(0, +))
        add("stable/softmax_sum", stable.reduce(0, +))
        add("float64/largest_exp_argument", Foundation.log(Double.greatestFiniteMagnitude))
        return out + [end(softmaxRun)]
    }

    /// The engine's softmax cross-entropy of two logits whose softmax gives the right class
    /// probability p, its gradient on the right class's logit (p − 1), and for contrast the
    /// gradient of the squared error ½ Σ (t − y)² of the same softmax output on that logit.
    static func crossEntropy() -> [Event] {
        let loss = SoftmaxCrossEntropy<Double>(), squared = MeanSquaredError<Double>(.halfSum)
        func evaluate(_ p: Double) -> (loss: Double, gradient: Double, squaredGradient: Double) {
            let a = Matrix(row: [Foundation.log(p), Foundation.log(1 - p)])
            let y = Activation.softmax.forward(a)
            guard let ce = try? loss.evaluate(a, .classes([0])), let se = try? squared.evaluate(y, .classes([0])) else { return (.nan, .nan, .nan) }
            let back = Activation.softmax.backward(input: a, output: y, gradient: se.gradient)
            return (ce.value, ce.gradient[0, 0], back[0, 0])
        }
        let ps = (1...199).map { Double($0) / 200 }
        let values = ps.map(evaluate)
        var out = [start(crossEntropyRun, dataset: "two classes, probability p of the right one from 0.005 to 0.995")]
        func curve(_ name: String, _ y: [Double], _ label: String) {
            out.append(.curve(Curve(run: crossEntropyRun, name: name, x: ps, y: y, xLabel: "p", yLabel: label)))
        }
        curve("cross_entropy", values.map(\.loss), "−log p")
        curve("cross_entropy_gradient", values.map(\.gradient), "∂L/∂a (right class)")
        curve("squared_error_gradient", values.map(\.squaredGradient), "∂E/∂a (right class), E = ½ Σ (t − y)²")
        for p in probabilities {
            let v = evaluate(p)
            out.append(.scalar(ScalarEvent(run: crossEntropyRun, name: "cross_entropy(p=\(p))", step: 0, value: v.loss)))
            out.append(.scalar(ScalarEvent(run: crossEntropyRun, name: "gradient(p=\(p))", step: 0, value: v.gradient)))
            out.append(.scalar(ScalarEvent(run: crossEntropyRun, name: "squared_error_gradient(p=\(p))", step: 0, value: v.squaredGradient)))
        }
        return out + [end(crossEntropyRun)]
    }
}

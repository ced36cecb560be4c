import Foundation
import NNEngine
import NNEvents
import NNRecorder

/// Why accuracy cannot be the loss: a softmax classifier of 2-D points (two Gaussian blobs,
/// 40 points) trained briefly, then one of its weights moved along a line through its trained
/// value. Along the line accuracy is a staircase, so its numerical derivative is 0 almost
/// everywhere; the cross-entropy's is not.
enum AccuracyLine {
    static let run = "activations/accuracy-vs-loss"
    static let samples = 40
    static let steps = 60
    static let learningRate = 0.1
    /// The weight moved: from input x₁ to the logit of class 0.
    static let weight = "dense_1/W[1,1]"
    /// Points on the line and its half-width around the trained value.
    static let points = 301
    static let halfWidth = 3.0

    static func events(seed: UInt64) -> [Event] { (try? compute(seed: seed)) ?? [] }

    static func compute(seed: UInt64) throws -> [Event] {
        let data = try SyntheticSet.gauss.generate(count: samples, noise: 0.2, seed: seed, as: Double.self)
        let model = try Sequential<Double>(inputFeatures: 2, seed: seed) { Dense(2) }
        model.compile(loss: SoftmaxCrossEntropy<Double>(), optimizer: SGD(learningRate: learningRate), metrics: [.accuracy])
        let memory = MemorySink()
        let recorder = EventRecorder<Double>(run: run, plan: .scalarsOnly, sinks: [memory], asynchronous: false)
        recorder.start(model: model, study: ActivationEvents.study, dataset: "gauss: \(samples) points in two Gaussian blobs (seed \(seed))",
                       splits: ["train": samples], batchSize: samples, producer: "nnviz \(NNVizVersion.string)", label: "softmax classifier")
        for _ in 0..<steps { _ = try model.trainStep(data.x, data.target, observers: [recorder]) }
        guard let w = model.layers.compactMap({ $0 as? Dense<Double> }).first?.weight else { return [] }
        let trained = w.value[0, 0]
        func at(_ v: Double) throws -> (loss: Double, accuracy: Double) {
            w.value[0, 0] = v
            let logs = try model.evaluate(data.x, data.target)
            return (logs["loss"] ?? .nan, logs["accuracy"] ?? .nan)
        }
        // A grid of multiples of the spacing around the trained value (short numbers in the events and CSV).
        let perUnit = Double(points - 1) / (2 * halfWidth), h = 0.5 / perUnit
        let first = ((trained - halfWidth) * perUnit).rounded()
        let line = (0..<points).map { (first + Double($0)) / perUnit }
        var loss: [Double] = [], accuracy: [Double] = [], lossSlope: [Double] = [], accuracySlope: [Double] = []
        for v in line {
            let here = try at(v), plus = try at(v + h), minus = try at(v - h)
            loss.append(here.loss); accuracy.append(here.accuracy)
            lossSlope.append((plus.loss - minus.loss) / (2 * h)); accuracySlope.append((plus.accuracy - minus.accuracy) / (2 * h))
        }
        w.value[0, 0] = trained
        let label = "w = \(weight)"
        recorder.emit(.scalar(ScalarEvent(run: run, name: "trained \(weight)", step: steps - 1, value: trained)))
        recorder.emit(.scalar(ScalarEvent(run: run, name: "finite-difference h", step: steps - 1, value: h)))
        for (name, y) in [("loss", loss), ("accuracy", accuracy), ("loss slope", lossSlope), ("accuracy slope", accuracySlope)] {
            recorder.emit(.curve(Curve(run: run, name: name, x: line, y: y, xLabel: label, yLabel: name)))
        }
        recorder.emit(.points(PointSet(run: run, name: "train", x: (0..<samples).map { data.x[$0, 0] }, y: (0..<samples).map { data.x[$0, 1] },
                                       labels: data.labels)))
        recorder.finish(.completed(epochs: steps))
        return memory.events
    }
}

/// A stack of layers trained end to end, with a Keras-like API:
/// `compile(loss:optimizer:metrics:)`, `fit`, `evaluate`, `predict`, `predictClasses`.
///
/// ```swift
/// let model = try Sequential<Float>(inputFeatures: 784, seed: 7) {
///     Dense(100, activation: .relu, initializer: .bookHe)
///     Dense(10)
/// }
/// model.compile(loss: SoftmaxCrossEntropy(), optimizer: Adam(), metrics: [.accuracy])
/// let history = try model.fit(x, .classes(labels), epochs: 10, batchSize: 100, validation: .split(0.1))
/// ```
///
/// The model's seed fixes its initial weights, dropout masks and the order of batches.
public final class Sequential<Scalar: Real> {
    /// Features of each input sample.
    public let inputFeatures: Int
    /// The layers, first to last.
    public let layers: [any Layer<Scalar>]
    /// Outputs of the last layer.
    public let outputFeatures: Int
    /// The seed behind every random draw of this model.
    public let seed: UInt64
    /// The loss, once compiled.
    public private(set) var loss: (any Loss<Scalar>)?
    /// The optimiser, once compiled.
    public private(set) var optimizer: (any Optimizer<Scalar>)?
    /// Tracked metrics.
    public private(set) var metrics: [Metric] = []
    /// L2 weight decay λ: adds λ/2 Σ W² to the loss and λ W to each weight's gradient.
    public private(set) var weightDecay: Double = 0
    /// Training steps taken so far.
    public private(set) var step = 0
    /// The generator for batch order (``ShuffledEpochs`` shuffles with it).
    var batchRNG: SeededGenerator

    /// Builds the layers for `inputFeatures` inputs. Unnamed layers get Keras-style names
    /// (`dense_1`, `activation_2`, ...). Weights are drawn from `seed`.
    public init(inputFeatures: Int, seed: UInt64 = 0, @LayerBuilder<Scalar> _ layers: () -> [any Layer<Scalar>]) throws(ModelError) {
        self.inputFeatures = inputFeatures
        self.layers = layers()
        self.seed = seed
        self.batchRNG = SeededGenerator(seed: seed, stream: "batches")
        guard inputFeatures > 0 else { throw .invalidSetting("inputFeatures must be positive, got \(inputFeatures)") }
        guard !self.layers.isEmpty else { throw .invalidSetting("a model needs at least one layer") }
        var rng = SeededGenerator(seed: seed, stream: "init")
        var counters: [String: Int] = [:]
        var features = inputFeatures
        var names = Set<String>()
        for layer in self.layers {
            if layer.name.isEmpty {
                let kind = layer.record.kind
                counters[kind, default: 0] += 1
                layer.name = "\(kind)_\(counters[kind]!)"
            }
            guard names.insert(layer.name).inserted else { throw .invalidSetting("two layers are named '\(layer.name)'") }
            features = try layer.build(inputFeatures: features, rng: &rng)
        }
        self.outputFeatures = features
        // Layers create their parameter objects once, in `build`; the list is kept so that
        // each training step does not rebuild it.
        self.layerParameters = self.layers.map { $0.parameters }
        self.parameters = self.layerParameters.flatMap { $0 }
    }

    /// Each layer's parameters, in layer order (`parameters` is their concatenation).
    let layerParameters: [[Parameter<Scalar>]]
    /// The layers' records as last handed to observers, rebuilt when a layer was renamed.
    private var recordCache: [LayerRecord] = []

    /// Sets the loss, optimiser, metrics and weight decay used by `fit` and `evaluate`.
    public func compile(loss: any Loss<Scalar>, optimizer: any Optimizer<Scalar>, metrics: [Metric] = [],
                        weightDecay: Double = 0) {
        self.loss = loss
        self.optimizer = optimizer
        self.metrics = metrics
        self.weightDecay = weightDecay
    }

    /// Every trainable parameter, layer by layer.
    public let parameters: [Parameter<Scalar>]

    /// Number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// The values of every parameter (for checkpoints and `restoreBestWeights`).
    public var weights: [Matrix<Scalar>] { parameters.map(\.value) }

    /// Replaces every parameter's value; shapes must match.
    public func setWeights(_ values: [Matrix<Scalar>]) throws(ShapeError) {
        let ps = parameters
        guard values.count == ps.count else {
            throw ShapeError(context: "setWeights", expected: "\(ps.count) tensors", actual: "\(values.count)")
        }
        for (p, v) in zip(ps, values) {
            guard p.value.shape == v.shape else {
                throw ShapeError(context: "setWeights \(p.name)", expected: "\(p.value.shape)", actual: "\(v.shape)")
            }
            p.value = v
        }
    }

    /// A Keras-like summary: one line per layer and the parameter count.
    public var summary: String {
        (["model: \(inputFeatures) inputs -> \(outputFeatures) outputs"] + layers.map { "  " + $0.record.summaryLine }
            + ["  total: \(parameterCount) trainable parameters"]).joined(separator: "\n")
    }

    // MARK: Inference

    /// The forward pass of a batch through every layer.
    public func forward(_ x: Matrix<Scalar>, training: Bool) throws(ShapeError) -> Matrix<Scalar> {
        guard x.cols == inputFeatures else {
            throw ShapeError(context: "model input", expected: "(samples, \(inputFeatures))", actual: "\(x.shape)")
        }
        var h = x
        for layer in layers { h = try layer.forward(h, training: training) }
        return h
    }

    /// The model's outputs in inference mode, computed in batches of `batchSize`.
    public func predict(_ x: Matrix<Scalar>, batchSize: Int = 1024) throws(ShapeError) -> Matrix<Scalar> {
        guard x.rows > batchSize else { return try forward(x, training: false) }
        var out = Matrix<Scalar>(rows: 0, cols: 0)
        var storage: [Scalar] = []
        storage.reserveCapacity(x.rows * outputFeatures)
        var start = 0
        while start < x.rows {
            let end = min(start + batchSize, x.rows)
            storage += try forward(x.gatherRows(start..<end), training: false).storage
            start = end
        }
        out = try Matrix(rows: x.rows, cols: outputFeatures, storage)
        return out
    }

    /// The predicted class of each sample (argmax, or output > 0.5 for a single output).
    public func predictClasses(_ x: Matrix<Scalar>) throws(ShapeError) -> [Int] {
        let p = try predict(x)
        return Target<Scalar>.values(p).classIndices
    }

    /// The loss and metrics on a data set, in inference mode.
    public func evaluate(_ x: Matrix<Scalar>, _ y: Target<Scalar>) throws(ModelError) -> [String: Double] {
        guard let loss else { throw .notCompiled }
        do {
            let out = try predict(x)
            var logs = ["loss": try loss.evaluate(out, y).value + decayPenalty()]
            if metrics.contains(.accuracy) { logs["accuracy"] = Self.accuracy(out, y) }
            return logs
        } catch { throw .shape(error) }
    }

    static func accuracy(_ output: Matrix<Scalar>, _ target: Target<Scalar>) -> Double {
        let predicted = Target<Scalar>.values(output).classIndices
        let truth = target.classIndices
        guard !truth.isEmpty else { return 0 }
        return Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(truth.count)
    }

    private func decayPenalty() -> Double {
        guard weightDecay > 0 else { return 0 }
        return 0.5 * weightDecay * parameters.filter(\.decays).reduce(0) { $0 + $1.value.sumOfSquares() }
    }

    // MARK: Training

    /// The outcome of one training step.
    public struct StepResult: Sendable {
        /// The batch loss before the update (weight-decay penalty included).
        public let loss: Double
        /// The batch accuracy, when tracked.
        public let accuracy: Double?
    }

    /// Computes the loss and every parameter's gradient for a batch, without updating.
    public func computeGradients(_ x: Matrix<Scalar>, _ y: Target<Scalar>) throws(ModelError) -> (loss: Double, output: Matrix<Scalar>) {
        guard let loss else { throw .notCompiled }
        do {
            let out = try forward(x, training: true)
            let (value, grad) = try loss.evaluate(out, y)
            var g = grad
            for (i, layer) in layers.enumerated().reversed() {
                g = layer.backward(g, needInputGradient: i > 0)
            }
            if weightDecay > 0 {
                for p in parameters where p.decays { p.gradient.add(p.value, times: Scalar(weightDecay)) }
            }
            return (value + decayPenalty(), out)
        } catch { throw .shape(error) }
    }

    /// One optimisation step on a batch: forward, loss, backward, update. Observers see the
    /// step when they ask to.
    public func trainStep(_ x: Matrix<Scalar>, _ y: Target<Scalar>, epoch: Int = 0,
                          observers: [any TrainingObserver<Scalar>] = []) throws(ModelError) -> StepResult {
        guard let optimizer else { throw .notCompiled }
        // Each observer is asked once per step.
        let asked = observers.map { $0.needs(atStep: step) }
        let needs = asked.reduce(into: ObservationNeeds()) { $0.formUnion($1) }
        let (lossValue, out) = try computeGradients(x, y)
        let acc = metrics.contains(.accuracy) ? Self.accuracy(out, y) : nil
        let params = parameters
        let before = needs.contains(.updates) ? params.map { $0.value } : []
        let layerObs = needs.contains(.layerOutputs) ? layerObservations() : []
        let lr = optimizer.learningRate
        optimizer.update(params)
        if !needs.isEmpty {
            let paramObs = needs.contains(.gradients) || needs.contains(.updates) ? parameterObservations(before: before) : []
            let obs = StepObservation(step: step, epoch: epoch, loss: lossValue, accuracy: acc, batchSize: x.rows,
                                      learningRate: lr, layers: layerObs, parameters: paramObs)
            for k in 0..<observers.count where !asked[k].isEmpty { observers[k].observe(obs) }
        }
        step += 1
        return StepResult(loss: lossValue, accuracy: acc)
    }

    /// Each layer's outputs of the step just taken (plain loops over cached records: this runs
    /// at every recorded step, and generic iterators and rebuilt records cost training time).
    private func layerObservations() -> [LayerObservation<Scalar>] {
        if recordCache.count != layers.count { recordCache = layers.map { $0.record } }
        var out: [LayerObservation<Scalar>] = []
        out.reserveCapacity(layers.count)
        for i in 0..<layers.count {
            let l = layers[i]
            if recordCache[i].name != l.name { recordCache[i] = l.record }
            out.append(LayerObservation(index: i, record: recordCache[i], preActivation: l.lastPreActivation,
                                        activation: l.lastOutput ?? Matrix(rows: 0, cols: 0)))
        }
        return out
    }

    /// Every parameter's value and gradient, with its value before the update when `before`
    /// holds them (in the order of `parameters`).
    private func parameterObservations(before: [Matrix<Scalar>]) -> [ParameterObservation<Scalar>] {
        var out: [ParameterObservation<Scalar>] = []
        out.reserveCapacity(parameters.count)
        for i in 0..<layerParameters.count {
            for p in layerParameters[i] {
                out.append(ParameterObservation(name: p.name, layerIndex: i, role: p.role, value: p.value, gradient: p.gradient,
                                                previousValue: before.isEmpty ? nil : before[out.count]))
            }
        }
        return out
    }

    /// Trains for `epochs` passes over the data in batches of `batchSize` (nil: the whole set,
    /// i.e. full-batch gradient descent; 1: pure SGD). Batches are drawn in a seeded shuffled
    /// order when `shuffle` is true. A non-finite loss or parameter ends training with
    /// `.diverged` under the default policy; it never traps.
    ///
    /// A ``TrainingLoop`` over ``ShuffledEpochs``, validating at each epoch's end.
    public func fit(_ x: Matrix<Scalar>, _ y: Target<Scalar>, epochs: Int, batchSize: Int? = 32,
                    validation: Validation<Scalar> = .none, shuffle: Bool = true,
                    callbacks: [any Callback<Scalar>] = [], observers: [any TrainingObserver<Scalar>] = [],
                    onNonFinite: NonFinitePolicy = .stop) throws(ModelError) -> History {
        guard loss != nil, optimizer != nil else { throw .notCompiled }
        guard epochs >= 0 else { throw .invalidSetting("epochs must be >= 0, got \(epochs)") }
        guard y.count == x.rows else {
            throw .shape(ShapeError(context: "fit targets", expected: "\(x.rows) samples", actual: "\(y.count)"))
        }
        var trainX = x, trainY = y
        var held: (x: Matrix<Scalar>, y: Target<Scalar>)?
        switch validation {
        case .none: break
        case .data(let vx, let vy): held = (vx, vy)
        case .split(let f):
            guard f > 0, f < 1 else { throw .invalidSetting("validation split must be in (0, 1), got \(f)") }
            let nVal = Int((Double(x.rows) * f).rounded())
            let nTrain = x.rows - nVal
            guard nVal > 0, nTrain > 0 else { throw .invalidSetting("validation split \(f) of \(x.rows) samples leaves an empty set") }
            trainX = x.gatherRows(0..<nTrain); trainY = y.gather(0..<nTrain)
            held = (x.gatherRows(nTrain..<x.rows), y.gather(nTrain..<x.rows))
        }
        let batches = try ShuffledEpochs(trainX, trainY, batchSize: batchSize, epochs: epochs, shuffle: shuffle, model: self)
        let loop = TrainingLoop(observers: observers, callbacks: callbacks, validation: held, evaluation: .epochEnd,
                                onNonFinite: onNonFinite)
        return try loop.run(self, on: batches)
    }

    static func wrap(_ error: any Error) -> ModelError {
        if let e = error as? ModelError { return e }
        if let e = error as? ShapeError { return .shape(e) }
        return .invalidSetting("\(error)")
    }
}

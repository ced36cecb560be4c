import ArgumentParser
import Foundation
import NNEngine
import NNReport
import NNStudies

/// `nnviz train`: one training run on the embedded MNIST subset (or IDX files), printing
/// progress and the final test accuracy.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an MLP on MNIST-style data and print progress and test accuracy.",
        discussion: """
        Examples:
          nnviz train                                   784-100-10 ReLU, Adam, 10 epochs on the embedded subset
          nnviz train --hidden 100,100 --optimizer sgd --learning-rate 0.1
          nnviz train --images train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz
          nnviz train --config examples/custom.yaml --out runs/custom    record the config's runs as events, no report
        """
    )

    @Option(help: "Hidden layer sizes, comma-separated.") var hidden = "100"
    @Option(help: "Hidden activation: sigmoid, tanh, relu, leaky_relu, identity, step, sign.") var activation = "relu"
    @Option(help: "Weight initialiser: he_book, xavier_book, glorot_uniform, std=0.01, ...") var initializer = "he_book"
    @Option(help: "Optimiser: sgd, momentum, nesterov, adagrad, rmsprop, adam.") var optimizer = "adam"
    @Option(parsing: .unconditional, help: "Learning rate.") var learningRate = 0.001
    @Option(parsing: .unconditional, help: "Epochs.") var epochs = 10
    @Option(parsing: .unconditional, help: "Batch size.") var batchSize = 32
    @Option(parsing: .unconditional, help: "L2 weight decay lambda.") var weightDecay = 0.0
    @Option(parsing: .unconditional, help: "Seed for every random draw.") var seed: UInt64 = 42
    @Option(help: "IDX images file (raw or .gz); default: the embedded 5000-image MNIST subset.") var images: String?
    @Option(help: "IDX labels file matching --images.") var labels: String?
    @Option(parsing: .unconditional, help: "Fraction of each class held out for validation (watched every epoch).") var validationFraction = 0.1
    @Option(parsing: .unconditional, help: "Fraction of each class held out for the final test (evaluated once).") var testFraction = 0.2
    @Option(parsing: .unconditional, help: "OpenBLAS threads.") var threads = 1
    @Option(help: "Save the trained model to this file.") var save: String?
    @Flag(help: "Print nothing but errors.") var quiet = false
    @Option(help: "A YAML study config: run and record its runs (events only, no report).") var config: String?
    @Option(help: "With --config: where the event files go.") var out: String?
    @Flag(help: "With --config: fewer steps, for a first look and for tests.") var quick = false
    @Option(parsing: .unconditional, help: ArgumentHelp("With --config: run every training run N times with seeds seed, seed+1, ...",
                                                        valueName: "N"))
    var repeats: Int?

    func validate() throws {
        guard (images == nil) == (labels == nil) else { throw ValidationError("--images and --labels go together") }
        guard epochs >= 1, batchSize >= 1 else { throw ValidationError("--epochs and --batch-size must be at least 1") }
        guard epochs <= ConfigLimits.maxEpochs, batchSize <= ConfigLimits.maxBatchSize else {
            throw ValidationError("--epochs is at most \(ConfigLimits.maxEpochs) and --batch-size at most \(ConfigLimits.maxBatchSize) "
                                  + "(ConfigLimits), got \(epochs) and \(batchSize)")
        }
        guard learningRate.isFinite, learningRate > 0 else { throw ValidationError("--learning-rate must be a finite number > 0, got \(learningRate)") }
        guard weightDecay.isFinite, weightDecay >= 0 else { throw ValidationError("--weight-decay must be a finite number >= 0, got \(weightDecay)") }
        if let repeats {
            guard config != nil else { throw ValidationError("--repeats goes with --config") }
            guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
            guard repeats <= ConfigLimits.maxRepeats else {
                throw ValidationError("--repeats is \(repeats), more than the limit of \(ConfigLimits.maxRepeats) (ConfigLimits.maxRepeats)")
            }
        }
        guard (0.01...0.9).contains(testFraction) else { throw ValidationError("--test-fraction must be in [0.01, 0.9]") }
        guard (0.01...0.5).contains(validationFraction), validationFraction + testFraction < 0.95 else {
            throw ValidationError("--validation-fraction must be in [0.01, 0.5] and leave training samples with --test-fraction")
        }
    }

    func run() throws {
        if let config {
            var cfg = try StudyConfig.load(path: config)
            if quick || cfg.quick { cfg.makeQuick() }
            if let repeats { cfg.repeats = repeats }
            let dir = URL(fileURLWithPath: out ?? "runs/\(Slug.make(cfg.name))")
            let store = try StudyRunner.run(cfg, dataDirectory: dir, progress: ProgressBoard(quiet: quiet))
            let files = StudyRunner.eventsFileNames(store.runs.map(\.name))
            for r in store.runs { print(dir.appendingPathComponent(files[r.name] ?? StudyRunner.eventsFileName(r.name)).path) }
            return
        }
        BLASThreads.set(threads)
        let sizes = try hidden.split(separator: ",").map { part -> Int in
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n > 0, n <= ConfigLimits.maxWidth else {
                throw CLIError("--hidden: '\(part)' is not a layer size from 1 to \(ConfigLimits.maxWidth) (ConfigLimits.maxWidth)")
            }
            return n
        }
        guard sizes.count <= ConfigLimits.maxLayers else {
            throw CLIError("--hidden: \(sizes.count) layers, more than the limit of \(ConfigLimits.maxLayers) (ConfigLimits.maxLayers)")
        }
        guard let act = Activation(name: activation), act != .softmax else {
            throw CLIError("--activation: unknown activation '\(activation)' (one of \(ConfigSchema.activations))")
        }
        guard let initial = Initializer(name: initializer) else {
            throw CLIError("--initializer: unknown initialiser '\(initializer)' (one of \(ConfigSchema.initializers))")
        }
        guard let kind = OptimizerKind(rawValue: optimizer.lowercased()) else {
            throw CLIError("--optimizer: unknown optimiser '\(optimizer)' (one of \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let data: Dataset<Float>
        if let images, let labels { data = try Dataset<Float>.idx(images: images, labels: labels) } else { data = try .embeddedMNIST() }
        if let problem = ConfigLimits.modelProblem(inputs: data.x.cols, hidden: sizes, outputs: data.classes, batchSize: batchSize) {
            throw CLIError("--\(problem.key == "hidden" ? "hidden" : "batch-size"): \(problem.message)")
        }
        let (train, validation, test) = try data.stratifiedSplit(validation: validationFraction, test: testFraction, seed: seed)
        let model = try Sequential<Float>(inputFeatures: data.x.cols, seed: seed) {
            for n in sizes { Dense(n, activation: act, initializer: initial) }
            Dense(data.classes, initializer: initial)
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: kind.make(learningRate: learningRate), metrics: [.accuracy],
                      weightDecay: weightDecay)
        let progress = ProgressBoard(quiet: quiet)
        progress.note("data: \(data.name), \(train.count) train / \(validation.count) validation / \(test.count) test samples (by class), seed \(seed)")
        progress.note(model.summary)
        let reporter = EpochReporter(progress: progress, epochs: epochs)
        progress.began("train", steps: epochs * ((train.count + batchSize - 1) / batchSize))
        let history = try model.fit(train.x, train.target, epochs: epochs, batchSize: batchSize, validation: .data(validation.x, validation.target),
                                    observers: [reporter])
        progress.ended("train", summary: "\(history.outcome)")
        let result = try model.evaluate(test.x, test.target)
        progress.note("test accuracy \(String(format: "%.4f", result["accuracy"] ?? 0)), test loss \(String(format: "%.4f", result["loss"] ?? 0))")
        if let save { try model.save(to: save); progress.note("saved model to \(save)") }
        if quiet { print(String(format: "%.4f", result["accuracy"] ?? 0)) }
    }
}

/// Feeds the progress board: the step and batch loss (free to observe), and a line per epoch.
final class EpochReporter: TrainingObserver {
    let progress: ProgressBoard
    let epochs: Int

    init(progress: ProgressBoard, epochs: Int) {
        self.progress = progress
        self.epochs = epochs
    }

    func needs(atStep step: Int) -> ObservationNeeds { .scalars }

    func observe(_ observation: StepObservation<Float>) {
        progress.advanced("train", step: observation.step + 1, loss: observation.loss)
    }

    func epochEnded(_ epoch: Int, logs: [String: Double]) {
        let f = { (k: String) in logs[k].map { String(format: "%.4f", $0) } ?? "-" }
        progress.note("epoch \(epoch + 1)/\(epochs)  loss \(f("loss"))  accuracy \(f("accuracy"))  "
                      + "val loss \(f("val_loss"))  val accuracy \(f("val_accuracy"))")
    }
}

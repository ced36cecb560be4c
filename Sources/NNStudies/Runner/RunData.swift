import NNEngine

/// Inputs and targets of one part of a run's data.
struct Samples {
    var x: Matrix<Float>
    var y: Target<Float>

    /// Samples.
    var count: Int { x.rows }

    /// The first `n` samples (all of them when `n` is nil or not smaller).
    func prefix(_ n: Int?) -> Samples {
        guard let n, n < count else { return self }
        return Samples(x: x.gatherRows(0..<n), y: y.gather(0..<n))
    }
}

/// The samples one run trains, watches and tests on: its part of the study data (the first N
/// training or validation samples when the run asks), or a generated regression set. Training,
/// validation and test samples stay the three disjoint parts of the study data's split.
struct RunData {
    /// The data set's name as `run_start` records it.
    var name: String
    var train: Samples
    var validation: Samples
    var test: Samples
    /// Outputs of the network: the classes, or 1 for a regression target.
    var outputs: Int
    /// Whether accuracy is measured.
    var isClassification: Bool

    /// The share of each part held out, as the study data splits the images.
    static let fractions = (validation: StudyData.validationFraction, test: StudyData.testFraction)

    /// Training samples of `spec` before it is run (to count its epochs' steps).
    static func trainCount(_ spec: RunSpec, data: StudyData) -> Int {
        let all: Int
        switch spec.data {
        case .mnist: all = data.train.count
        case .friedman1: all = regressionSizes.train
        }
        return min(spec.trainSamples ?? all, all)
    }

    /// The sizes of the regression set's parts (2000 samples split 70 / 10 / 20 %).
    static let regressionSizes = (train: 1400, validation: 200, test: 400)

    /// The samples of `spec`; `seed` draws the regression set (the config's seed, like the split of the images).
    static func make(_ spec: RunSpec, data: StudyData, seed: UInt64) throws -> RunData {
        switch spec.data {
        case .mnist:
            var name = data.name
            if let n = spec.trainSamples, n < data.train.count { name += ", first \(n) of \(data.train.count) training samples" }
            if let n = spec.validationSamples, n < data.validation.count { name += ", first \(n) of \(data.validation.count) validation samples" }
            return RunData(name: name, train: Samples(x: data.train.x, y: data.train.target).prefix(spec.trainSamples),
                           validation: Samples(x: data.validation.x, y: data.validation.target).prefix(spec.validationSamples),
                           test: Samples(x: data.test.x, y: data.test.target), outputs: data.train.classes, isClassification: true)
        case .friedman1:
            let set = try RegressionSet.friedman1(seed: seed)
            let (train, validation, test) = try set.split(validation: fractions.validation, test: fractions.test, seed: seed)
            // Standardised with the training part's mean and std, as the notes' StandardScaler.
            let scaler = FeatureScaler<Float>(.standardize, fittedOn: train.x)
            func part(_ p: RegressionSet) throws -> Samples { Samples(x: try scaler.transform(p.x), y: .values(p.y)) }
            return RunData(name: set.name, train: try part(train).prefix(spec.trainSamples),
                           validation: try part(validation).prefix(spec.validationSamples), test: try part(test),
                           outputs: 1, isClassification: false)
        }
    }

    /// Samples per part, as `run_start` records them.
    var splits: [String: Int] { ["train": train.count, "validation": validation.count, "test": test.count] }
}

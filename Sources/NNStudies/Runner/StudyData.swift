import Foundation
import NNEngine

/// The data every training study uses, in the three roles the course teaches: `train` to fit,
/// `validation` to watch and choose during training (curves, early stopping), `test` evaluated
/// once, at the end. The split is stratified by class and seeded.
public struct StudyData: Sendable {
    /// The data set's name.
    public var name: String
    /// Samples the networks are trained on.
    public var train: Dataset<Float>
    /// Samples evaluated during training (`val/*` events).
    public var validation: Dataset<Float>
    /// Samples evaluated once, at the end of each run (`test/*` events).
    public var test: Dataset<Float>

    /// The share of each class held out for validation.
    public static let validationFraction = 0.1
    /// The share of each class held out for the final test.
    public static let testFraction = 0.2

    /// The embedded MNIST subset (or IDX files), split 70 / 10 / 20 % by class with `seed`.
    public static func load(seed: UInt64, images: String? = nil, labels: String? = nil) throws -> StudyData {
        let d: Dataset<Float>
        if let images, let labels { d = try .idx(images: images, labels: labels, name: URL(fileURLWithPath: images).lastPathComponent) }
        else { d = try .embeddedMNIST() }
        let (train, validation, test) = try d.stratifiedSplit(validation: validationFraction, test: testFraction, seed: seed)
        return StudyData(name: d.name, train: train, validation: validation, test: test)
    }
}

import Foundation
import NNEngine

/// The data every training study uses: a seeded shuffle of a labelled set, split into
/// training and held-out test samples.
public struct StudyData: Sendable {
    /// The data set's name.
    public var name: String
    /// Training samples.
    public var train: Dataset<Float>
    /// Held-out samples.
    public var test: Dataset<Float>

    /// The embedded MNIST subset (or IDX files), shuffled with `seed`, 80 % train / 20 % test.
    public static func load(seed: UInt64, images: String? = nil, labels: String? = nil) throws -> StudyData {
        let d: Dataset<Float>
        if let images, let labels { d = try .idx(images: images, labels: labels, name: URL(fileURLWithPath: images).lastPathComponent) }
        else { d = try .embeddedMNIST() }
        let (train, _, test) = try d.shuffled(seed: seed).split(validation: 0, test: 0.2)
        return StudyData(name: d.name, train: train, test: test)
    }
}

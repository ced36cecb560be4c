import NNEngine
import XCTest

/// Real data, not a mock: a 784-100-10 ReLU net with Adam on the embedded MNIST subset.
final class MNISTTrainingTests: XCTestCase {
    func testReLUAdamReaches90PercentIn10Epochs() throws {
        let data = try Dataset<Float>.embeddedMNIST().shuffled(seed: 42)
        let (train, _, test) = try data.split(validation: 0, test: 0.2)
        let model = try Sequential<Float>(inputFeatures: 784, seed: 42) {
            Dense(100, activation: .relu, initializer: .bookHe)
            Dense(10)
        }
        model.compile(loss: SoftmaxCrossEntropy(), optimizer: Adam(learningRate: 0.001), metrics: [.accuracy])
        let h = try model.fit(train.x, train.target, epochs: 10, batchSize: 32)
        XCTAssertEqual(h.outcome, .completed(epochs: 10))
        let acc = try XCTUnwrap(model.evaluate(test.x, test.target)["accuracy"])
        XCTAssertGreaterThanOrEqual(acc, 0.90, "test accuracy \(acc)")
    }
}

/// `scalar`: one value of a named series at a step (and epoch).
///
/// Names: `train/batch_loss` (the loss of that step's batch before its update, not a running
/// mean), `train/loss`, `train/accuracy` (the training data at an evaluation), `val/loss`,
/// `val/accuracy` (the validation split at each evaluation), `test/loss`, `test/accuracy` (the
/// test split, once, at the end), `lr`; others may be added.
public struct ScalarEvent: Sendable, Equatable {
    public var run: String
    public var name: String
    public var step: Int
    public var epoch: Int?
    public var value: Double
    public init(run: String, name: String, step: Int, epoch: Int? = nil, value: Double) {
        self.run = run; self.name = name; self.step = step; self.epoch = epoch; self.value = value
    }
}

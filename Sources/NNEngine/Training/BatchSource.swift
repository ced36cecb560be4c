/// Where a ``TrainingLoop`` gets the batch of each step.
///
/// A source knows how many steps it provides and whether they form epochs:
/// ``ShuffledEpochs`` (what `fit` does: each epoch a seeded shuffle of the rows, taken in
/// batches), ``RandomBatches`` (each step draws its rows with replacement, as the studies
/// do) and ``IndexBatches`` (a fixed list of row-index batches, as the benchmarks use).
public protocol BatchSource<Scalar> {
    /// The scalar type of the batches.
    associatedtype Scalar: Real
    /// The number of steps the source provides; the loop runs them all unless training stops.
    var stepCount: Int { get }
    /// Steps per epoch, or nil when the steps do not form epochs (then the loop never ends an
    /// epoch: no epoch logs, no `epochEnded` calls).
    var stepsPerEpoch: Int? { get }
    /// The inputs and targets of step `step` (from 0 within this source). The loop asks for
    /// each step once, in order, from 0 to `stepCount - 1`.
    mutating func batch(at step: Int) -> (x: Matrix<Scalar>, y: Target<Scalar>)
}

extension BatchSource {
    /// Checks that `y` has one target per row of `x` and that there are rows to draw from.
    static func checkData(_ x: Matrix<Scalar>, _ y: Target<Scalar>, context: String) throws(ModelError) {
        guard y.count == x.rows else {
            throw .shape(ShapeError(context: "\(context) targets", expected: "\(x.rows) samples", actual: "\(y.count)"))
        }
        guard x.rows > 0 else { throw .invalidSetting("no training samples") }
    }
}

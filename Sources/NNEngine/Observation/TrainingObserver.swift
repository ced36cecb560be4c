/// Watches training through the model's observation points. The engine knows nothing of
/// what an observer does with what it sees (the event recorder of `NNEvents` is one).
public protocol TrainingObserver<Scalar>: AnyObject {
    /// The scalar type of the model.
    associatedtype Scalar: Real
    /// What to collect at `step`; return `[]` to skip the step at no cost.
    func needs(atStep step: Int) -> ObservationNeeds
    /// Called after each step for which `needs` was not empty.
    func observe(_ observation: StepObservation<Scalar>)
    /// Called at the end of each epoch with the epoch's logs (`loss`, `accuracy`, `val_loss`, ...);
    /// never for batch sources without epochs.
    func epochEnded(_ epoch: Int, logs: [String: Double])
    /// Called once when training ends (`fit` or a ``TrainingLoop`` run), with the outcome.
    func trainingEnded(_ outcome: TrainingOutcome)
}

extension TrainingObserver {
    /// Does nothing.
    public func epochEnded(_ epoch: Int, logs: [String: Double]) {}
    /// Does nothing.
    public func trainingEnded(_ outcome: TrainingOutcome) {}
}

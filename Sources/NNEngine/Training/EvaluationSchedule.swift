/// When a ``TrainingLoop`` evaluates the model on its held-out data.
public enum EvaluationSchedule: Sendable, Equatable {
    /// At the end of each epoch, as `fit` validates: the held-out loss and metrics join the
    /// epoch's logs as `val_loss`, `val_accuracy` (needs a batch source with epochs).
    case epochEnd
    /// After every `n`th step of the run (steps `n - 1`, `2n - 1`, ... counted from 0) and
    /// after the last step.
    case everySteps(Int)
}

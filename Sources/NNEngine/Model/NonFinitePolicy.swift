/// What training (`fit`, a ``TrainingLoop``) does when the loss or a parameter stops being finite.
public enum NonFinitePolicy: Sendable {
    /// End training with `.diverged` (the default).
    case stop
    /// Record it and go on (the history keeps the non-finite losses).
    case `continue`
}

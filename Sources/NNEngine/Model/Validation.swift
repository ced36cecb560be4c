/// How `fit` holds out validation data.
public enum Validation<Scalar: Real> {
    /// No validation.
    case none
    /// Given validation samples.
    case data(Matrix<Scalar>, Target<Scalar>)
    /// The last `fraction` of the training samples, taken before shuffling (as Keras does).
    case split(Double)
}

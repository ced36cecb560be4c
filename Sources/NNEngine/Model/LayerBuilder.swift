/// Builds the layer list of a ``Sequential`` model from a block:
///
/// ```swift
/// let model = try Sequential<Float>(inputFeatures: 784, seed: 1) {
///     Dense(100, activation: .relu, initializer: .bookHe)
///     for _ in 0..<3 { Dense(100, activation: .relu, initializer: .bookHe) }
///     Dense(10)
/// }
/// ```
@resultBuilder
public enum LayerBuilder<Scalar: Real> {
    public static func buildExpression(_ layer: any Layer<Scalar>) -> [any Layer<Scalar>] { [layer] }
    public static func buildExpression(_ layers: [any Layer<Scalar>]) -> [any Layer<Scalar>] { layers }
    public static func buildBlock(_ parts: [any Layer<Scalar>]...) -> [any Layer<Scalar>] { parts.flatMap { $0 } }
    public static func buildArray(_ parts: [[any Layer<Scalar>]]) -> [any Layer<Scalar>] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any Layer<Scalar>]?) -> [any Layer<Scalar>] { part ?? [] }
    public static func buildEither(first part: [any Layer<Scalar>]) -> [any Layer<Scalar>] { part }
    public static func buildEither(second part: [any Layer<Scalar>]) -> [any Layer<Scalar>] { part }
}

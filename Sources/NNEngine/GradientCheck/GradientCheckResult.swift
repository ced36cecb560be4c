/// The result of checking one parameter's backprop gradient against central differences.
public struct GradientCheckResult: Sendable {
    /// The parameter, e.g. `dense_1/W`.
    public let parameter: String
    /// ‖g_backprop - g_numeric‖ / max(‖g_backprop‖ + ‖g_numeric‖, 1e-300).
    public let relativeError: Double
    /// The largest element-wise |g_backprop - g_numeric|.
    public let maxAbsoluteError: Double
    /// ‖g_backprop‖.
    public let gradientNorm: Double
}

/// Compares backprop with numerical differentiation: for every parameter entry w,
/// (L(w + ε) - L(w - ε)) / 2ε against the backprop gradient, on one batch in training mode
/// (dropout masks are held fixed). Use a `Sequential<Double>` for meaningful precision.
///
/// The returned relative errors are per parameter tensor; below about 1e-7 in double
/// precision means the backward pass matches the forward pass.
public func gradientCheck(_ model: Sequential<Double>, x: Matrix<Double>, y: Target<Double>,
                          epsilon: Double = 1e-5) throws(ModelError) -> [GradientCheckResult] {
    let dropouts = model.layers.compactMap { $0 as? Dropout<Double> }
    for d in dropouts { d.reusesMask = true }
    defer { for d in dropouts { d.reusesMask = false } }
    _ = try model.computeGradients(x, y)
    // Snapshot every backprop gradient before any perturbation overwrites them.
    let analyticGradients = model.parameters.map(\.gradient)
    var results: [GradientCheckResult] = []
    for (p, analytic) in zip(model.parameters, analyticGradients) {
        var numeric = Matrix<Double>(rows: analytic.rows, cols: analytic.cols)
        for i in 0..<p.value.count {
            let w = p.value.storage[i]
            p.value.storage[i] = w + epsilon
            let plus = try model.computeGradients(x, y).loss
            p.value.storage[i] = w - epsilon
            let minus = try model.computeGradients(x, y).loss
            p.value.storage[i] = w
            numeric.storage[i] = (plus - minus) / (2 * epsilon)
        }
        let diff = analytic - numeric
        let denominator = max(analytic.norm() + numeric.norm(), 1e-300)
        results.append(GradientCheckResult(parameter: p.name, relativeError: diff.norm() / denominator,
                                           maxAbsoluteError: diff.storage.map(abs).max() ?? 0,
                                           gradientNorm: analytic.norm()))
    }
    _ = try model.computeGradients(x, y)   // leave the true gradients in place
    return results
}

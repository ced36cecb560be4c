import Foundation

/// Smoothing of scalar series as TensorBoard draws them.
public enum Smoothing {
    /// TensorBoard's scalar smoothing: an exponential moving average debiased like Adam's first
    /// moment, so early points are not pulled towards 0. `weight` is TensorBoard's slider (0 = raw).
    /// Non-finite values pass through unsmoothed; a constant series is returned unchanged.
    ///
    /// smoothed_t = last_t / (1 − weight^n), last_t = weight · last_{t−1} + (1 − weight) · value_t,
    /// with n the number of finite values so far.
    public static func exponential(_ values: [Double], weight: Double) -> [Double] {
        guard let first = values.first, !values.allSatisfy({ $0 == first }) else { return values }
        var last = 0.0, n = 0.0
        return values.map { v in
            guard v.isFinite else { return v }
            last = last * weight + (1 - weight) * v
            n += 1
            let debias = 1 - pow(weight, n)
            return debias == 0 ? v : last / debias
        }
    }
}

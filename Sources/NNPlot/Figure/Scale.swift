import Foundation

/// How data values map to positions along an axis.
public enum Scale: Equatable, Hashable, Sendable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log10 of the value (values must be positive).
    case log
    /// Linear within ±`linearThreshold`, logarithmic outside (matplotlib's symlog).
    case symlog(linearThreshold: Double)

    /// The value in the scale's linear space.
    public func forward(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return v > 0 ? Foundation.log10(v) : -.infinity
        case .symlog(let t):
            return abs(v) <= t ? v / t : (v > 0 ? 1 : -1) * (1 + Foundation.log10(abs(v) / t))
        }
    }

    /// The inverse of `forward`.
    public func inverse(_ u: Double) -> Double {
        switch self {
        case .linear: return u
        case .log: return Foundation.pow(10, u)
        case .symlog(let t):
            return abs(u) <= 1 ? u * t : (u > 0 ? 1 : -1) * t * Foundation.pow(10, abs(u) - 1)
        }
    }

    /// Whether a value can be shown on this scale.
    public func accepts(_ v: Double) -> Bool {
        // Beyond ±1e100 a value is a divergence or corrupt data, not something to draw to scale:
        // it is left out like a non-finite one (and its pixels can never overflow).
        guard v.isFinite, abs(v) <= 1e100 else { return false }
        if case .log = self { return v > 0 }
        return true
    }
}

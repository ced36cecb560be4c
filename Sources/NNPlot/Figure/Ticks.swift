import Foundation

/// Tick positions and their labels for an axis.
public struct Ticks: Equatable, Sendable {
    /// Positions in data units.
    public var values: [Double]
    /// The label of each position.
    public var labels: [String]
    /// Unlabelled minor tick positions (log axes: the integers x 10^k between labelled ticks).
    public var minor: [Double] = []

    /// Nice ticks inside `low...high`: steps of 1, 2, 2.5 or 5 x 10^k (Heckbert's nice numbers,
    /// "Graphics Gems", 1990, with 2.5 added as in Talbot et al.'s extended Wilkinson), choosing
    /// the step whose tick count is closest to `target`, simpler steps winning ties. With
    /// `integers`, only whole steps (1, 2, 5, 10, 20, 25, ...), so that ticks fall on integers, unless
    /// fewer than two would fit.
    public static func nice(_ low: Double, _ high: Double, target: Int = 5, integers: Bool = false) -> Ticks {
        guard low.isFinite, high.isFinite else { return Ticks(values: [], labels: []) }
        if low == high { return Ticks(values: [low], labels: [format(low, step: max(abs(low), 1))]) }
        let (lo, hi) = (min(low, high), max(low, high))
        let span = hi - lo
        var best: (score: Double, step: Double, q: Double, k: Int)?
        let k0 = Int(floor(log10(span)))
        for k in (k0 - 2)...(k0 + 1) {
            for (simplicity, q) in [1.0, 5, 2, 2.5].enumerated() {
                let step = q * pow(10, Double(k))
                if integers, step < 1 || step != step.rounded() { continue }
                let count = Int(floor(hi / step + 1e-9) - ceil(lo / step - 1e-9)) + 1
                guard count >= 2 else { continue }
                let score = abs(Double(count - target)) + 0.3 * Double(simplicity) + (count < 3 ? 2 : 0)
                if best == nil || score < best!.score { best = (score, step, q, k) }
            }
        }
        // Fewer than two whole ticks fit (one value, a range under 1): a scale needs two ticks.
        if best == nil, integers { return nice(lo, hi, target: target) }
        guard let (_, step, q, k) = best else { return Ticks(values: [lo, hi], labels: [format(lo, step: span), format(hi, step: span)]) }
        let first = ceil(lo / step - 1e-9)
        let last = floor(hi / step + 1e-9)
        let values = stride(from: first, through: last, by: 1).map { m -> Double in
            // m·q·10^k, dividing for negative k so that 3 x 0.2 is 0.6 exactly.
            let v = k >= 0 ? m * q * pow(10, Double(k)) : m * q / pow(10, Double(-k))
            return abs(v) < step * 1e-9 ? 0 : v
        }
        return Ticks(values: values, labels: values.map { format($0, step: step) })
    }

    /// The nice number near `x`: rounded (for steps) or the next at or above (for ranges).
    static func niceNumber(_ x: Double, round: Bool) -> Double {
        let exponent = floor(log10(x))
        let fraction = x / pow(10, exponent)
        let nice: Double
        if round { nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10 }
        else { nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10 }
        return nice * pow(10, exponent)
    }

    /// Ticks for a symmetric-log axis: 0 and ±10^k outside the linear threshold.
    public static func symlog(_ low: Double, _ high: Double, threshold: Double) -> Ticks {
        var values: [Double] = []
        let k0 = Int(floor(log10(threshold)))
        if low <= 0 && high >= 0 { values.append(0) }
        for k in k0...(k0 + 12) {
            let v = pow(10, Double(k))
            if v <= high && v >= max(low, threshold) { values.append(v) }
            if -v >= low && -v <= min(high, -threshold) { values.append(-v) }
        }
        values.sort()
        return Ticks(values: values, labels: values.map { $0 == 0 ? "0" : ($0 < 0 ? "−" : "") + powerOfTen(Int(log10(abs($0)).rounded())) })
    }

    /// `10²`, `10⁻³` with Unicode superscripts (1 and 10 written plainly).
    public static func powerOfTen(_ e: Int) -> String {
        if e == 0 { return "1" }
        if e == 1 { return "10" }
        let sup: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                           "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return "10" + String(String(e).map { sup[$0] ?? $0 })
    }

    /// A tick label with just enough decimals for `step`, a true minus sign, and scientific
    /// form for very large or small magnitudes.
    public static func format(_ v: Double, step: Double) -> String {
        if v == 0 { return "0" }
        let mag = abs(v)
        if mag >= 1e6 || mag < 1e-4 {
            let e = Int(floor(log10(mag)))
            let m = v / pow(10, Double(e))
            let digits = max(0, min(3, -Int(floor(log10(max(step / pow(10, Double(e)), 1e-12)) + 1e-9))))
            return String(format: "%.\(digits)f", m).replacingOccurrences(of: "-", with: "−") + "×" + powerOfTen(e)
        }
        // Enough decimals for the step (2.5 needs one more than 2).
        var decimals = max(0, min(8, -Int(floor(log10(step) + 1e-9))))
        while decimals < 8, abs((step * pow(10, Double(decimals))).rounded() - step * pow(10, Double(decimals))) > 1e-6 { decimals += 1 }
        return String(format: "%.\(decimals)f", v).replacingOccurrences(of: "-", with: "−")
    }
}

/// Formats a number for captions and tables: 4 significant digits, true minus sign.
public func formatNumber(_ v: Double, significant: Int = 4) -> String {
    guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "∞" : "−∞") }
    if v == 0 { return "0" }
    let mag = abs(v)
    if mag >= 1e5 || mag < 1e-3 {
        let e = Int(floor(log10(mag)))
        return String(format: "%.\(significant - 1)f", v / pow(10, Double(e))).replacingOccurrences(of: "-", with: "−") + "×" + Ticks.powerOfTen(e)
    }
    let decimals = max(0, significant - 1 - Int(floor(log10(mag))))
    return String(format: "%.\(decimals)f", v).replacingOccurrences(of: "-", with: "−")
}

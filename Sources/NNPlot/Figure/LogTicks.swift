import Foundation

extension Ticks {
    /// Ticks for a log axis over `low...high`. The labelled ticks depend on how many decades
    /// the axis spans, so that its ends always have a labelled tick near them:
    /// - under 0.4 decades (2.5x): nice linear ticks;
    /// - up to about two decades: 1-2-5 x 10^k (1-2-3-5 under one decade), as many as fit `target`;
    /// - wider: powers of ten (every k-th, at exponents divisible by k, when more than `target`),
    ///   plus an end tick at 2, 3 or 5 x 10^k (or an unlabelled decade) between a limit and the nearest labelled decade when
    ///   it is far enough from that decade not to crowd its label (see `decadeTicks`).
    ///
    /// ``minor`` holds unlabelled ticks at the other integers x 10^k (or at the unlabelled decades).
    public static func log(_ low: Double, _ high: Double, target: Int = 6) -> Ticks {
        guard low > 0, high > low, low.isFinite, high.isFinite else { return nice(low, high, target: target) }
        let decades = log10(high / low)
        if decades < 0.4 {
            let t = nice(low, high, target: max(3, min(target, 5)))
            let kept = zip(t.values, t.labels).filter { $0.0 > 0 }
            return Ticks(values: kept.map(\.0), labels: kept.map(\.1))
        }
        if decades < 1, 4 * decades + 1 <= Double(target + 2) { return mantissaTicks(low, high, labelled: [1, 2, 3, 5]) }
        if decades < 1 || (decades <= 2.1 && 3 * decades + 1 <= Double(target + 2)) {
            return mantissaTicks(low, high, labelled: [1, 2, 5])
        }
        return decadeTicks(low, high, decades: decades, target: target)
    }

    /// Log-axis limits widened from `padded` so that a labelled tick of ``log(_:_:target:)`` lies at
    /// or beyond each end of `data`, as close to it as the ticks allow (within 2.5x where the
    /// ticks are 1-2-5 or decades with end ticks).
    static func logLimits(data: ClosedRange<Double>, padded: ClosedRange<Double>, target: Int) -> ClosedRange<Double> {
        guard data.lowerBound > 0, padded.lowerBound > 0, padded.upperBound > padded.lowerBound else { return padded }
        var lo = min(padded.lowerBound, data.lowerBound), hi = max(padded.upperBound, data.upperBound)
        func labels(_ v: Double, _ l: Double, _ h: Double) -> Bool {
            log(l, h, target: target).values.contains { abs($0 - v) <= v * 1e-9 }
        }
        for _ in 0..<3 {
            let t = log(lo, hi, target: target).values
            let lowOK = t.contains { $0 <= data.lowerBound * (1 + 1e-9) }
            let highOK = t.contains { $0 >= data.upperBound * (1 - 1e-9) }
            if lowOK && highOK { break }
            if !lowOK, let v = niceValues(from: data.lowerBound, downward: true).first(where: { labels($0, min($0, lo), hi) }) {
                lo = min(lo, v)
            }
            if !highOK, let v = niceValues(from: data.upperBound, downward: false).first(where: { labels($0, lo, max($0, hi)) }) {
                hi = max(hi, v)
            }
        }
        return lo...hi
    }

    /// m x 10^k for m = 1...9, from `v` outwards (at most 12 decades), nearest first.
    private static func niceValues(from v: Double, downward: Bool) -> [Double] {
        let e0 = Int(floor(log10(v)))
        var out: [Double] = []
        for e in downward ? Array((e0 - 12)...e0).reversed() : Array(e0...(e0 + 12)) {
            for m in downward ? Array((1...9).reversed()) : Array(1...9) {
                let x = scaled(Double(m), e)
                if downward ? x <= v * (1 + 1e-9) : x >= v * (1 - 1e-9) { out.append(x) }
            }
        }
        return out
    }

    /// `m` x 10^`e`, dividing for negative `e` so that 2 x 10⁻¹ is 0.2 exactly.
    static func scaled(_ m: Double, _ e: Int) -> Double {
        e >= 0 ? m * pow(10, Double(e)) : m / pow(10, Double(-e))
    }

    /// Ticks at m x 10^k inside `low...high`: labelled for m in `labelled`, minor for the other integers.
    private static func mantissaTicks(_ low: Double, _ high: Double, labelled: Set<Int>) -> Ticks {
        var t = Ticks(values: [], labels: [])
        for e in Int(floor(log10(low)))...Int(ceil(log10(high))) {
            for m in 1...9 {
                let v = scaled(Double(m), e)
                guard v >= low * (1 - 1e-9), v <= high * (1 + 1e-9) else { continue }
                if labelled.contains(m) {
                    t.values.append(v); t.labels.append(format(v, step: v))
                } else { t.minor.append(v) }
            }
        }
        return t
    }

    /// Powers of ten (every k-th), the end ticks beside them, and minor ticks.
    private static func decadeTicks(_ low: Double, _ high: Double, decades: Double, target: Int) -> Ticks {
        let a = Int(ceil(log10(low) - 1e-9)), b = Int(floor(log10(high) + 1e-9))
        let every = max(1, Int(ceil(Double(b - a + 1) / Double(max(target, 1)))))
        let exps = (a...b).filter { (($0 % every) + every) % every == 0 }
        var t = Ticks(values: exps.map { scaled(1, $0) }, labels: exps.map(powerOfTen))
        t.minor = every > 1 ? (a...b).filter { !exps.contains($0) }.map { scaled(1, $0) }
            : decades <= 8 ? ((a - 1)...b).flatMap { e in (2...9).map { scaled(Double($0), e) } }.filter { $0 >= low && $0 <= high } : []
        guard let first = exps.first, let last = exps.last else { return t }
        // An end tick keeps a gap to the decade beside it: 0.25 decades, and 0.45 of the spacing `target` ticks would have.
        let gap = max(0.25, 0.45 * decades / Double(max(target, 1)))
        func value(_ c: (m: Int, e: Int)) -> Double { scaled(Double(c.m), c.e) }
        // Candidates: 2, 3, 5 x 10^k and the unlabelled decades, ascending.
        func candidates(_ exps: ClosedRange<Int>) -> [(m: Int, e: Int)] {
            exps.flatMap { e in [1, 2, 3, 5].filter { $0 > 1 || ((e % every) + every) % every != 0 }.map { (m: $0, e: e) } }
        }
        let below = candidates(first - every...first).filter { value($0) >= low * (1 - 1e-9) && value($0) < scaled(1, first) }
        if let end = below.first, log10(scaled(1, first) / value(end)) >= gap {
            t.values.insert(value(end), at: 0); t.labels.insert(endLabel(end.m, end.e, beside: first), at: 0)
        }
        let above = candidates(last...(last + every)).filter { value($0) <= high * (1 + 1e-9) && value($0) > scaled(1, last) }
        if let end = above.last, log10(value(end) / scaled(1, last)) >= gap {
            t.values.append(value(end)); t.labels.append(endLabel(end.m, end.e, beside: last))
        }
        t.minor.removeAll { v in t.values.contains { abs($0 - v) <= v * 1e-9 } }
        return t
    }

    /// An end tick's label in the style of the decade label beside it: `0.2`, `30` beside `1` and `10`, else `2×10⁻⁷`.
    private static func endLabel(_ m: Int, _ e: Int, beside decade: Int) -> String {
        let v = scaled(Double(m), e)
        if m == 1 { return powerOfTen(e) }
        return (0...1).contains(decade) ? format(v, step: v) : "\(m)×" + powerOfTen(e)
    }
}

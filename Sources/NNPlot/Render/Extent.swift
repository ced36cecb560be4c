/// The data extent of an axes' marks, before padding.
struct Extent {
    var x: ClosedRange<Double>?
    var y: ClosedRange<Double>?
    var padX = false
    var padTop = false
    var padBottom = false
    /// Some x (y) data is not a whole number. While false, linear ticks fall on integers only.
    var xFractional = false
    var yFractional = false

    /// Widens the x extent to `v`; `data: false` for room around the data (bar edges), which
    /// does not count when deciding whether the data are integers.
    mutating func addX(_ v: Double, _ scale: Scale, data: Bool = true) {
        guard scale.accepts(v) else { return }
        x = x.map { min($0.lowerBound, v)...max($0.upperBound, v) } ?? v...v
        if data, v != v.rounded() { xFractional = true }
    }
    /// Widens the y extent to `v` (see ``addX(_:_:data:)``).
    mutating func addY(_ v: Double, _ scale: Scale, data: Bool = true) {
        guard scale.accepts(v) else { return }
        y = y.map { min($0.lowerBound, v)...max($0.upperBound, v) } ?? v...v
        if data, v != v.rounded() { yFractional = true }
    }
    /// Notes x data that does not widen the extent by itself (a bar's centre).
    mutating func noteX(_ v: Double) {
        if v.isFinite, v != v.rounded() { xFractional = true }
    }

    /// Adds the points both scales accept, and pads every side (lines, scatters, paths).
    mutating func addPoints(_ xs: [Double], _ ys: [Double], xScale: Scale, yScale: Scale) {
        for (x, y) in zip(xs, ys) where xScale.accepts(x) && yScale.accepts(y) { addX(x, xScale); addY(y, yScale) }
        padX = true; padTop = true; padBottom = true
    }

    /// Bars and histograms start at 0 on a linear axis (unpadded); on other scales the bottom is padded.
    mutating func addBaseline(_ yScale: Scale) {
        if yScale == .linear { addY(0, yScale) } else { padBottom = true }
        padTop = true
    }

    /// The extent of every mark and reference line of `axes`.
    static func of(_ a: Axes) -> Extent {
        var e = Extent()
        for mark in a.marks { mark.painter.addExtent(to: &e, xScale: a.xScale, yScale: a.yScale) }
        for r in a.referenceLines { r.addExtent(to: &e, xScale: a.xScale, yScale: a.yScale) }
        return e
    }

    /// Limits with padding in scale space (4 % a side), widened when empty or a single value.
    static func limits(_ r: ClosedRange<Double>?, scale: Scale, padLow: Bool, padHigh: Bool) -> ClosedRange<Double> {
        guard let r else { return scale == .log ? 1...10 : 0...1 }
        var lo = scale.forward(r.lowerBound), hi = scale.forward(r.upperBound)
        if hi - lo < 1e-12 {
            let w = max(abs(lo) * 0.1, scale == .linear ? 0.5 : 0.5)
            lo -= w; hi += w
        } else {
            let span = hi - lo
            if padLow { lo -= 0.04 * span }
            if padHigh { hi += 0.04 * span }
        }
        return scale.inverse(lo)...scale.inverse(hi)
    }
}

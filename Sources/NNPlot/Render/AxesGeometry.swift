import Foundation

/// Maps data coordinates of one axes to canvas points.
struct AxesTransform {
    let plot: Rect
    let xScale: Scale
    let yScale: Scale
    /// Limits in scale space.
    let x0, x1, y0, y1: Double

    init(plot: Rect, xScale: Scale, yScale: Scale, xLimits: ClosedRange<Double>, yLimits: ClosedRange<Double>) {
        self.plot = plot
        self.xScale = xScale
        self.yScale = yScale
        x0 = xScale.forward(xLimits.lowerBound); x1 = xScale.forward(xLimits.upperBound)
        y0 = yScale.forward(yLimits.lowerBound); y1 = yScale.forward(yLimits.upperBound)
    }

    func px(_ x: Double) -> Double { Self.clamp(plot.x + (xScale.forward(x) - x0) / (x1 - x0) * plot.width) }
    func py(_ y: Double) -> Double { Self.clamp(plot.maxY - (yScale.forward(y) - y0) / (y1 - y0) * plot.height) }
    /// Canvas coordinates stay within a million points of the figure: far off the page, but
    /// finite, so no later conversion to an integer can trap.
    static func clamp(_ v: Double) -> Double { v.isNaN ? -1e6 : min(max(v, -1e6), 1e6) }
    /// Whether a point is drawable (finite and accepted by both scales).
    func drawable(_ x: Double, _ y: Double) -> Bool { xScale.accepts(x) && yScale.accepts(y) }
    /// Where bars and histograms start: y = 0 on a linear axis, else the bottom of the plot.
    var baseline: Double { yScale == .linear ? py(0) : plot.maxY }
}

/// Tick positions for an axis of `scale` between limits, aiming at `target` ticks (on a linear
/// axis of `integers`, at whole numbers only).
func ticks(for scale: Scale, limits: ClosedRange<Double>, target: Int, categories: [String]?, integers: Bool = false) -> Ticks {
    if let categories {
        let idx = categories.indices.filter { limits.contains(Double($0)) }
        return Ticks(values: idx.map(Double.init), labels: idx.map { categories[$0] })
    }
    let t: Ticks
    switch scale {
    case .linear: t = .nice(limits.lowerBound, limits.upperBound, target: target, integers: integers)
    case .log: t = .log(limits.lowerBound, limits.upperBound, target: target)
    case .symlog(let th): t = .symlog(limits.lowerBound, limits.upperBound, threshold: th)
    }
    let span = limits.upperBound - limits.lowerBound
    func inside(_ v: Double) -> Bool { v >= limits.lowerBound - span * 1e-9 && v <= limits.upperBound + span * 1e-9 }
    let kept = zip(t.values, t.labels).filter { inside($0.0) }
    return Ticks(values: kept.map(\.0), labels: kept.map(\.1), minor: t.minor.filter(inside))
}

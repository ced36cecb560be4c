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

    func px(_ x: Double) -> Double { plot.x + (xScale.forward(x) - x0) / (x1 - x0) * plot.width }
    func py(_ y: Double) -> Double { plot.maxY - (yScale.forward(y) - y0) / (y1 - y0) * plot.height }
    /// Whether a point is drawable (finite and accepted by both scales).
    func drawable(_ x: Double, _ y: Double) -> Bool { xScale.accepts(x) && yScale.accepts(y) }
}

/// The data extent of an axes' marks, before padding.
struct Extent {
    var x: ClosedRange<Double>?
    var y: ClosedRange<Double>?
    var padX = false
    var padTop = false
    var padBottom = false

    mutating func addX(_ v: Double, _ scale: Scale) {
        guard scale.accepts(v) else { return }
        x = x.map { min($0.lowerBound, v)...max($0.upperBound, v) } ?? v...v
    }
    mutating func addY(_ v: Double, _ scale: Scale) {
        guard scale.accepts(v) else { return }
        y = y.map { min($0.lowerBound, v)...max($0.upperBound, v) } ?? v...v
    }

    /// The extent of every mark and reference line of `axes`.
    static func of(_ a: Axes) -> Extent {
        var e = Extent()
        for mark in a.marks {
            switch mark {
            case .line(let m):
                for (x, y) in zip(m.x, m.y) where a.xScale.accepts(x) && a.yScale.accepts(y) { e.addX(x, a.xScale); e.addY(y, a.yScale) }
                e.padX = true; e.padTop = true; e.padBottom = true
            case .scatter(let m):
                for (x, y) in zip(m.x, m.y) where a.xScale.accepts(x) && a.yScale.accepts(y) { e.addX(x, a.xScale); e.addY(y, a.yScale) }
                e.padX = true; e.padTop = true; e.padBottom = true
            case .path(let m):
                for (x, y) in zip(m.x, m.y) where a.xScale.accepts(x) && a.yScale.accepts(y) { e.addX(x, a.xScale); e.addY(y, a.yScale) }
                e.padX = true; e.padTop = true; e.padBottom = true
            case .bar(let m):
                for (x, h) in zip(m.x, m.height) {
                    e.addX(x - m.width / 2, a.xScale); e.addX(x + m.width / 2, a.xScale); e.addY(h, a.yScale)
                }
                if a.yScale == .linear { e.addY(0, a.yScale) } else { e.padBottom = true }
                e.padTop = true
            case .histogram(let m):
                m.edges.forEach { e.addX($0, a.xScale) }
                m.counts.forEach { e.addY($0, a.yScale) }
                if a.yScale == .linear { e.addY(0, a.yScale) } else { e.padBottom = true }
                e.padTop = true
            case .band(let m):
                m.x.forEach { e.addX($0, a.xScale) }
                m.lower.forEach { e.addY($0, a.yScale) }
                m.upper.forEach { e.addY($0, a.yScale) }
                e.padTop = true; e.padBottom = true
            case .heatmap(let m):
                e.addX(m.xRange.lowerBound, a.xScale); e.addX(m.xRange.upperBound, a.xScale)
                e.addY(m.yRange.lowerBound, a.yScale); e.addY(m.yRange.upperBound, a.yScale)
            case .contour(let m):
                m.x.forEach { e.addX($0, a.xScale) }
                m.y.forEach { e.addY($0, a.yScale) }
            case .text(let m):
                e.addX(m.x, a.xScale); e.addY(m.y, a.yScale)
            case .ridgeline(let m):
                m.edges.forEach { e.addX($0, a.xScale) }
                e.addY(-0.15, a.yScale); e.addY(Double(m.rows.count - 1) + m.overlap + 0.1, a.yScale)
            }
        }
        for r in a.referenceLines {
            if r.orientation == .horizontal { e.addY(r.value, a.yScale) } else { e.addX(r.value, a.xScale) }
        }
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

/// Tick positions for an axis of `scale` between limits, aiming at `target` ticks.
func ticks(for scale: Scale, limits: ClosedRange<Double>, target: Int, categories: [String]?) -> Ticks {
    if let categories {
        let idx = categories.indices.filter { limits.contains(Double($0)) }
        return Ticks(values: idx.map(Double.init), labels: idx.map { categories[$0] })
    }
    let t: Ticks
    switch scale {
    case .linear: t = .nice(limits.lowerBound, limits.upperBound, target: target)
    case .log: t = .log(limits.lowerBound, limits.upperBound, target: target)
    case .symlog(let th): t = .symlog(limits.lowerBound, limits.upperBound, threshold: th)
    }
    let span = limits.upperBound - limits.lowerBound
    let kept = zip(t.values, t.labels).filter { $0.0 >= limits.lowerBound - span * 1e-9 && $0.0 <= limits.upperBound + span * 1e-9 }
    return Ticks(values: kept.map(\.0), labels: kept.map(\.1))
}

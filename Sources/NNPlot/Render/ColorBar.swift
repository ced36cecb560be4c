import Foundation

/// A colour bar beside an axes: a colour map's gradient between limits, with ticks and a label.
struct ColorBarSpec {
    var label: String
    var map: ColorMap
    var limits: ClosedRange<Double>
    /// Values are coloured by their logarithm.
    var log: Bool

    /// The bar's ticks.
    var ticks: Ticks {
        log ? Ticks.log(limits.lowerBound, limits.upperBound, target: 5) : Ticks.nice(limits.lowerBound, limits.upperBound, target: 5)
    }

    /// The room the bar takes right of the plot: gap, bar, ticks, tick labels, and the label
    /// (rotated, so as wide as `labelM` is high).
    func width(tickLength: Double, labelM: TextMetrics, theme: Theme, canvas c: Canvas) -> Double {
        let w = ticks.labels.map { c.measure($0, size: theme.tickSize, bold: false).width }.max() ?? 0
        return 8 + 10 + tickLength + 3 + w + 6 + labelM.ascent + labelM.descent + 6
    }

    /// Draws the bar right of `plot`, as tall as the plot.
    func draw(beside plot: Rect, tickLength: Double, theme: Theme, canvas c: Canvas) {
        let bar = Rect(x: plot.maxX + 8, y: plot.y, width: 10, height: plot.height)
        let n = 128
        var rgba = [UInt8](repeating: 255, count: n * 4)
        for i in 0..<n {
            let col = map.color(at: 1 - Double(i) / Double(n - 1))
            rgba[i * 4] = UInt8(col.red * 255); rgba[i * 4 + 1] = UInt8(col.green * 255); rgba[i * 4 + 2] = UInt8(col.blue * 255)
        }
        c.image(rgba: rgba, width: 1, height: n, in: bar, role: "colorbar")
        c.setColor(Color(hex: "333333")); c.setLine(width: theme.axisWidth, dash: []); c.rectangle(bar); c.stroke(role: "colorbar")
        let lo = limits.lowerBound, hi = limits.upperBound
        func y(_ v: Double) -> Double {
            let f = log ? (log10(v) - log10(lo)) / (log10(hi) - log10(lo)) : (v - lo) / (hi - lo)
            return bar.maxY - f * bar.height
        }
        var maxRight = bar.maxX
        let t = ticks
        for (v, l) in zip(t.values, t.labels) where v >= lo && v <= hi {
            c.moveTo(bar.maxX, y(v)); c.lineTo(bar.maxX + tickLength, y(v)); c.stroke(role: "colorbar")
            let b = c.text(l, x: bar.maxX + tickLength + 2, y: y(v), size: theme.tickSize, bold: false, h: .left, v: .middle, angle: 0,
                           color: Color(hex: "333333"), role: "colorbar-label")
            maxRight = max(maxRight, b.maxX)
        }
        c.text(label, x: maxRight + 4, y: bar.y + bar.height / 2, size: theme.labelSize, bold: false, h: .center, v: .top,
               angle: -.pi / 2, color: .black, role: "axis-label")
    }
}

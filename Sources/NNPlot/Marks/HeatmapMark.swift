import Foundation

/// A grid of values drawn as coloured cells. `values[row][col]`; row 0 is at `yRange.lowerBound`.
public struct HeatmapMark: Sendable {
    /// The cell values, row by row.
    public var values: [[Double]]
    /// The x range the columns span.
    public var xRange: ClosedRange<Double>
    /// The y range the rows span.
    public var yRange: ClosedRange<Double>
    /// The colour map.
    public var colorMap: ColorMap = .viridis
    /// Colour by log10 of the value.
    public var logColor = false
    /// Colour limits; nil takes the finite min and max.
    public var colorLimits: ClosedRange<Double>?
    /// The colour bar's label; nil draws no colour bar.
    public var colorBarLabel: String?
    /// A heatmap.
    public init(values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, colorMap: ColorMap = .viridis,
                logColor: Bool = false, colorLimits: ClosedRange<Double>? = nil, colorBarLabel: String? = nil) {
        self.values = values; self.xRange = xRange; self.yRange = yRange; self.colorMap = colorMap
        self.logColor = logColor; self.colorLimits = colorLimits; self.colorBarLabel = colorBarLabel
    }

    /// The colour limits in use: the given ones, or the finite (positive, for log colour) min and max.
    var resolvedColorLimits: ClosedRange<Double> {
        if let colorLimits { return colorLimits }
        let f = values.flatMap { $0 }.filter { $0.isFinite && (!logColor || $0 > 0) }
        guard let lo = f.min(), let hi = f.max() else { return logColor ? 1...10 : 0...1 }
        return lo < hi ? lo...hi : (logColor ? lo / 10...hi * 10 : lo - 0.5...hi + 0.5)
    }
}

extension HeatmapMark: MarkPainter {
    var layer: MarkLayer { .image }

    func problem() -> String? {
        values.allSatisfy({ $0.count == values.first?.count }) ? nil : "heatmap rows differ in length"
    }

    func addExtent(to extent: inout Extent, xScale: Scale, yScale: Scale) {
        extent.addX(xRange.lowerBound, xScale); extent.addX(xRange.upperBound, xScale)
        extent.addY(yRange.lowerBound, yScale); extent.addY(yRange.upperBound, yScale)
    }

    func requestedColorBar() -> ColorBarSpec? {
        colorBarLabel.map { ColorBarSpec(label: $0, map: colorMap, limits: resolvedColorLimits, log: logColor) }
    }

    /// Paints the cells as one image (NaN cells magenta), row 0 at the bottom.
    func draw(in context: inout PaintContext) {
        let t = context.transform
        let rows = values.count, cols = values.first?.count ?? 0
        guard rows > 0, cols > 0 else { return }
        let lim = resolvedColorLimits
        func norm(_ v: Double) -> Double {
            if logColor { return v > 0 ? (log10(v) - log10(lim.lowerBound)) / (log10(lim.upperBound) - log10(lim.lowerBound)) : .nan }
            return (v - lim.lowerBound) / (lim.upperBound - lim.lowerBound)
        }
        var rgba = [UInt8](repeating: 0, count: rows * cols * 4)
        for r in 0..<rows {
            for col in 0..<cols {
                let v = values[r][col]
                let color = v.isFinite ? colorMap.color(at: norm(v)) : Color(hex: "FF00FF")
                let o = ((rows - 1 - r) * cols + col) * 4   // row 0 at the bottom
                rgba[o] = UInt8(color.red * 255); rgba[o + 1] = UInt8(color.green * 255); rgba[o + 2] = UInt8(color.blue * 255)
                rgba[o + 3] = 255
            }
        }
        let x0 = t.px(xRange.lowerBound), x1 = t.px(xRange.upperBound)
        let y0 = t.py(yRange.upperBound), y1 = t.py(yRange.lowerBound)
        context.canvas.image(rgba: rgba, width: cols, height: rows, in: Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0), role: "mark")
    }
}

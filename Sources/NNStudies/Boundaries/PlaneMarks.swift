import Foundation
import NNEvents
import NNPlot

/// What the 2-D classification pictures of the perceptron and boundaries studies share: the
/// class colours, outlined points, a straight decision line clipped to the view, and a decision
/// region (the net's P(class 1) as a heatmap with its P = 0.5 contour).
enum PlaneMarks {
    /// Class 1: Okabe & Ito's vermillion, drawn as circles (warm, like the region's yellow end).
    static let one = Color(hex: "D55E00")
    /// Class 0: Okabe & Ito's sky blue, drawn as squares (cool, like the region's navy end).
    static let zero = Color(hex: "56B4E9")

    /// Points of two classes as outlined markers (readable on white and on the region's colours).
    /// `names` gives the two legend labels (class 1, class 0), or nil for none.
    static func points(_ x: [Double], _ y: [Double], _ labels: [Int], size: Double = 3, names: (String, String)? = nil,
                       faded: Bool = false) -> [Mark] {
        var marks: [Mark] = []
        for (cls, color, shape) in [(1, one, MarkerShape.circle), (0, zero, MarkerShape.square)] {
            let idx = labels.indices.filter { labels[$0] == cls }
            guard !idx.isEmpty else { continue }
            let xs = idx.map { x[$0] }, ys = idx.map { y[$0] }
            let name = names.map { cls == 1 ? $0.0 : $0.1 }
            if faded {
                marks.append(.scatter(ScatterMark(x: xs, y: ys, label: name, color: color, size: size, marker: .cross)))
            } else {
                marks.append(.scatter(ScatterMark(x: xs, y: ys, color: Color(hex: "222222"), size: size + 0.9, marker: shape)))
                marks.append(.scatter(ScatterMark(x: xs, y: ys, label: name, color: color, size: size, marker: shape)))
            }
        }
        return marks
    }

    /// The part of the line w1·x + w2·y + b = 0 inside the box, as two end points (nil: the line
    /// misses the box, or w1 = w2 = 0 and there is no line).
    static func segment(w1: Double, w2: Double, b: Double, x box: ClosedRange<Double>,
                        y ybox: ClosedRange<Double>) -> (x: [Double], y: [Double])? {
        guard abs(w1) + abs(w2) > 1e-12 else { return nil }
        var hits: [(Double, Double)] = []
        if abs(w2) > 1e-12 {
            for x in [box.lowerBound, box.upperBound] {
                let y = -(w1 * x + b) / w2
                if ybox.contains(y) { hits.append((x, y)) }
            }
        }
        if abs(w1) > 1e-12 {
            for y in [ybox.lowerBound, ybox.upperBound] {
                let x = -(w2 * y + b) / w1
                if box.contains(x) { hits.append((x, y)) }
            }
        }
        guard let first = hits.first, let last = hits.max(by: { hypot($0.0 - first.0, $0.1 - first.1) < hypot($1.0 - first.0, $1.1 - first.1) }),
              hypot(last.0 - first.0, last.1 - first.1) > 1e-9 else { return nil }
        return ([first.0, last.0], [first.1, last.1])
    }

    /// A line mark for w1·x + w2·y + b = 0 in the box (nil when it misses the box).
    static func line(w1: Double, w2: Double, b: Double, x box: ClosedRange<Double>, y ybox: ClosedRange<Double>, label: String? = nil,
                     color: Color, width: Double = 1.5, dash: Dash = .solid) -> Mark? {
        segment(w1: w1, w2: w2, b: b, x: box, y: ybox).map {
            .line(LineMark(x: $0.x, y: $0.y, label: label, color: color, width: width, dash: dash))
        }
    }

    /// The surface (P(class 1) on a grid) as a heatmap on cividis, 0 to 1, with the P = 0.5 contour in white.
    static func region(_ s: Surface, colorBar: String?) -> [Mark] {
        let dx = (s.x.last! - s.x.first!) / Double(max(s.x.count - 1, 1)) / 2
        let dy = (s.y.last! - s.y.first!) / Double(max(s.y.count - 1, 1)) / 2
        return [
            .heatmap(HeatmapMark(values: s.values, xRange: (s.x.first! - dx)...(s.x.last! + dx), yRange: (s.y.first! - dy)...(s.y.last! + dy),
                                 colorMap: .cividis, colorLimits: 0...1, colorBarLabel: colorBar)),
            .contour(ContourMark(x: s.x, y: s.y, values: s.values, levels: [0.5], lineColor: .white, labelLevels: false, lineWidth: 1.8)),
        ]
    }

    /// An x (or y) range with a margin of `fraction` of its width on each side.
    static func padded(_ values: [Double], _ fraction: Double = 0.08) -> ClosedRange<Double> {
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let pad = max(hi - lo, 1e-9) * fraction
        return (lo - pad)...(hi + pad)
    }

    /// A square around the points (padded by 8 %), so that every panel of a set has the same shape.
    static func squareView(_ xs: [Double], _ ys: [Double]) -> (ClosedRange<Double>, ClosedRange<Double>) {
        let px = padded(xs), py = padded(ys)
        let half = max(px.upperBound - px.lowerBound, py.upperBound - py.lowerBound) / 2
        let cx = (px.lowerBound + px.upperBound) / 2, cy = (py.lowerBound + py.upperBound) / 2
        return ((cx - half)...(cx + half), (cy - half)...(cy + half))
    }

    /// A value rounded to `digits` decimals (so that event files stay small; enough for pictures).
    static func rounded(_ v: Double, _ digits: Int) -> Double {
        let f = pow(10, Double(digits))
        return (v * f).rounded() / f
    }

    /// `v` to `digits` significant digits (for the same reason).
    static func significant(_ v: Double, _ digits: Int) -> Double {
        guard v != 0, v.isFinite else { return v }
        let f = pow(10, Double(digits - 1 - Int(floor(log10(abs(v))))))
        return (v * f).rounded() / f
    }

    /// `count` evenly spaced values over the range.
    static func grid(_ r: ClosedRange<Double>, _ count: Int) -> [Double] {
        (0..<count).map { r.lowerBound + (r.upperBound - r.lowerBound) * Double($0) / Double(count - 1) }
    }
}

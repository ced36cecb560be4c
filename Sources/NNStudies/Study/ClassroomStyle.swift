import Foundation
import NNEvents
import NNPlot

/// What the worked-example studies (backprop, activations) share: a theme with text large enough
/// to read on a projected slide, reading a run's scalars back, and writing numbers the way the
/// course notes print them.
enum ClassroomStyle {
    /// The screen theme with larger text: these figures carry numbers a class reads off the wall.
    static let theme: Theme = {
        var t = Theme.screen
        t.titleSize = 15; t.axesTitleSize = 13; t.labelSize = 12.5; t.tickSize = 11
        t.lineWidth = 2
        return t
    }()

    /// The colour of backward quantities (gradients) in every diagram.
    static let gradient = Color.red

    /// The value of scalar `name` of `run` at `step` (NaN when the run did not record it).
    static func value(_ run: EventStore.Run?, _ name: String, step: Int = 0) -> Double {
        run?.scalars[name]?.last { $0.step == step }?.value ?? .nan
    }

    /// A computed number with the notes' `decimals`, written in full ("0.60944600") unless it is
    /// a short decimal ("0.3", "2.2", "220"), which is written as such.
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "inf" : "−inf") }
        let full = String(format: "%.\(decimals)f", v)
        var short = full
        while short.hasSuffix("0") { short.removeLast() }
        if short.hasSuffix(".") { short.removeLast() }
        let shortDecimals = short.split(separator: ".").dropFirst().first?.count ?? 0
        return (shortDecimals <= 2 ? short : full).replacingOccurrences(of: "-", with: "−")
    }

    /// A number given in the notes (an input or a weight), in its shortest form: "0.45", "1.0".
    static func given(_ v: Double) -> String { v.isFinite ? "\(v)".replacingOccurrences(of: "-", with: "−") : fixed(v, 0) }

    /// A CSV field that keeps non-finite values visible ("inf", "NaN") instead of leaving them empty.
    static func csvField(_ v: Double) -> String { v.isFinite ? "\(v)" : (v.isNaN ? "NaN" : (v > 0 ? "inf" : "-inf")) }
}

extension ClassroomStyle {
    /// A table as a panel without frame: a header row over a rule, then one row per entry; each
    /// column has its own colour (gradients in red, say).
    static func table(title: String?, header: [String], rows: [[String]], colors: [Color]? = nil, size: Double = 13) -> Axes {
        let n = header.count
        var a = Axes(title: title, xLimits: -0.5...(Double(n) - 0.5), yLimits: -(Double(rows.count) + 0.5)...0.6, grid: false, legend: false)
        a.frame = false
        for (k, h) in header.enumerated() {
            a.marks.append(.text(TextMark(x: Double(k), y: 0, text: h, anchor: .center, color: colors?[k] ?? .black, size: size)))
        }
        a.marks.append(.line(LineMark(x: [-0.45, Double(n) - 0.55], y: [-0.5, -0.5], color: Color(hex: "999999"), width: 0.8)))
        for (i, row) in rows.enumerated() {
            for (k, cell) in row.enumerated() where k < n {
                a.marks.append(.text(TextMark(x: Double(k), y: -Double(i) - 1, text: cell, anchor: .center, color: colors?[k] ?? .black,
                                              size: size)))
            }
        }
        return a
    }
}

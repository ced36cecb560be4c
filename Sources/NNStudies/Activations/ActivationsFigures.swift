import Foundation
import NNEvents
import NNPlot
import NNReport

/// The activations study's figures, from the events of ``ActivationEvents`` and ``AccuracyLine``.
struct ActivationsFigures {
    let prose: Prose
    static let function = Theme.okabeIto[0], slope = Theme.okabeIto[1]

    /// A panel title for an activation's event name (`short`: without its formula, for a legend).
    func displayName(_ name: String, short: Bool = false) -> String {
        let end = short ? "_short" : ""
        switch name {
        case "relu": return "ReLU"
        case "tanh": return "tanh"
        case let n where n.hasPrefix("leaky_relu("):
            return prose.line("name.leaky_relu\(end)", ["alpha": String(n.dropFirst("leaky_relu(".count).dropLast())])
        default: return (try? prose.text("name.\(name)\(end)")) ?? (try? prose.text("name.\(name)")) ?? name
        }
    }

    /// One panel per activation (h solid, h′ dashed), then every h′ together.
    func functions(_ r: EventStore.Run) throws -> FigureOutput {
        let pairs = r.curves.filter { !$0.name.hasSuffix("'") }.compactMap { c in r.curves.first { $0.name == c.name + "'" }.map { (c, $0) } }
        let value = try prose.text("functions.y_axis")
        var panels: [Axes] = pairs.enumerated().map { k, p in
            var a = Axes(title: displayName(p.0.name), xLabel: k >= 4 ? "x" : nil, yLabel: k % 4 == 0 ? value : nil)
            a.marks = [.line(LineMark(x: p.0.x, y: p.0.y, label: k == 0 ? "h(x)" : nil, color: Self.function)),
                       .line(LineMark(x: p.1.x, y: p.1.y, label: k == 0 ? "h′(x)" : nil, color: Self.slope, dash: .dashed))]
            let lo = min(p.0.y.min() ?? 0, p.1.y.min() ?? 0), hi = max(p.0.y.max() ?? 1, p.1.y.max() ?? 1)
            a.yLimits = (lo - 0.12 * (hi - lo))...(hi + 0.12 * (hi - lo))
            return a
        }
        var all = Axes(title: try prose.text("functions.slopes_title"), xLabel: "x")
        for (k, p) in pairs.enumerated() where p.1.y.contains(where: { $0 != 0 }) {
            let name = displayName(p.0.name, short: true)
            all.marks.append(.line(LineMark(x: p.1.x, y: p.1.y, label: name, color: Theme.okabeIto[k % 8],
                                            dash: p.0.name == "identity" ? .dotted : .solid)))
        }
        all.yLimits = -0.1...2.3
        panels.append(all)
        let header = ["x"] + pairs.flatMap { [$0.0.name, $0.1.name] }
        let xs = pairs.first?.0.x ?? []
        let rows = xs.indices.map { i in [CSVTable.number(xs[i])] + pairs.flatMap { [CSVTable.number($0.0.y[i]), CSVTable.number($0.1.y[i])] } }
        return FigureOutput(name: "activations_functions", caption: try prose.text("functions.caption"),
                            figure: Figure(title: try prose.text("functions.title"), width: 1000, height: 560, rows: 2, columns: 4, axes: panels,
                                           theme: ClassroomStyle.theme),
                            csv: CSVTable.text(header, rows))
    }

    /// The notes' softmax example as a table: naive e^a overflows, the shifted one does not.
    func softmax(_ r: EventStore.Run) throws -> FigureOutput {
        func v(_ n: String) -> Double { ClassroomStyle.value(r, n) }
        func e8(_ x: Double) -> String { x.isFinite ? String(format: "%.8e", x).replacingOccurrences(of: "-", with: "−") : ClassroomStyle.fixed(x, 0) }
        let ks = (1...3).filter { r.scalars["logit[\($0)]"] != nil }
        var rows = ks.map { k in
            ["\(k)", ClassroomStyle.fixed(v("logit[\(k)]"), 6), e8(v("naive/exp[\(k)]")), e8(v("naive/softmax[\(k)]")),
             ClassroomStyle.fixed(v("stable/shifted[\(k)]"), 6), e8(v("stable/exp[\(k)]")), e8(v("stable/softmax[\(k)]"))]
        }
        rows.append([try prose.text("softmax.sum"), "", e8(v("naive/sum")), "", "", e8(v("stable/sum")), e8(v("stable/softmax_sum"))])
        let red = ClassroomStyle.gradient, green = Theme.okabeIto[2]
        let table = ClassroomStyle.table(
            title: try prose.text("softmax.table_title", ["limit": formatNumber(v("float64/largest_exp_argument"), significant: 5)]),
            header: ["k", try prose.text("softmax.header_logit"), "e^a", "e^a / Σ e^a", "a − max a", "e^(a − max a)",
                try prose.text("softmax.header_engine")], rows: rows,
            colors: [.black, .black, red, red, .black, .black, green], size: 12.5)
        var csv = ks.map { k in
            ["\(k)", "\(v("logit[\(k)]"))", ClassroomStyle.csvField(v("naive/exp[\(k)]")), ClassroomStyle.csvField(v("naive/softmax[\(k)]")),
             ClassroomStyle.csvField(v("stable/shifted[\(k)]")), ClassroomStyle.csvField(v("stable/exp[\(k)]")),
             ClassroomStyle.csvField(v("stable/softmax[\(k)]"))]
        }
        csv.append(["sum", "", ClassroomStyle.csvField(v("naive/sum")), "", "", ClassroomStyle.csvField(v("stable/sum")),
                    ClassroomStyle.csvField(v("stable/softmax_sum"))])
        return FigureOutput(name: "activations_softmax_overflow", caption: try prose.text("softmax.caption"),
                            figure: Figure(title: try prose.text("softmax.title"), width: 1000, height: 300, axes: [table], theme: ClassroomStyle.theme),
                            csv: CSVTable.text(["k", "logit", "exp_naive", "softmax_naive", "logit_minus_max", "exp_shifted", "softmax_stable"], csv))
    }

    /// −log p against p, with the values at the notes' probabilities, and its gradient on the right
    /// class's logit beside the squared error's.
    func crossEntropy(_ r: EventStore.Run) throws -> FigureOutput {
        let xLabel = try prose.text("cross_entropy.x_axis")
        var loss = Axes(title: try prose.text("cross_entropy.loss_title"), xLabel: xLabel, yLabel: "−log p")
        var grad = Axes(title: try prose.text("cross_entropy.gradient_title"), xLabel: xLabel, yLabel: try prose.text("cross_entropy.gradient_axis"))
        var rows: [[String]] = []
        func curve(_ n: String) -> Curve? { r.curves.first { $0.name == n } }
        if let c = curve("cross_entropy"), let g = curve("cross_entropy_gradient"), let s = curve("squared_error_gradient") {
            loss.marks = [.line(LineMark(x: c.x, y: c.y, color: Self.function))]
            grad.marks = [.line(LineMark(x: g.x, y: g.y, label: try prose.text("cross_entropy.gradient_label"), color: Self.function)),
                          .line(LineMark(x: s.x, y: s.y, label: try prose.text("cross_entropy.squared_label"), color: Self.slope, dash: .dashed))]
            rows = c.x.indices.map { [c.x[$0], c.y[$0], g.y[$0], s.y[$0]].map(CSVTable.number) }
        }
        for p in ActivationEvents.probabilities {
            let l = ClassroomStyle.value(r, "cross_entropy(p=\(p))")
            guard l.isFinite else { continue }
            loss.marks.append(.scatter(ScatterMark(x: [p], y: [l], color: .black, size: 4)))
            loss.marks.append(.text(TextMark(x: p, y: l, text: "p = \(p): \(formatNumber(l, significant: 3))", anchor: p > 0.6 ? .above : .left,
                                             size: 11.5)))
        }
        loss.xLimits = 0...1; grad.xLimits = 0...1
        grad.yLimits = -1.05...0.3
        return FigureOutput(name: "activations_cross_entropy", caption: try prose.text("cross_entropy.caption"),
                            figure: Figure(title: try prose.text("cross_entropy.title"), width: 1000, height: 400, columns: 2, axes: [loss, grad],
                                           theme: ClassroomStyle.theme),
                            csv: CSVTable.text(["p", "cross_entropy", "cross_entropy_gradient_on_right_logit", "squared_error_gradient_on_right_logit"],
                                               rows))
    }

    /// Loss, accuracy and both numerical slopes along one weight.
    func accuracyLine(_ r: EventStore.Run) throws -> FigureOutput? {
        func curve(_ n: String) -> Curve? { r.curves.first { $0.name == n } }
        guard let loss = curve("loss"), let acc = curve("accuracy"), let ls = curve("loss slope"), let accs = curve("accuracy slope") else { return nil }
        let trained = r.scalars.first { $0.key.hasPrefix("trained ") }?.value.last?.value
        let xLabel = try prose.text("accuracy.x_label")
        var a1 = Axes(title: try prose.text("accuracy.loss_title"), yLabel: try prose.text("accuracy.loss_axis"), yScale: .log)
        a1.marks = [.line(LineMark(x: loss.x, y: loss.y, color: Self.function))]
        // A little room at both ends, so that the log axis labels a tick below the curve's minimum.
        let finite = loss.y.filter { $0 > 0 && $0.isFinite }
        if let lo = finite.min(), let hi = finite.max() { a1.yLimits = (lo / 1.6)...(hi * 1.25) }
        var a2 = Axes(title: try prose.text("accuracy.accuracy_title"), yLabel: try prose.text("accuracy.accuracy_axis"))
        a2.marks = [.line(LineMark(x: acc.x, y: acc.y, color: Theme.okabeIto[2]))]
        var a3 = Axes(title: try prose.text("accuracy.slope_title"), xLabel: xLabel, yLabel: try prose.text("accuracy.slope_axis"),
            yScale: .symlog(linearThreshold: 0.1))
        a3.marks = [.line(LineMark(x: accs.x, y: accs.y, label: try prose.text("accuracy.accuracy_axis"), color: Theme.okabeIto[2], width: 1.2)),
                    .line(LineMark(x: ls.x, y: ls.y, label: try prose.text("accuracy.loss_label"), color: Self.function))]
        if let t = trained {
            a1.referenceLines = [ReferenceLine(.vertical, at: t, label: try prose.text("accuracy.trained"))]
            a2.referenceLines = [ReferenceLine(.vertical, at: t)]
            a3.referenceLines = [ReferenceLine(.vertical, at: t)]
        }
        let rows = loss.x.indices.map { i in [loss.x[i], loss.y[i], acc.y[i], ls.y[i], accs.y[i]].map(CSVTable.number) }
        return FigureOutput(name: "activations_accuracy_vs_loss", caption: try prose.text("accuracy.caption"),
                            figure: Figure(title: try prose.text("accuracy.title"), width: 1000, height: 680, rows: 3, axes: [a1, a2, a3], sharedX: true,
                                           theme: ClassroomStyle.theme),
                            csv: CSVTable.text(["w", "cross_entropy", "accuracy", "cross_entropy_slope", "accuracy_slope"], rows))
    }
}

import Foundation
import NNEngine
import NNEvents
import NNPlot
import NNReport

extension OptimizerFigures {
    /// A projection run's weight path over the loss on its plane (Li et al. 2018), and its facts.
    func projection(_ r: EventStore.Run, into out: inout SectionParts) throws {
        guard let surface = r.surfaces.first, r.trajectory.count >= 3 else { return }
        let finite = surface.values.flatMap { $0 }.filter(\.isFinite).sorted()
        guard let lo = finite.first, let hi = finite.last, hi > lo else { return }
        // Levels spaced evenly in log(loss) between the surface's minimum and its 95th percentile.
        let top = finite[Int(Double(finite.count - 1) * 0.95)]
        let levels = (0..<10).map { exp(log(lo) + (log(max(top, lo * 1.0001)) - log(lo)) * Double($0) / 9) }
        let share1 = Self.share(surface.xLabel), share2 = Self.share(surface.yLabel)
        let xLabel = share1.map { prose.line("projection.pc1_axis", ["share": $0]) } ?? surface.xLabel
        let yLabel = share2.map { prose.line("projection.pc2_axis", ["share": $0]) } ?? surface.yLabel
        var a = Axes(title: projectionTitle(r), xLabel: xLabel, yLabel: yLabel, grid: false)
        a.marks = [.contour(ContourMark(x: surface.x, y: surface.y, values: surface.values, levels: levels, filled: true,
                                        lineColor: Color(hex: "777777"), labelLevels: true, colorBar: false)),
                   .path(PathMark(x: r.trajectory.map(\.x), y: r.trajectory.map(\.y), label: try prose.text("projection.path_label"), color: .red)),
                   .scatter(ScatterMark(x: [r.trajectory[0].x], y: [r.trajectory[0].y], label: try prose.text("projection.start"), color: .black,
                                        size: 4, marker: .square)),
                   .scatter(ScatterMark(x: [0], y: [0], label: try prose.text("projection.end"), color: .black, size: 5, marker: .plus))]
        let own = Dictionary(zip(r.steps("projection/network_loss"), r.values("projection/network_loss"))) { a, _ in a }
        let rows = r.trajectory.map {
            [r.name, "\($0.step)", CSVTable.number($0.x), CSVTable.number($0.y), CSVTable.number($0.value ?? .nan),
             CSVTable.number(own[$0.step] ?? .nan)]
        }
        let weights = "\(r.start?.parameterCount ?? 0)"
        out.figures.append(FigureOutput(
            name: "optimizer_weight_path_projection",
            caption: try prose.text("projection.caption", ["snapshots": "\(r.trajectory.count)", "weights": weights]),
            figure: Figure(title: try prose.text("projection.title"), width: 640, height: 440, axes: [a]),
            csv: CSVTable.text(["run", "step", "pc1", "pc2", "loss_on_plane", "network_loss"], rows)))
        out.facts.append(Fact(try prose.text("fact.variance_share", ["run": r.name]), nil,
                              try prose.text("fact.variance_share_value", ["pc1": share1 ?? "?", "pc2": share2 ?? "?"])))
        let three = { (v: Double) in formatNumber(v, significant: 3) }
        if let f = r.trajectory.first?.value, let l = r.trajectory.last?.value {
            out.facts.append(Fact(try prose.text("fact.plane_loss", ["run": r.name]), nil, "\(three(f)) → \(three(l))"))
        }
        if let first = r.trajectory.first.flatMap({ own[$0.step] }), let last = r.trajectory.last.flatMap({ own[$0.step] }) {
            out.facts.append(Fact(try prose.text("fact.network_loss", ["run": r.name]), nil, "\(three(first)) → \(three(last))"))
        }
    }

    /// `784-50-10 ReLU, Momentum (lr 0.01)` from the run's layers and optimiser.
    func projectionTitle(_ r: EventStore.Run) -> String {
        let shape = r.start.map { s in
            let inputs = s.layers.first.map { "\($0.inputs)" } ?? ""
            return "\(inputs)-\(s.layers.dropLast().map { "\($0.outputs)" }.joined(separator: "-"))-\(s.layers.last?.outputs ?? 0)"
        } ?? ""
        let optimizer = r.start?.optimizer ?? ""
        let name = OptimizerKind(rawValue: optimizer)?.displayName ?? optimizer
        return prose.line("projection.panel_title", ["shape": shape, "optimizer": name, "lr": "\(r.start?.optimizerSettings["learning_rate"] ?? .nan)"])
    }

    /// The share of the variance in a principal-component label as written there: `12.3` from
    /// `PC1 (12.3 % of the path's variance)` (the label the projection's `surface` event carries).
    static func share(_ label: String) -> String? {
        guard let open = label.firstIndex(of: "("), let percent = label[open...].firstIndex(of: "%") else { return nil }
        let number = label[label.index(after: open)..<percent].trimmingCharacters(in: .whitespaces)
        return Double(number) != nil ? number : nil
    }
}

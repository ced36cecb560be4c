import NNEvents
import NNPlot

/// The runs' scalar series that no other figure of the section draws (another tool's `loss`,
/// PyTorch's `Loss/train` and `Accuracy/test`, `lr`, any tag), one small panel per group of tags as
/// TensorBoard groups them: tags sharing the prefix before their first `/` share a panel, one line
/// per suffix (`train/x`, `val/x` and `test/x`, nnviz's and Keras's splits, share the panel `x`).
/// Each series is drawn as the loss chart draws it, every value faint and its smoothed curve bold, in
/// the runs' order and colours; short series (a few epochs' values) are drawn as they are, the shortest with markers.
public enum ScalarPanels {
    /// The most panels in the figure; the caption names the groups left out.
    static let maxPanels = 12
    /// Series with fewer points than this are drawn unsmoothed, with markers: smoothing with weight 0.9 lags about ten
    /// points behind, which on a short series (20 steps, a few epochs) hides where it ends.
    static let smoothedFrom = 100
    /// The scalars the section's loss and training/validation figures draw.
    static let drawnElsewhere: Set<String> = ["train/batch_loss", "train/batch_accuracy", "train/loss", "train/accuracy", "val/loss",
                                              "val/accuracy"]
    /// nnviz's split prefixes, in the order their lines are drawn.
    static let splits = ["train", "val", "test"]

    /// A panel: its title (the tag, or the prefix its tags share) and its series, as (scalar name, legend word).
    struct Group: Equatable {
        var title: String
        var series: [(name: String, line: String)]
        static func == (a: Group, b: Group) -> Bool { a.title == b.title && a.series.map(\.name) == b.series.map(\.name) }
    }

    /// The figure (its file named `name`), or nil when no run has a series of two or more points that is not drawn elsewhere.
    public static func figure(_ runs: [EventStore.Run], name: String) -> FigureOutput? {
        let names = Set(runs.flatMap { r in r.scalars.keys.filter { !drawnElsewhere.contains($0) } })
        let once = names.filter { n in runs.allSatisfy { ($0.scalars[n]?.count ?? 0) <= 1 } }.sorted()
        let all = groups(names.subtracting(once))
        guard !all.isEmpty else { return nil }
        let shown = Array(all.prefix(maxPanels)), manyRuns = runs.filter { r in names.contains { r.scalars[$0] != nil } }.count > 1
        var csv = CSVText(header: ["run", "series", "step", "epoch", "value", "smoothed_0.9"]), decimated = false
        var panels: [Axes] = [], named: Set<String> = []
        for group in shown {
            let x = StepAxis.label(runs, group.series.map(\.name))
            var a = Axes(title: group.title, xLabel: x, yLabel: group.series.count == 1 ? nil : ReportText.text("axis.value"))
            // A panel names its lines when they are its tag's suffixes, or runs no panel before it has named.
            let inPanel = Set(runs.filter { r in group.series.contains { r.scalars[$0.name] != nil } }.map(\.name))
            a.legend = group.series.count > 1 || (manyRuns && !inPanel.isSubset(of: named))
            if a.legend { named.formUnion(inPanel) }
            for (k, r) in runs.enumerated() {
                for (j, s) in group.series.enumerated() {
                    guard let all = r.scalars[s.name], !all.isEmpty else { continue }
                    let label = group.series.count == 1 ? (manyRuns ? r.label : nil) : (manyRuns ? "\(r.label): \(s.line)" : s.line)
                    let values = all.map(\.value), smoothedAll = Smoothing.exponential(values, weight: GenericCurves.smoothing)
                    let keep = CurveDecimation.indices(steps: all.map { Double($0.step) }, [values, smoothedAll])
                    decimated = decimated || keep.count < all.count
                    let points = CurveDecimation.pick(all, keep), smoothed = CurveDecimation.pick(smoothedAll, keep)
                    a.marks += marks(points, smoothed: smoothed, label: label, color: Theme.okabeIto[k % Theme.okabeIto.count], dash: dashes[j % dashes.count])
                    for (p, value) in zip(points, smoothed) {
                        csv.add([r.name, s.name, "\(p.step)", p.epoch.map { "\($0)" } ?? "", CSVTable.number(p.value), CSVTable.number(value)])
                    }
                }
            }
            panels.append(a)
        }
        var caption = ReportText.text("generic.scalars.caption", ["points": "\(smoothedFrom)", "markers": "\(markersUpTo)"])
        if all.count > maxPanels {
            caption += " " + ReportText.text("generic.scalars.more", ["count": "\(maxPanels)",
                                                                        "names": all.dropFirst(maxPanels).map(\.title).joined(separator: ", ")])
        }
        if !once.isEmpty {
            let values = once.map { n in "\(n) = " + runs.compactMap { $0.scalars[n]?.first.map { "\($0.value)" } }.joined(separator: ", ") }
            caption += " " + ReportText.text("generic.scalars.once", ["names": values.joined(separator: "; ")])
        }
        let columns = min(3, panels.count), rowCount = (panels.count + columns - 1) / columns
        let figure = Figure(title: ReportText.text("generic.scalars.title"), width: 900, height: 50 + 260 * Double(rowCount), rows: rowCount,
                            columns: columns, axes: panels)
        caption += CurveDecimation.note(decimated)
        return FigureOutput(name: name, caption: caption, figure: figure,
                            csv: csv.text)
    }

    static let dashes: [Dash] = [.solid, .dashed, .dotted, .dashDot]
    /// Unsmoothed series of at most this many points get a marker on each.
    static let markersUpTo = 30

    /// One series: long ones every value faint and the smoothed curve bold; short ones as they are, with markers.
    /// `smoothed` is the series smoothed over all its values (the points may be a long series' decimated ones).
    static func marks(_ points: [(step: Int, epoch: Int?, value: Double)], smoothed: [Double], label: String?, color: Color, dash: Dash) -> [Mark] {
        let x = points.map { Double($0.step) }, y = points.map(\.value)
        guard y.count >= smoothedFrom else {
            return [.line(LineMark(x: x, y: y, label: label, color: color, width: 1.8, dash: dash, marker: y.count <= markersUpTo ? .circle : nil))]
        }
        return [.line(LineMark(x: x, y: y, color: color.opacity(0.25), width: 0.8)),
                .line(LineMark(x: x, y: smoothed, label: label, color: color, width: 2.0, dash: dash))]
    }

    /// The panels for scalar `names`, by title; within a panel nnviz's splits come first in their order, then the rest by name.
    static func groups(_ names: Set<String>) -> [Group] {
        var byTitle: [String: [(name: String, line: String)]] = [:]
        for n in names {
            let parts = n.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { byTitle[n, default: []].append((n, n)); continue }
            if splits.contains(parts[0]) { byTitle[parts[1], default: []].append((n, parts[0])) } else { byTitle[parts[0], default: []].append((n, parts[1])) }
        }
        return byTitle.keys.sorted().map { title in
            let series = (byTitle[title] ?? []).sorted { a, b in
                let i = splits.firstIndex(of: a.line) ?? splits.count, j = splits.firstIndex(of: b.line) ?? splits.count
                return i != j ? i < j : a.name < b.name
            }
            return Group(title: series.count == 1 ? series[0].name : title, series: series)
        }
    }
}

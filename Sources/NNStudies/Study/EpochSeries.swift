import Foundation
import NNEvents
import NNPlot
import NNReport

/// A scalar series of a group of runs (a run and its repeats with other seeds) against epochs
/// trained (1, 2, ...): the run's values, or the mean over the seeds with a band from the
/// smallest to the largest value. Non-finite values are left out.
struct EpochSeries {
    var epochs: [Double] = []
    var mean: [Double] = []
    var lower: [Double] = []
    var upper: [Double] = []
    /// The runs in the group.
    var seeds = 0

    /// The series `name` of `group`; values are indexed by their `epoch` field (their step when they have none).
    init(_ group: [EventStore.Run], _ name: String) {
        var by: [Int: [Double]] = [:]
        for r in group {
            for p in r.scalars[name] ?? [] where p.value.isFinite { by[(p.epoch ?? p.step) + 1, default: []].append(p.value) }
        }
        let keys = by.keys.sorted()
        epochs = keys.map(Double.init)
        for k in keys {
            let v = by[k] ?? []
            mean.append(v.reduce(0, +) / Double(max(v.count, 1)))
            lower.append(v.min() ?? .nan)
            upper.append(v.max() ?? .nan)
        }
        seeds = group.count
    }

    /// The band (with repeats) under the mean line.
    func marks(label: String?, color: Color, dash: Dash = .solid, width: Double = 1.6) -> [Mark] {
        var out: [Mark] = []
        if seeds > 1 { out.append(.band(BandMark(x: epochs, lower: lower, upper: upper, color: color, opacity: 0.18))) }
        out.append(.line(LineMark(x: epochs, y: mean, label: label, color: color, width: width, dash: dash)))
        return out
    }

    /// CSV rows: run group, series, epoch, mean, min, max.
    func rows(_ group: String, _ series: String) -> [[String]] {
        epochs.indices.map {
            [group, series, "\(Int(epochs[$0]))", CSVTable.number(mean[$0]), CSVTable.number(lower[$0]), CSVTable.number(upper[$0])]
        }
    }

    /// The CSV header of ``rows(_:_:)``.
    static let header = ["run", "series", "epoch", "mean", "min", "max"]
}

/// The last value of a scalar in each run of a group (one per seed; NaN for a run without it).
func lastValues(_ group: [EventStore.Run], _ name: String) -> [Double] { group.map { $0.values(name).last ?? .nan } }

/// The mean of the finite values (NaN when there are none).
func finiteMean(_ v: [Double]) -> Double {
    let f = v.filter(\.isFinite)
    return f.isEmpty ? .nan : f.reduce(0, +) / Double(f.count)
}

/// "in 3 of 5 seeds" when a claim held for some seeds only, "" when it held for every seed
/// (or there is one seed), so that a finding says when it does not hold for all.
func seedsClause(_ held: Int, of seeds: Int, prose: Prose) throws -> String {
    guard seeds > 1 else { return "" }
    return try prose.text(held == seeds ? "seeds.all" : "seeds.some", ["held": "\(held)", "seeds": "\(seeds)"])
}

/// A number to `significant` digits without trailing zeros: 0.1, 0.0032, 10⁻⁴, 3.2×10⁻⁴.
func compactNumber(_ v: Double, significant: Int = 2) -> String {
    var s = formatNumber(v, significant: significant)
    if s.hasPrefix("1.0×") { s.removeFirst(4) }
    guard !s.contains("×"), s.contains(".") else { return s }
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}

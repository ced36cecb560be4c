import Foundation
import NNEvents
import NNPlot

/// Runs repeated with other seeds (`--repeats N`): the run itself keeps its name, its repeats
/// are named `<name>@seed<seed>`. Sections group them back: figures draw the mean of a group
/// with a band from its smallest to its largest value, facts state the spread.
public enum Repeats {
    /// What separates a run's name from the seed of a repeat.
    public static let separator = "@seed"

    /// The name of the repeat of `name` with `seed`.
    public static func name(_ name: String, seed: UInt64) -> String { "\(name)\(separator)\(seed)" }

    /// The name of the run a repeat repeats (the name itself for a run that is not a repeat).
    public static func baseName(_ name: String) -> String {
        name.range(of: separator).map { String(name[..<$0.lowerBound]) } ?? name
    }

    /// Runs grouped with their repeats, in the order their first member appears.
    public static func groups(_ runs: [EventStore.Run]) -> [[EventStore.Run]] {
        var order: [String] = []
        var members: [String: [EventStore.Run]] = [:]
        for r in runs {
            let base = baseName(r.name)
            if members[base] == nil { order.append(base) }
            members[base, default: []].append(r)
        }
        return order.map { members[$0] ?? [] }
    }

    /// The runs that are not repeats (each group's first run).
    public static func primaries(_ runs: [EventStore.Run]) -> [EventStore.Run] { runs.filter { !$0.name.contains(separator) } }

    /// Whether any run of `runs` has repeats.
    public static func any(_ runs: [EventStore.Run]) -> Bool { runs.contains { $0.name.contains(separator) } }

    /// A band of a scalar series over repeats: at each step some of them reached, the mean, the
    /// smallest and the largest of the finite values there, and how many runs had one.
    public struct Band: Sendable {
        /// The steps at which some run has a finite value.
        public var steps: [Int]
        /// The mean over the runs at each step.
        public var mean: [Double]
        /// The smallest value at each step.
        public var lower: [Double]
        /// The largest value at each step.
        public var upper: [Double]
        /// How many runs have a value at each step.
        public var counts: [Int]
    }

    /// The band of scalar `name` over `runs` (a run that ended early, say by diverging, drops
    /// out of the steps it did not reach: `counts` says how many runs are left).
    public static func band(_ runs: [EventStore.Run], _ name: String, transform: ([Double]) -> [Double] = { $0 }) -> Band {
        var byStep: [Int: [Double]] = [:]
        for r in runs {
            for (s, v) in zip(r.steps(name), transform(r.values(name))) where v.isFinite { byStep[s, default: []].append(v) }
        }
        let steps = byStep.keys.sorted()
        let values = steps.map { byStep[$0] ?? [] }
        return Band(steps: steps, mean: values.map { $0.reduce(0, +) / Double(max($0.count, 1)) },
                    lower: values.map { $0.min() ?? .nan }, upper: values.map { $0.max() ?? .nan }, counts: values.map(\.count))
    }

    /// "0.91" for one value, "0.91 (0.89–0.93 over 5 seeds)" for several: a mean and its range.
    public static func spread(_ values: [Double], significant: Int = 3, scale: Double = 1, unit: String = "") -> String {
        let f = values.filter(\.isFinite).map { $0 * scale }
        guard let lo = f.min(), let hi = f.max() else { return "not measured" }
        let mean = f.reduce(0, +) / Double(f.count)
        // Counts (epochs, steps) are written as integers.
        let integral = f.allSatisfy { $0 == $0.rounded() && abs($0) < 1e9 }
        func text(_ v: Double) -> String { integral && v == v.rounded() ? "\(Int(v))" : formatNumber(v, significant: significant) }
        let m = text(mean) + unit
        guard values.count > 1 else { return m }
        let missing = values.count - f.count
        if lo == hi && missing == 0 { return "\(m) (all \(f.count) seeds)" }
        let range = "\(text(lo))–\(text(hi))\(unit)"
        return "\(m) (\(range) over \(f.count) seeds" + (missing > 0 ? "; \(missing) without a value" : "") + ")"
    }
}

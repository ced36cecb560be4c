import Foundation

/// The text of the progress display: one line per running run and a total line, each fitted
/// to the terminal's width. Pure, so tests can check it without a terminal.
public struct ProgressLines {
    /// A running run.
    public struct Run {
        /// The run's name.
        public var name: String
        /// Steps done.
        public var step: Int
        /// Steps in all.
        public var total: Int
        /// The last batch loss (nil before the first).
        public var loss: Double?

        /// A running run.
        public init(name: String, step: Int, total: Int, loss: Double?) { self.name = name; self.step = step; self.total = total; self.loss = loss }
    }

    /// The running runs, in the order they started.
    public var runs: [Run]
    /// Steps done by all runs of the job.
    public var doneSteps: Int
    /// Steps of all runs of the job.
    public var totalSteps: Int
    /// Runs finished.
    public var finishedRuns: Int
    /// Runs in the job.
    public var plannedRuns: Int
    /// Seconds since the job started.
    public var elapsed: Double

    /// The state of a job.
    public init(runs: [Run], doneSteps: Int, totalSteps: Int, finishedRuns: Int, plannedRuns: Int, elapsed: Double) {
        self.runs = runs; self.doneSteps = doneSteps; self.totalSteps = totalSteps
        self.finishedRuns = finishedRuns; self.plannedRuns = plannedRuns; self.elapsed = elapsed
    }

    /// A bar of `width` cells for `fraction` (0...1).
    public static func bar(_ fraction: Double, width: Int) -> String {
        let f = min(max(fraction.isFinite ? fraction : 0, 0), 1)
        let full = Int((f * Double(width)).rounded(.down))
        return String(repeating: "█", count: full) + String(repeating: "░", count: max(0, width - full))
    }

    /// `text` cut to `width` columns (with an ellipsis when cut).
    static func fit(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        return width > 1 ? String(text.prefix(width - 1)) + "…" : String(text.prefix(width))
    }

    /// The lines, each at most `width - 1` columns (the last column is left free so that a
    /// terminal never wraps).
    public func lines(width: Int) -> [String] {
        let w = max(20, width) - 1
        let nameWidth = min(28, runs.map(\.name.count).max() ?? 0)
        let barWidth = max(5, min(24, w / 5))
        var out = runs.map { r -> String in
            let f = r.total > 0 ? Double(r.step) / Double(r.total) : 0
            let name = r.name.count > nameWidth ? String(r.name.prefix(nameWidth - 1)) + "…" : r.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let loss = r.loss.map { $0.isFinite ? String(format: "loss %.3f", $0) : "loss \($0)" } ?? "starting"
            return Self.fit("  \(name) \(Self.bar(f, width: barWidth)) \(String(format: "%3d", Int(f * 100)))%  \(r.step)/\(r.total)  \(loss)", w)
        }
        let f = totalSteps > 0 ? Double(doneSteps) / Double(totalSteps) : 0
        let rate = elapsed > 0 ? Double(doneSteps) / elapsed : 0
        let eta = rate > 0 ? Double(totalSteps - doneSteps) / rate : .nan
        let total = "total \(Self.bar(f, width: barWidth)) \(String(format: "%3d", Int(f * 100)))%  \(doneSteps)/\(totalSteps) steps  "
            + "\(finishedRuns)/\(plannedRuns) runs  \(Int(rate.rounded())) steps/s  \(Self.clock(elapsed))  ETA \(Self.clock(eta))"
        out.append(Self.fit(total, w))
        return out
    }

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--:--" }
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// Progress of runs that may go on side by side: a thread-safe board the CLI draws.
public protocol ProgressSink: AnyObject, Sendable {
    /// The whole job, before any run starts: every run's name and steps.
    func planned(_ runs: [(name: String, steps: Int)])
    /// A run started.
    func began(_ run: String, steps: Int)
    /// A run reached `step` with the batch loss `loss`.
    func advanced(_ run: String, step: Int, loss: Double)
    /// A run ended.
    func ended(_ run: String, summary: String)
    /// A line of information (what data, how many runs).
    func note(_ text: String)
}

extension ProgressSink {
    /// A sink that draws no total ignores the plan.
    public func planned(_ runs: [(name: String, steps: Int)]) {}
}

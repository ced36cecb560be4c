import NNEvents

/// Whether scalar series count epochs on their x axis: Keras's epoch curves, imported from TensorBoard,
/// have step = epoch; nnviz's own evaluations carry the epoch but keep the batch step.
enum StepAxis {
    /// True when the runs have points of `names` and every one of them has an epoch equal to its step.
    static func isPerEpoch(_ runs: [EventStore.Run], _ names: [String]) -> Bool {
        let points = runs.flatMap { r in names.flatMap { r.scalars[$0] ?? [] } }
        return !points.isEmpty && points.allSatisfy { $0.epoch == $0.step }
    }

    /// The x-axis label for `names`' points: `axis.epoch` when they are per epoch only, `axis.step` otherwise.
    static func label(_ runs: [EventStore.Run], _ names: [String]) -> String {
        ReportText.text(isPerEpoch(runs, names) ? "axis.epoch" : "axis.step")
    }

    /// Whether a run's histograms are per epoch: Keras's TensorBoard callback writes them at step = epoch, and its run
    /// has training scalars (`train/*`) all per epoch, where a run with batch steps has some that are not.
    static func histogramsPerEpoch(_ r: EventStore.Run) -> Bool {
        let train = r.scalars.keys.filter { $0.hasPrefix("train/") }
        return !train.isEmpty && isPerEpoch([r], Array(train))
    }
}

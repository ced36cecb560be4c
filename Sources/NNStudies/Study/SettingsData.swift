import NNEvents
import NNReport

extension Prose {
    /// The shared settings table of `runs` with its data column in this prose's words: the run
    /// start's `dataset` is written in English when the run is made, so a study that wants its
    /// data named in the report's language names it here.
    func settingsRows(_ runs: [EventStore.Run], data: (EventStore.Run) -> String) -> [[String]] {
        var rows = SettingsTable.rows(runs)
        for (k, r) in runs.enumerated() where rows[k + 1].count == rows[0].count { rows[k + 1][rows[0].count - 1] = data(r) }
        return rows
    }
}

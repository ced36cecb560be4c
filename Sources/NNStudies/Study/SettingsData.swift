import NNEvents
import NNReport

extension Prose {
    /// The shared settings table of `runs` with its data column in this prose's words: the run
    /// start's `dataset` is written in English when the run is made, so a study that wants its
    /// data named in the report's language names it here (and the identity activation, in the model column).
    func settingsRows(_ runs: [EventStore.Run], data: (EventStore.Run) -> String) -> [[String]] {
        var rows = SettingsTable.rows(runs)
        let identity = BookDepartures.prose.line("settings.identity", [:])
        for (k, r) in runs.enumerated() where rows[k + 1].count == rows[0].count {
            rows[k + 1][rows[0].count - 1] = data(r)
            // The model column names the activation as the engine does; the identity is named in the report's words.
            if rows[k + 1][1].hasSuffix(" identity") { rows[k + 1][1] = String(rows[k + 1][1].dropLast("identity".count)) + identity }
        }
        return rows
    }
}

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

    /// The settings table of `runs` with each run's own `dataset` in the report's words.
    func settingsRows(_ runs: [EventStore.Run]) -> [[String]] { settingsRows(runs) { Self.datasetText($0.start?.dataset ?? "") } }

    /// A run start's `dataset` as the runner writes it in English (`mnist5k, first 300 of 3500
    /// training samples`, `friedman1 (2000 samples, 10 features, noise 1)`) in the report's
    /// words; the set's own name stays. Any other text comes back as it is.
    static func datasetText(_ dataset: String) -> String {
        let book = BookDepartures.prose
        if let m = dataset.wholeMatch(of: /friedman1 \((\d+) samples, (\d+) features, noise ([^)]+)\)/) {
            return book.line("settings.friedman", ["samples": String(m.1), "features": String(m.2), "noise": String(m.3)])
        }
        var parts = dataset.components(separatedBy: ", ")
        for k in parts.indices.dropFirst() {
            guard let m = parts[k].wholeMatch(of: /first (\d+) of (\d+) (training|validation) samples/) else { continue }
            parts[k] = book.line(m.3 == "training" ? "settings.train_part" : "settings.val_part", ["n": String(m.1), "total": String(m.2)])
        }
        return parts.joined(separator: ", ")
    }
}

import NNEvents
import NNPlot

/// The settings table of a section: one row per training run, from its `run_start`.
public enum SettingsTable {
    /// Header (in the current language) and rows.
    public static func rows(_ runs: [EventStore.Run]) -> [[String]] {
        [["run", "model", "initializer", "optimizer", "settings", "batch", "steps", "seed", "data"].map { ReportText.text("settings.\($0)") }]
            + runs.map(row)
    }

    static func row(_ r: EventStore.Run) -> [String] {
        let s = r.start
        let layers = s?.layers ?? []
        let hidden = layers.filter { $0.kind == "dense" }.map { "\($0.outputs)" }.joined(separator: "-")
        let inputs = layers.first?.inputs ?? 0
        // With batch norm the dense layers are affine only and the activation is a layer of its own.
        var act = (layers.first { $0.kind == "activation" } ?? layers.first)?.activation ?? ""
        if layers.contains(where: { $0.kind == "batch_norm" }) { act += ReportText.text("settings.batch_norm") }
        if layers.contains(where: { $0.kind == "dropout" }) { act += ReportText.text("settings.dropout") }
        let settings = (s?.optimizerSettings ?? [:]).sorted { $0.key < $1.key }
            .map { "\($0.key) \(formatNumber($0.value))" }.joined(separator: ", ")
        let steps = r.end.map { "\($0.step + 1)" } ?? ""
        return [r.name, "\(inputs)-\(hidden) \(act)", s?.layers.first?.initializer ?? "", s?.optimizer ?? "", settings,
                "\(s?.batchSize ?? 0)", steps, "\(s?.seed ?? 0)", s?.dataset ?? ""]
    }
}

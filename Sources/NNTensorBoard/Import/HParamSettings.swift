import Foundation
import SwiftProtobuf

/// A run's hyperparameters from the hparams plugin's `session_start_info`, as far as nnviz's `run_start` holds
/// them: numbers (and booleans as 0 or 1) as optimizer settings, an optimizer's name as the optimizer, other
/// strings and lists as text settings (`run_start.settings`, shown in the report's settings table).
struct HParamSettings: Equatable {
    var numbers: [String: Double] = [:]
    var optimizer: String?
    /// Other hyperparameters (strings, lists) as text, by name.
    var text: [String: String] = [:]
    /// Hyperparameters with no value nnviz can show (null, a nested structure), by name.
    var skipped: [String] = []

    /// The settings in a summary value's plugin content, or nil when it holds no session start.
    static func parse(_ content: Data) throws -> HParamSettings? {
        let data = try Tensorboard_Hparams_HParamsPluginData(serializedBytes: content)
        guard case .sessionStartInfo(let info) = data.data else { return nil }
        var s = HParamSettings()
        for (name, value) in info.hparams.sorted(by: { $0.key < $1.key }) {
            switch value.kind {
            case .numberValue(let x): s.numbers[name] = x
            case .boolValue(let b): s.numbers[name] = b ? 1 : 0
            case .stringValue(let text) where name.lowercased().contains("optim"): s.optimizer = text
            case .stringValue(let text): s.text[name] = text
            case .listValue(let list): s.text[name] = "[" + list.values.map(Self.text).joined(separator: ", ") + "]"
            default: s.skipped.append(name)
            }
        }
        return s
    }

    /// A list element as text: numbers in their shortest exact form.
    private static func text(_ value: Google_Protobuf_Value) -> String {
        switch value.kind {
        case .numberValue(let x): "\(x)"
        case .boolValue(let b): "\(b)"
        case .stringValue(let s): s
        case .listValue(let l): "[" + l.values.map(text).joined(separator: ", ") + "]"
        default: "null"
        }
    }
}

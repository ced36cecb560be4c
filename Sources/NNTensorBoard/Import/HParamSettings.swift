import Foundation
import SwiftProtobuf

/// A run's hyperparameters from the hparams plugin's `session_start_info`, as far as nnviz's `run_start` holds
/// them: numbers (and booleans as 0 or 1) as settings, an optimizer's name as the optimizer.
struct HParamSettings: Equatable {
    var numbers: [String: Double] = [:]
    var optimizer: String?
    /// Hyperparameters nnviz has no field for (other strings, lists), by name.
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
            default: s.skipped.append(name)
            }
        }
        return s
    }
}

/// An error in building, compiling, training, saving or loading a model.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A setting is out of its range (`what` names it).
    case invalidSetting(String)
    /// `fit`, `evaluate` or `trainStep` was called before `compile`.
    case notCompiled
    /// Shapes disagree.
    case shape(ShapeError)
    /// A model file could not be read or did not describe a model (`path`, reason).
    case modelFile(path: String, reason: String)
    /// Writing a file failed.
    case write(path: String, reason: String)

    /// One line for the command line.
    public var description: String {
        switch self {
        case .invalidSetting(let s): "invalid setting: \(s)"
        case .notCompiled: "the model must be compiled (loss and optimiser) before training"
        case .shape(let e): e.description
        case .modelFile(let p, let r): "\(p): \(r)"
        case .write(let p, let r): "cannot write \(p): \(r)"
        }
    }
}

/// An error from drawing or writing a figure.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Cairo reported a status other than success (`what` names the call).
    case cairo(what: String, status: String)
    /// libpng could not encode the image.
    case png(String)
    /// The figure description is not drawable (empty grid, mismatched series lengths, ...).
    case invalidFigure(String)
    /// Writing the output file failed.
    case write(path: String, reason: String)

    /// One line naming the fault.
    public var description: String {
        switch self {
        case .cairo(let w, let s): "cairo: \(w): \(s)"
        case .png(let r): "PNG encoding: \(r)"
        case .invalidFigure(let r): "invalid figure: \(r)"
        case .write(let p, let r): "cannot write \(p): \(r)"
        }
    }
}

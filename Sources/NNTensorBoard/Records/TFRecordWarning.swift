/// A damaged part of a TFRecord or TensorBoard event file: the file, the byte offset where the damage starts, and
/// what is wrong.
public struct TFRecordWarning: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// The byte offset of the damaged record's header (or of the damage).
    public var offset: Int
    /// What is wrong and what was done about it.
    public var message: String

    /// A warning about `file` at byte `offset`.
    public init(file: String, offset: Int, message: String) { self.file = file; self.offset = offset; self.message = message }

    /// `file: byte offset N: message`.
    public var description: String { "\(file): byte offset \(offset): \(message)" }
}

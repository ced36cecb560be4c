import Foundation

/// Where a recorder sends events.
public protocol EventSink: AnyObject {
    /// Takes one event.
    func write(_ event: Event) throws
    /// Completes the output (files are renamed into place here).
    func close() throws
}

/// Keeps events in memory, for a report built in the same process.
public final class MemorySink: EventSink {
    /// Every event written, in order.
    public private(set) var events: [Event] = []
    /// A memory sink.
    public init() {}
    public func write(_ event: Event) throws { events.append(event) }
    public func close() throws {}
}

/// Streams events to a JSON Lines file, one `write` per line so that a run stopped half-way
/// leaves a readable file. The file is written as `NAME.partial` and renamed to `NAME` on
/// `close`, so a complete file never sits beside a half-written one under the same name.
public final class JSONLinesSink: EventSink {
    /// The final path.
    public let path: String
    private let partial: String
    private var handle: FileHandle?

    /// Creates (or truncates) the `.partial` file and its folder.
    public init(path: String) throws {
        self.path = path
        partial = path + ".partial"
        let url = URL(fileURLWithPath: partial)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: partial, contents: nil) else {
            throw EventFileError(file: partial, line: nil, message: "cannot create")
        }
        handle = try FileHandle(forWritingTo: url)
    }

    public func write(_ event: Event) throws {
        guard let handle else { throw EventFileError(file: path, line: nil, message: "written after close") }
        try handle.write(contentsOf: Data((EventCodec.encode(event) + "\n").utf8))
    }

    public func close() throws {
        guard let h = handle else { return }
        handle = nil
        try h.synchronize()
        try h.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    deinit { try? handle?.close() }
}

import Foundation

/// Where a recorder sends events.
public protocol EventSink: AnyObject {
    /// Takes one event.
    func write(_ event: Event) throws
    /// Completes the output (files are renamed into place here).
    func close() throws
    /// Pushes buffered events out (the recorder calls it after each step's events).
    func flush() throws
}

extension EventSink {
    public func flush() throws {}
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

/// Streams events to a JSON Lines file. Lines are collected in memory and written with one
/// `write` per step (the recorder flushes after each step), so a run stopped half-way leaves
/// a readable file whose last step is complete, without a system call per line. The file is written as `NAME.partial` and renamed to `NAME` on
/// `close`, so a complete file never sits beside a half-written one under the same name.
public final class JSONLinesSink: EventSink {
    /// The final path.
    public let path: String
    private let partial: String
    private var handle: FileHandle?
    private var buffer = Data()

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
        guard handle != nil else { throw EventFileError(file: path, line: nil, message: "written after close") }
        buffer.append(contentsOf: (EventCodec.encode(event) + "\n").utf8)
        if buffer.count > 1 << 20 { try flush() }
    }

    public func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public func close() throws {
        try flush()
        guard let h = handle else { return }
        handle = nil
        try h.synchronize()
        try h.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    deinit { try? handle?.close() }
}

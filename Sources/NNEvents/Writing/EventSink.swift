import Foundation

/// Where a recorder sends events.
public protocol EventSink: AnyObject {
    /// Takes one event.
    func write(_ event: Event) throws
    /// Completes the output (files are renamed into place here).
    func close() throws
    /// Pushes buffered events out (the recorder calls it after each step's events).
    func flush() throws
    /// Gives up: the output is removed, not completed (after an error, so that no half-written
    /// file stays behind).
    func discard()
}

extension EventSink {
    /// Nothing is buffered.
    public func flush() throws {}
    /// Nothing to remove.
    public func discard() {}
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
/// a readable file whose last step is complete, without a system call per line. The file is
/// written as `NAME.partial` and renamed to `NAME` on `close`, so a complete file never sits
/// beside a half-written one under the same name. A failure of the file system is a
/// ``FileError`` naming the file; the `.partial` file is then removed (as it is when the sink
/// is released without `close`), and every later call fails the same way.
public final class JSONLinesSink: EventSink {
    /// The final path.
    public let path: String
    private let partial: String
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var encoder = EventEncoder()
    private var failure: FileError?

    /// Creates (or truncates) the `.partial` file and its folder.
    public init(path: String) throws(FileError) {
        self.path = path
        partial = path + ".partial"
        let folder = URL(fileURLWithPath: partial).deletingLastPathComponent()
        try FileError.attempt(.createFolder, folder.path) { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: partial, action: .create, code: errno) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    public func write(_ event: Event) throws {
        if let failure { throw failure }
        guard handle != nil else { throw EventFileError(file: path, line: nil, message: "written after close") }
        encoder.append(event, to: &buffer)
        if buffer.count > 1 << 20 { try flush() }
    }

    public func flush() throws {
        if let failure { throw failure }
        guard let handle, !buffer.isEmpty else { return }
        try failing(.write) { try handle.write(contentsOf: buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    public func close() throws {
        try flush()
        guard let h = handle else { return }
        try failing(.write) {
            try h.synchronize()
            try h.close()
        }
        handle = nil
        let fm = FileManager.default
        try failing(.rename) {
            if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            try fm.moveItem(atPath: partial, toPath: path)
        }
    }

    public func discard() {
        try? handle?.close()
        handle = nil
        buffer = []
        try? FileManager.default.removeItem(atPath: partial)
    }

    /// Runs `body`; on an error, discards the file and remembers the error (named by the final path).
    private func failing(_ action: FileError.Action, _ body: () throws -> Void) throws(FileError) {
        do { try body() } catch {
            let e = FileError(error, path: path, action: action)
            failure = e
            discard()
            throw e
        }
    }

    deinit { if handle != nil { discard() } }
}

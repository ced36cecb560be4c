import Foundation

/// A problem reading an event file, naming the file and line.
public struct EventFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, message: String) { self.file = file; self.line = line; self.message = message }
    /// `file:line: message`.
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

/// Reads event files line by line, in bounded memory: the file is read in blocks of a few
/// megabytes, never whole, so a 1 GB file is fine. Each block's lines are parsed on every core
/// at once (``LineBatch``) and handed on in file order, so the events, warnings and errors are
/// the same as reading line by line. Unknown kinds and fields are skipped with a warning; a
/// newer major schema version is refused; a truncated last line (a run killed while writing) is
/// skipped with a warning; a malformed line anywhere else is an error naming the file and line.
public struct EventReader {
    /// Warnings met while reading (each distinct message once).
    public private(set) var warnings: [String] = []
    private var seenWarnings = Set<String>()

    /// A reader.
    public init() {}

    /// The longest line accepted: one event (a histogram, a loss surface) is far smaller.
    public static let maxLineBytes = 64 << 20

    /// Bytes read per block; each core parses a part of it.
    public static let blockBytes = 8 << 20

    /// Calls `body` with each event of the file, in order.
    public mutating func forEach(path: String, _ body: (Event) throws -> Void) throws {
        let fd = try Self.open(path)
        defer { close(fd) }
        try scan(file: path, blockBytes: Self.blockBytes, parallel: true, body) { buffer in
            while true {
                let got = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if got >= 0 { return got }
                if errno != EINTR { throw EventFileError(file: path, line: nil, message: "cannot be read: \(String(cString: strerror(errno)))") }
            }
        }
    }

    /// Throws the error reading `path` would begin with (no such file, a folder, cannot be read),
    /// so a command can refuse a bad input before it creates anything.
    public static func checkReadable(_ path: String) throws { close(try open(path)) }

    /// The file opened for reading, or the error naming it.
    private static func open(_ path: String) throws -> Int32 {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw EventFileError(file: path, line: nil, message: "is a folder; give its event files (e.g. \(path)/*.events.jsonl)")
        }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw EventFileError(file: path, line: nil, message: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return fd
    }

    /// Calls `body` with each event of an event file's bytes held in memory, read in blocks of
    /// `chunkSize` bytes as a file is read in blocks (the fuzz target's and the tests' entry
    /// point: small blocks make lines straddle block ends); `file` names the bytes in errors.
    public mutating func forEach(contentsOf data: Data, file: String, chunkSize: Int = blockBytes, _ body: (Event) throws -> Void) throws {
        var offset = data.startIndex
        try scan(file: file, blockBytes: max(1, chunkSize), parallel: false, body) { buffer in
            let n = min(buffer.count, data.endIndex - offset)
            if n > 0 { data.copyBytes(to: buffer, from: offset..<(offset + n)) }
            offset += n
            return n
        }
    }

    /// Reads blocks with `read` (0 at the end) and hands their events to `body` in order. With
    /// `parallel`, block k is parsed (on both cores) while the events of block k - 1 are handed on.
    /// The blocks and the parts' event arrays are reused (``ReadBuffers``), so a long file is read
    /// in the same memory throughout, not in fresh memory per block.
    private mutating func scan(file path: String, blockBytes: Int, parallel: Bool, _ body: (Event) throws -> Void,
                               read: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws {
        let buffers = ReadBuffers()
        var block = buffers.block(), carried = 0
        var linesBefore = 0
        var pending: ParseJob?
        func finish(_ job: ParseJob) throws {
            var results = job.wait()
            defer { buffers.recycle(block: job.block, results: &results) }
            try deliver(results, path: path, linesBefore: &linesBefore, body)
        }
        while true {
            // A line longer than a block: read as much again as is carried, so a long line costs copies of O(its length) bytes in all.
            let atEnd = try block.fill(from: carried, upTo: carried + max(blockBytes, carried), read: read)
            let cut = atEnd ? block.count : (block.lastNewline().map { $0 + 1 } ?? 0)
            guard cut > 0 || atEnd else {
                if block.count > Self.maxLineBytes {
                    if let p = pending { pending = nil; try finish(p) }
                    throw EventFileError(file: path, line: linesBefore + 1,
                                         message: "line longer than \(Self.maxLineBytes >> 20) MiB (the limit for one event)")
                }
                carried = block.count
                continue
            }
            let job = ParseJob(block: block, cut: cut, file: path, endsFile: atEnd, async: parallel, buffers: buffers)
            if let previous = pending { try finish(previous) }
            pending = job
            if atEnd { break }
            let next = buffers.block()
            carried = next.start(with: block, from: cut)
            block = next
        }
        if let last = pending { try finish(last) }
    }

    /// Hands a block's events to `body` and records its warnings; throws its error, if any.
    private mutating func deliver(_ results: [LineBatch.Result], path: String, linesBefore: inout Int, _ body: (Event) throws -> Void) throws {
        for r in results {
            for e in r.events { try body(e) }
            for (line, note) in r.notes { warn(note.text(file: path, line: linesBefore + line)) }
            if let (line, message) = r.error { throw EventFileError(file: path, line: linesBefore + line, message: message) }
            linesBefore += r.lines
        }
    }

    /// One line decoded as the reader decodes it: nil for a blank line or an unknown kind, an
    /// ``EventFileError`` (at line 1) for a bad one. With `fastPath: false` only the general
    /// parser runs; both give the same events (for tests and fuzzing).
    public static func decode(line: [UInt8], fastPath: Bool = true) throws -> Event? {
        try line.withUnsafeBufferPointer { bytes in
            if fastPath {
                var fast = FastEventLine()
                if let e = fast.decode(bytes) { return e }
            }
            var notes: [(line: Int, note: LineBatch.Note)] = []
            return try LineBatch.general(bytes, line: 1, last: false, notes: &notes)
        }
    }

    /// Decodes one line of an event file as the reader does: nil for a blank line, an unknown
    /// kind or a truncated last line (each warned about once); errors name `file` and `number`.
    public mutating func event(line: Data, number: Int, file: String, last: Bool = false) throws -> Event? {
        guard line.count <= Self.maxLineBytes else {
            throw EventFileError(file: file, line: number, message: "line longer than \(Self.maxLineBytes >> 20) MiB (the limit for one event)")
        }
        let bytes = [UInt8](line)
        var notes: [(line: Int, note: LineBatch.Note)] = []
        let event: Event?
        do {
            event = try bytes.withUnsafeBufferPointer { b -> Event? in
                var fast = FastEventLine()
                if let e = fast.decode(b) { return e }
                return try LineBatch.general(b, line: number, last: last, notes: &notes)
            }
        } catch let e as EventFileError {
            throw EventFileError(file: file, line: number, message: e.message)
        }
        for (n, note) in notes { warn(note.text(file: file, line: n)) }
        return event
    }

    /// Reads every event of a file into an array (convenient for small files).
    public mutating func read(path: String) throws -> [Event] {
        var out: [Event] = []
        try forEach(path: path) { out.append($0) }
        return out
    }

    private mutating func warn(_ message: String) {
        if seenWarnings.insert(message).inserted { warnings.append(message) }
    }

    /// Splits complete lines into one part per core at line ends, parses the parts at once and
    /// returns their results in file order.
    static func parseInParallel(_ bytes: UnsafeBufferPointer<UInt8>, file: String, endsFile: Bool,
                                buffers: ReadBuffers = ReadBuffers()) -> [LineBatch.Result] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var bounds = [0]
        if bytes.count >= 1 << 16 {
            for k in 1..<cores {
                let target = max(bounds[bounds.count - 1], bytes.count * k / cores)
                guard let nl = LineBatch.newline(bytes, from: target) else { break }
                if nl + 1 < bytes.count { bounds.append(nl + 1) }
            }
        }
        bounds.append(bytes.count)
        let cuts = bounds
        let parts = bounds.count - 1
        let slots = ResultSlots(count: parts, buffers: buffers)
        let shared = SharedBytes(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let slice = UnsafeBufferPointer(rebasing: shared.bytes[cuts[k]..<cuts[k + 1]])
            slots.parse(k, slice, file: file, endsFile: endsFile && k == parts - 1)
        }
        return slots.take()
    }
}

/// One block's parse, started on a background queue at once; `wait` returns its results.
private final class ParseJob: @unchecked Sendable {
    private let group = DispatchGroup()
    private var results: [LineBatch.Result] = []
    /// The block parsed, given back to the reader's buffers once its events are handed on.
    let block: ReadBlock

    init(block: ReadBlock, cut: Int, file: String, endsFile: Bool, async: Bool, buffers: ReadBuffers) {
        self.block = block
        guard async else {
            var r = buffers.result()
            block.withBytes(upTo: cut) { LineBatch.parse($0, file: file, endsFile: endsFile, into: &r) }
            results = [r]
            return
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            results = block.withBytes(upTo: cut) { EventReader.parseInParallel($0, file: file, endsFile: endsFile, buffers: buffers) }
            group.leave()
        }
    }

    /// Waits for the parse and hands over its results (the job keeps none).
    func wait() -> [LineBatch.Result] {
        group.wait()
        defer { results = [] }
        return results
    }
}

/// The bytes of a block, read (never written) by the parsing threads while the block lives.
private struct SharedBytes: @unchecked Sendable { let bytes: UnsafeBufferPointer<UInt8> }

/// One result per part, each written by one thread only, read after all have finished.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<LineBatch.Result>
    init(count: Int, buffers: ReadBuffers) {
        slots = .allocate(capacity: count)
        _ = slots.initialize(from: (0..<count).map { _ in buffers.result() })
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func parse(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>, file: String, endsFile: Bool) {
        LineBatch.parse(bytes, file: file, endsFile: endsFile, into: &slots[k])
    }
    /// The results, moved out (the slots are left empty, so the arrays stay uniquely held).
    func take() -> [LineBatch.Result] {
        (0..<slots.count).map { k in
            defer { slots[k] = LineBatch.Result() }
            return slots[k]
        }
    }
}

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

/// Reads event files line by line, in constant memory: the file is never loaded whole, so a
/// 1 GB file is fine. Unknown kinds and fields are skipped with a warning; a newer major
/// schema version is refused; a truncated last line (a run killed while writing) is skipped
/// with a warning; a malformed line anywhere else is an error naming the file and line.
public struct EventReader {
    /// Warnings met while reading (each distinct message once).
    public private(set) var warnings: [String] = []
    private var seenWarnings = Set<String>()

    /// A reader.
    public init() {}

    /// The longest line accepted: one event (a histogram, a loss surface) is far smaller.
    public static let maxLineBytes = 64 << 20

    /// Calls `body` with each event of the file, in order.
    public mutating func forEach(path: String, _ body: (Event) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw EventFileError(file: path, line: nil, message: "is a folder; give its event files (e.g. \(path)/*.events.jsonl)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EventFileError(file: path, line: nil, message: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        defer { try? handle.close() }
        try scan(file: path, body) {
            do { return try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw EventFileError(file: path, line: nil, message: "cannot be read: \(error.localizedDescription)")
            }
        }
    }

    /// Calls `body` with each event of an event file's bytes held in memory, read in chunks of
    /// `chunkSize` bytes exactly as a file is (the fuzz target's and the tests' entry point);
    /// `file` names the bytes in errors.
    public mutating func forEach(contentsOf data: Data, file: String, chunkSize: Int = 1 << 20, _ body: (Event) throws -> Void) throws {
        var offset = data.startIndex
        let step = max(1, chunkSize)
        try scan(file: file, body) {
            let end = data.index(offset, offsetBy: min(step, data.endIndex - offset))
            defer { offset = end }
            return data[offset..<end]
        }
    }

    /// Splits the chunks `next` returns (empty at the end) into lines and processes each.
    private mutating func scan(file: String, _ body: (Event) throws -> Void, next: () throws -> Data) throws {
        var pending = Data()
        var lineNumber = 0
        while true {
            let chunk = try next()
            if chunk.isEmpty { break }
            // Only the new bytes are searched for a line end: the pending ones hold none.
            var searchFrom = pending.endIndex
            pending.append(chunk)
            var start = pending.startIndex
            while let nl = pending[searchFrom...].firstIndex(of: 0x0A) {
                lineNumber += 1
                try process(line: pending[start..<nl], number: lineNumber, file: file, last: false, body)
                start = pending.index(after: nl)
                searchFrom = start
            }
            // Copied only when lines were taken: a long line arriving in small chunks (a pipe, or
            // the fuzzer's 1-byte chunks) would otherwise be copied once per chunk (quadratic).
            if start != pending.startIndex { pending = Data(pending[start...]) }
            guard pending.count <= Self.maxLineBytes else {
                throw EventFileError(file: file, line: lineNumber + 1, message: "line longer than \(Self.maxLineBytes >> 20) MiB (the limit for one event)")
            }
        }
        if !pending.isEmpty {
            lineNumber += 1
            try process(line: pending, number: lineNumber, file: file, last: true, body)
        }
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

    private mutating func process(line: Data, number: Int, file: String, last: Bool, _ body: (Event) throws -> Void) throws {
        if let event = try event(line: line, number: number, file: file, last: last) { try body(event) }
    }

    /// Decodes one line of an event file: nil for a blank line, an unknown kind or a truncated
    /// last line (each warned about once). `number` and `file` name the line in errors.
    public mutating func event(line: Data, number: Int, file: String, last: Bool = false) throws -> Event? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let object: [String: Any]
        do {
            guard let o = try JSONLineParser.parse(line) as? [String: Any] else {
                throw EventFileError(file: file, line: number, message: "a line must be a JSON object")
            }
            object = o
        } catch let e as EventFileError {
            throw e
        } catch {
            if last {
                warn("\(file):\(number): truncated last line (the run was probably stopped while writing); skipped")
                return nil
            }
            throw EventFileError(file: file, line: number, message: "malformed JSON")
        }
        guard let version = object["v"] as? String else {
            throw EventFileError(file: file, line: number, message: "missing schema version 'v' (e.g. \"v\": \"\(EventSchema.version)\")")
        }
        let major = Int(version.split(separator: ".").first ?? "") ?? -1
        guard major >= 1 else { throw EventFileError(file: file, line: number, message: "schema version '\(version)' is not valid") }
        guard major <= EventSchema.major else {
            throw EventFileError(file: file, line: number,
                                 message: "schema version \(version) is newer than this nnviz reads (\(EventSchema.major).x); upgrade nnviz")
        }
        let kind = object["kind"] as? String ?? ""
        let event: Event?
        do { event = try EventCodec.decode(object) } catch let e as EventCodec.FieldError {
            throw EventFileError(file: file, line: number, message: "\(kind.isEmpty ? "event" : kind): \(e.message)")
        }
        guard let event else {
            warn("\(file): unknown event kind '\(kind)' (first at line \(number)); skipped")
            return nil
        }
        let known = EventCodec.knownFields[kind] ?? []
        for key in object.keys where !known.contains(key) && !["v", "kind", "run"].contains(key) {
            warn("\(file): unknown field '\(key)' in \(kind) events (first at line \(number)); ignored")
        }
        return event
    }
}

import Foundation

/// Complete lines of one event file, parsed on one core: each line by ``FastEventLine`` when it
/// can, else by the general parser. Line numbers are counted from the batch's first line; the
/// reader adds the lines of the batches before it, so batches can be parsed in parallel.
struct LineBatch {
    /// A warning met at a line of the batch.
    enum Note {
        case truncatedLast
        case unknownKind(String)
        case unknownField(String, kind: String)

        /// The warning's text, with the file and the line counted from the file's start.
        func text(file: String, line: Int) -> String {
            switch self {
            case .truncatedLast: "\(file):\(line): truncated last line (the run was probably stopped while writing); skipped"
            case .unknownKind(let kind): "\(file): unknown event kind '\(kind)' (first at line \(line)); skipped"
            case .unknownField(let key, let kind): "\(file): unknown field '\(key)' in \(kind) events (first at line \(line)); ignored"
            }
        }
    }

    /// The events of the batch up to its first error, its warnings, the error and its line count.
    struct Result {
        var events: [Event] = []
        var notes: [(line: Int, note: Note)] = []
        var error: (line: Int, message: String)?
        var lines = 0

        /// Empties the result, keeping the event array's memory for the next block.
        mutating func reset() {
            events.removeAll(keepingCapacity: true)
            notes.removeAll()
            error = nil
            lines = 0
        }
    }

    /// Parses `bytes`: lines ended by a newline, except when `endsFile`, where the bytes after
    /// the last newline are the file's last line (a truncated one is skipped with a warning).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, endsFile: Bool) -> Result {
        var out = Result()
        parse(bytes, file: file, endsFile: endsFile, into: &out)
        return out
    }

    /// ``parse(_:file:endsFile:)`` into `out`, an empty result whose event array may keep the
    /// capacity of an earlier block (the reader reuses them: no fresh memory per block).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, endsFile: Bool, into out: inout Result) {
        var fast = FastEventLine()
        var start = 0
        let n = bytes.count
        out.events.reserveCapacity(n / 200)
        while start < n {
            let end = newline(bytes, from: start) ?? n
            let last = end == n && endsFile
            out.lines += 1
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            guard line.count <= EventReader.maxLineBytes else {
                out.error = (out.lines, "line longer than \(EventReader.maxLineBytes >> 20) MiB (the limit for one event)")
                return
            }
            if let event = fast.decode(line) { out.events.append(event); continue }
            do {
                if let event = try general(line, line: out.lines, last: last, notes: &out.notes) { out.events.append(event) }
            } catch let e as EventFileError {
                out.error = (out.lines, e.message)
                return
            } catch {
                out.error = (out.lines, "\(error)")
                return
            }
        }
    }

    /// The index of the next newline at or after `from`.
    static func newline(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + from, 0x0A, bytes.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The general parser: any JSON, the schema's checks with their errors, and the warnings.
    static func general(_ bytes: UnsafeBufferPointer<UInt8>, line number: Int, last: Bool, notes: inout [(line: Int, note: Note)]) throws -> Event? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let object: [String: Any]
        do {
            guard let o = try JSONLineParser.parse(bytes) as? [String: Any] else {
                throw EventFileError(file: "", line: number, message: "a line must be a JSON object")
            }
            object = o
        } catch let e as EventFileError {
            throw e
        } catch {
            if last {
                notes.append((number, .truncatedLast))
                return nil
            }
            throw EventFileError(file: "", line: number, message: "malformed JSON")
        }
        guard let version = object["v"] as? String else {
            throw EventFileError(file: "", line: number, message: "missing schema version 'v' (e.g. \"v\": \"\(EventSchema.version)\")")
        }
        let major = Int(version.split(separator: ".").first ?? "") ?? -1
        guard major >= 1 else { throw EventFileError(file: "", line: number, message: "schema version '\(version)' is not valid") }
        guard major <= EventSchema.major else {
            throw EventFileError(file: "", line: number,
                                 message: "schema version \(version) is newer than this nnviz reads (\(EventSchema.major).x); upgrade nnviz")
        }
        let kind = object["kind"] as? String ?? ""
        let event: Event?
        do { event = try EventCodec.decode(object) } catch let e as EventCodec.FieldError {
            throw EventFileError(file: "", line: number, message: "\(kind.isEmpty ? "event" : kind): \(e.message)")
        }
        guard let event else {
            notes.append((number, .unknownKind(kind)))
            return nil
        }
        let known = EventCodec.knownFields[kind] ?? []
        for key in object.keys where !known.contains(key) && !["v", "kind", "run"].contains(key) {
            notes.append((number, .unknownField(key, kind: kind)))
        }
        return event
    }
}

import Foundation

/// Reads the records of a TFRecord file (TensorBoard's `events.out.tfevents.*`) from its bytes, checking each
/// record's framing: a little-endian UInt64 length, the masked CRC-32C of those 8 bytes, the data, and the
/// masked CRC-32C of the data.
///
/// Damage is reported as ``TFRecordWarning``s (file and byte offset) and reading goes on with what is intact,
/// as TensorBoard does: a record whose data fails its checksum is skipped (its length is trusted, being
/// checked); a truncated tail (a file still being written), a length that fails its checksum or one above
/// ``maximumRecordLength`` ends the file, since no later record boundary can be trusted.
/// The reader never traps on any input: it is the entry point the fuzz targets drive.
public struct TFRecordReader {
    /// The largest record accepted (256 MiB); TensorBoard summaries are far smaller.
    public static let maximumRecordLength = 256 << 20
    /// The file's name, for warnings.
    public let file: String
    /// What was wrong so far, in file order.
    public private(set) var warnings: [TFRecordWarning] = []
    private let data: Data
    private var offset = 0
    private var stopped = false

    /// A reader of `data`, the contents of the file `file` (named in warnings).
    public init(data: Data, file: String) {
        self.data = data.startIndex == 0 ? data : Data(data)
        self.file = file
    }

    /// The byte offset of the next record.
    public var position: Int { offset }

    /// The next intact record's data and the offset of its header, or nil at the end of the intact part.
    public mutating func next() -> (offset: Int, payload: Data)? {
        while !stopped, offset < data.count {
            let start = offset
            guard data.count - start >= 12 else {
                return stop(start, "truncated record header (\(data.count - start) of 12 bytes; a file still being written?)")
            }
            let length = readUInt64(at: start), lengthCRC = readUInt32(at: start + 8)
            guard CRC32C.masked(checksum(start..<start + 8)) == lengthCRC else {
                return stop(start, "record length checksum mismatch (not a TFRecord file, or corrupt); the rest of the file is skipped")
            }
            guard length <= UInt64(Self.maximumRecordLength) else {
                return stop(start, "record length \(length) bytes exceeds the limit of \(Self.maximumRecordLength); the rest of the file is skipped")
            }
            let n = Int(length), body = start + 12
            guard data.count - body >= n + 4 else {
                return stop(start, "truncated record (\(n + 16) bytes announced, \(data.count - start) left; a file still being written?)")
            }
            offset = body + n + 4
            guard CRC32C.masked(checksum(body..<body + n)) == readUInt32(at: body + n) else {
                warnings.append(TFRecordWarning(file: file, offset: start, message: "record data checksum mismatch; record of \(n) bytes skipped"))
                continue
            }
            return (start, data.subdata(in: body..<body + n))
        }
        return nil
    }

    /// Every intact record, with the warnings of the whole file.
    public mutating func all() -> [(offset: Int, payload: Data)] {
        var out: [(offset: Int, payload: Data)] = []
        while let r = next() { out.append(r) }
        return out
    }

    private mutating func stop(_ at: Int, _ message: String) -> (offset: Int, payload: Data)? {
        warnings.append(TFRecordWarning(file: file, offset: at, message: message))
        stopped = true
        return nil
    }

    private func checksum(_ range: Range<Int>) -> UInt32 {
        data.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    private func readUInt64(at i: Int) -> UInt64 {
        data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: i, as: UInt64.self)) }
    }

    private func readUInt32(at i: Int) -> UInt32 {
        data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: i, as: UInt32.self)) }
    }
}

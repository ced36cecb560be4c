import CZlib
import Foundation

/// An array read from an IDX file (the format of MNIST and Fashion-MNIST): its dimensions and
/// its values as doubles.
public struct IDXArray: Sendable {
    /// Sizes of each dimension, e.g. [60000, 28, 28].
    public var dimensions: [Int]
    /// The values in file order.
    public var values: [Double]
    /// The raw bytes for unsigned-byte files (fast path for images and labels).
    public var bytes: [UInt8]?

    /// The most data one IDX file may hold once decompressed (values times element size):
    /// 4 GiB, several times the largest public IDX set (EMNIST), far below this machine's memory.
    public static let maxBytes = 4 << 30

    /// An array of the given dimensions: `bytes` for unsigned-byte data, else `values`.
    public init(dimensions: [Int], values: [Double], bytes: [UInt8]?) {
        self.dimensions = dimensions; self.values = values; self.bytes = bytes
    }

    /// Reads an IDX file, raw or gzip-compressed (detected from the first bytes).
    ///
    /// Throws ``DataError`` naming the file when it is missing, truncated, not IDX, or holds
    /// fewer values than its header promises.
    public static func read(path: String, limit: Int = maxBytes) throws(DataError) -> IDXArray {
        guard let raw = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return try decode(raw, file: path, limit: limit)
    }

    /// Decodes the bytes of an IDX file, raw or gzip-compressed (the fuzz target's entry point);
    /// `file` names the bytes in errors.
    public static func decode(_ raw: Data, file: String, limit: Int = maxBytes) throws(DataError) -> IDXArray {
        let data = raw.starts(with: [0x1F, 0x8B]) ? try gunzip(raw, file: file, limit: limit) : raw
        return try parse(Array(data), file: file, limit: limit)
    }

    /// Parses the bytes of an (uncompressed) IDX file.
    public static func parse(_ b: [UInt8], file: String, limit: Int = maxBytes) throws(DataError) -> IDXArray {
        guard b.count >= 4 else { throw DataError(file: file, reason: "truncated: \(b.count) bytes, an IDX header needs at least 4") }
        guard b[0] == 0, b[1] == 0 else {
            throw DataError(file: file, reason: String(format: "not an IDX file (magic bytes %02x %02x, expected 00 00)", b[0], b[1]))
        }
        let type = b[2], rank = Int(b[3])
        let width: Int
        switch type {
        case 0x08, 0x09: width = 1
        case 0x0B: width = 2
        case 0x0C, 0x0D: width = 4
        case 0x0E: width = 8
        default: throw DataError(file: file, reason: String(format: "unknown IDX element type 0x%02x", type))
        }
        guard rank >= 1 else { throw DataError(file: file, reason: "IDX header has 0 dimensions") }
        let headerSize = 4 + 4 * rank
        guard b.count >= headerSize else {
            throw DataError(file: file, reason: "truncated header: \(rank) dimensions need \(headerSize) bytes, file has \(b.count)")
        }
        var dims: [Int] = []
        for d in 0..<rank {
            let o = 4 + 4 * d
            dims.append(Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]))
        }
        // Multiplied with overflow checks, and bounded before anything is allocated.
        var count = 1
        for d in dims {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, product <= limit / width else {
                throw DataError(file: file, reason: "header dimensions \(dims.map(String.init).joined(separator: " x ")) exceed the "
                                + "limit of \(limit) bytes for one IDX file")
            }
            count = product
        }
        let need = headerSize + count * width
        guard b.count >= need else {
            let shape = dims.map(String.init).joined(separator: " x ")
            throw DataError(file: file, reason: "truncated: header promises \(shape) values (\(need) bytes), file has \(b.count) bytes")
        }
        guard b.count == need else {
            throw DataError(file: file, reason: "\(b.count - need) unexpected bytes after the \(count) values the header promises")
        }
        if type == 0x08 {
            let bytes = Array(b[headerSize..<need])
            return IDXArray(dimensions: dims, values: [], bytes: bytes)
        }
        var values = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let o = headerSize + i * width
            switch type {
            case 0x09: values[i] = Double(Int8(bitPattern: b[o]))
            case 0x0B: values[i] = Double(Int16(bitPattern: UInt16(b[o]) << 8 | UInt16(b[o + 1])))
            case 0x0C: values[i] = Double(Int32(bitPattern: UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])))
            case 0x0D: values[i] = Double(Float(bitPattern: UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])))
            default:
                var bits: UInt64 = 0
                for k in 0..<8 { bits = bits << 8 | UInt64(b[o + k]) }
                values[i] = Double(bitPattern: bits)
            }
        }
        return IDXArray(dimensions: dims, values: values, bytes: nil)
    }

    /// Every value as a double (unsigned bytes converted on demand).
    public var doubles: [Double] { bytes.map { $0.map(Double.init) } ?? values }

    /// Decompresses gzip data with zlib.
    static func gunzip(_ data: Data, file: String, limit: Int) throws(DataError) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError(file: file, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var out = Data()
        var status: Int32 = Z_OK
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var input = [UInt8](data)
        input.withUnsafeMutableBufferPointer { inp in
            stream.next_in = inp.baseAddress
            stream.avail_in = uInt(inp.count)
            repeat {
                buffer.withUnsafeMutableBufferPointer { outp in
                    stream.next_out = outp.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = inflate(&stream, Z_NO_FLUSH)
                    if let base = outp.baseAddress { out.append(base, count: chunk - Int(stream.avail_out)) }
                }
            } while status == Z_OK && out.count <= limit + (1 << 16)
        }
        // A gzip bomb stops at the limit instead of filling the memory.
        guard out.count <= limit + (1 << 16) else {
            throw DataError(file: file, reason: "decompresses to more than the limit of \(limit) bytes for one IDX file")
        }
        guard status == Z_STREAM_END else {
            throw DataError(file: file, reason: status == Z_BUF_ERROR ? "truncated gzip stream" : "corrupt gzip data (zlib status \(status))")
        }
        return out
    }
}

/// A small JSON parser for event lines. Numbers are converted with Swift's correctly rounded
/// `Double(_:)`, so a value written in its shortest form reads back exactly (Foundation's
/// `JSONSerialization` on Linux does not guarantee that). Produces the same shapes as
/// `JSONSerialization`: `[String: Any]`, `[Any]`, `String`, `Double`, `Bool`, `NSNull`-free `nil` as `JSONNull`.
struct JSONLineParser {
    struct Failure: Error {}
    /// JSON's `null`.
    struct JSONNull {}

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    /// The deepest nesting of arrays and objects accepted (event lines nest 3 deep; the limit
    /// keeps a hostile line from exhausting the stack of this recursive parser).
    static let maxDepth = 64

    /// Parses one JSON value filling the whole input (surrounding white space allowed).
    static func parse<C: Collection>(_ input: C) throws -> Any where C.Element == UInt8 {
        var p = JSONLineParser(bytes: Array(input))
        let v = try p.value()
        p.skipSpace()
        guard p.i == p.bytes.count else { throw Failure() }
        return v
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private mutating func value() throws -> Any {
        skipSpace()
        guard i < bytes.count else { throw Failure() }
        switch bytes[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw Failure() }
            return bytes[i] == UInt8(ascii: "{") ? try object() : try array()
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        case UInt8(ascii: "n"): try literal("null"); return JSONNull()
        default: return try number()
        }
    }

    private mutating func literal(_ word: String) throws {
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw Failure() }
            i += 1
        }
    }

    private mutating func object() throws -> [String: Any] {
        i += 1
        var out: [String: Any] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return out }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure() }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Failure() }
            i += 1
            out[key] = try value()
            skipSpace()
            guard i < bytes.count else { throw Failure() }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return out }
            throw Failure()
        }
    }

    private mutating func array() throws -> [Any] {
        i += 1
        var out: [Any] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return out }
        while true {
            out.append(try value())
            skipSpace()
            guard i < bytes.count else { throw Failure() }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return out }
            throw Failure()
        }
    }

    private mutating func string() throws -> String {
        i += 1
        var scalars: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { return String(decoding: scalars, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                guard i < bytes.count else { throw Failure() }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        // A high surrogate must be followed by a low one; anything else is malformed.
                        guard (0xDC00..<0xE000).contains(low) else { throw Failure() }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(code) else { throw Failure() }
                    scalars += Array(String(Character(u)).utf8)
                default: scalars.append(e)
                }
            } else {
                scalars.append(b)
            }
        }
        throw Failure()
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else { throw Failure() }
        i += 4
        return v
    }

    private mutating func number() throws -> Double {
        let start = i
        while i < bytes.count, (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")) || bytes[i] == UInt8(ascii: "-")
            || bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
        }
        guard i > start, let v = Double(String(decoding: bytes[start..<i], as: UTF8.self)), v.isFinite else { throw Failure() }
        return v
    }
}

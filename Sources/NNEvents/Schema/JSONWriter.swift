/// Writes one JSON object as UTF-8 bytes, field after field in the order they are added: the
/// event lines' encoder. Writing bytes into one growing buffer costs a fraction of building each
/// field as a `String` and joining them (the recorder writes some 10 000 fields a second).
///
/// Numbers are written as ``EventCodec`` defines them: integers below 10^15 in magnitude as
/// integers, other finite values in Swift's shortest round-trip form (`Double.description`),
/// NaN and ±infinity as the strings "NaN", "Infinity", "-Infinity".
struct JSONWriter {
    /// The bytes written so far.
    var bytes: [UInt8]
    /// Whether the current object or array has no member yet (no comma before the next one).
    private var atFirstMember = true

    /// A writer appending to `bytes`.
    init(appendingTo bytes: [UInt8] = []) { self.bytes = bytes }

    // MARK: Structure

    /// Writes `{`, the members `body` writes, and `}`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        atFirstMember = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        atFirstMember = false
    }

    /// Writes `[`, one element per item of `items` (each written by `element`), and `]`.
    mutating func array<C: Collection>(_ items: C, _ element: (inout JSONWriter, C.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        atFirstMember = false
    }

    /// Writes `"key":` (with a comma before it unless it is the object's first member).
    mutating func key(_ key: StaticString) {
        if !atFirstMember { bytes.append(UInt8(ascii: ",")) }
        atFirstMember = false
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes `"key":` for a key known only at run time (escaped like any string).
    mutating func key(_ key: String) {
        if !atFirstMember { bytes.append(UInt8(ascii: ",")) }
        atFirstMember = false
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Members

    mutating func str(_ key: StaticString, _ v: String) { self.key(key); string(v) }
    mutating func num(_ key: StaticString, _ v: Double) { self.key(key); number(v) }
    mutating func int(_ key: StaticString, _ v: Int) { self.key(key); integer(Int64(v)) }
    mutating func optNum(_ key: StaticString, _ v: Double?) { if let v { num(key, v) } }
    mutating func optStr(_ key: StaticString, _ v: String?) { if let v { str(key, v) } }
    /// `"key":[n,n,...]`.
    mutating func nums(_ key: StaticString, _ values: [Double]) { self.key(key); array(values) { $0.number($1) } }
    /// `"key":[i,i,...]`.
    mutating func ints(_ key: StaticString, _ values: [Int]) { self.key(key); array(values) { $0.integer(Int64($1)) } }
    /// `"key":` followed by bytes that are already JSON.
    mutating func raw(_ key: StaticString, _ json: [UInt8]) { self.key(key); bytes.append(contentsOf: json) }

    // MARK: Values

    /// A JSON string: `"`, `\`, newline, return and tab escaped by name, other control characters
    /// as `\u00XX`, everything else as it is.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Most strings need no escape: copy them whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for b in utf8 { escaped(b) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ b: UInt8) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case ..<0x20: bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]])
        default: bytes.append(b)
        }
    }

    /// A number as ``EventCodec`` writes it.
    mutating func number(_ v: Double) {
        if v.isNaN { bytes.append(contentsOf: Self.nanText); return }
        if v.isInfinite { bytes.append(contentsOf: v > 0 ? Self.infinityText : Self.minusInfinityText); return }
        if v == v.rounded(), abs(v) < 1e15 { integer(Int64(v)); return }
        var text = v.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private static let nanText = Array("\"NaN\"".utf8)
    private static let infinityText = Array("\"Infinity\"".utf8)
    private static let minusInfinityText = Array("\"-Infinity\"".utf8)

    /// An integer in decimal, with `-` when negative.
    mutating func integer(_ v: Int64) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        if m < 10 { bytes.append(UInt8(ascii: "0") + UInt8(m)); return }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            // At most 20 digits, written from the last.
            while m > 0 {
                count += 1
                buf[32 - count] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
            }
            bytes.append(contentsOf: buf[(32 - count)...])
        }
    }
}

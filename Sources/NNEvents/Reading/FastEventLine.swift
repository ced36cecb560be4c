import Foundation

/// The reader's fast path: `scalar`, `layer_stats` and `histogram` lines (nearly every line of a
/// long run) decoded straight from their bytes, without a dictionary or a `String` per key.
///
/// It accepts a strict subset: known keys of the line's kind, each once, string values without
/// escapes, strict JSON numbers, `null`, arrays of numbers for `edges` and `counts`, and every
/// check of ``EventCodec`` passing. Anything else (an unknown field, a malformed value, a
/// failed check) returns nil and the line goes to the general parser, which gives the warning
/// or the error. So both paths give the same events for every line (`FastPathTests`). Written by
/// hand because the general parser, which builds `[String: Any]`, reads about 10 MB/s.
struct FastEventLine {
    enum Key: Int, CaseIterable {
        case v, kind, run, name, step, epoch, value, layer, index, quantity, count, mean, std, min, max, l2, nan, posInf, negInf
        case zeroFraction, deadFraction, saturatedFraction, saturationRule, updateRatio, distanceFromInit, edges, counts, underflow, overflow
    }
    static let names: [[UInt8]] = [
        "v", "kind", "run", "name", "step", "epoch", "value", "layer", "index", "quantity", "count", "mean", "std", "min", "max", "l2", "nan",
        "pos_inf", "neg_inf", "zero_fraction", "dead_fraction", "saturated_fraction", "saturation_rule", "update_ratio", "distance_from_init",
        "edges", "counts", "underflow", "overflow",
    ].map { Array($0.utf8) }

    /// The keys each kind may have, as bit sets.
    static func mask(_ keys: [Key]) -> UInt64 { keys.reduce(0) { $0 | 1 << UInt64($1.rawValue) } }
    static let common = mask([.v, .kind, .run])
    static let scalarKeys = common | mask([.name, .step, .epoch, .value])
    static let statsKeys = common | mask([.step, .layer, .index, .quantity, .count, .mean, .std, .min, .max, .l2, .nan, .posInf, .negInf,
                                          .zeroFraction, .deadFraction, .saturatedFraction, .saturationRule, .updateRatio, .distanceFromInit])
    static let histogramKeys = common | mask([.step, .layer, .index, .quantity, .edges, .counts, .underflow, .overflow, .nan])
    static let quantities: [([UInt8], Quantity)] = Quantity.allCases.map { (Array($0.rawValue.utf8), $0) }

    enum Tag: UInt8 { case number, string, null, array }
    struct Value { var tag = Tag.null; var number = 0.0; var lo = 0; var hi = 0 }
    struct Fallback: Error {}

    var values = [Value](repeating: Value(), count: Key.allCases.count)
    var present: UInt64 = 0
    var edges: [Double] = []
    var counts: [Double] = []
    var hint = 0
    /// Strings already made from a line's bytes, with those bytes (see ``text(_:)``).
    var known: [(bytes: [UInt8], string: String)] = []
    var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    /// The event of `line`, or nil when the line is outside the fast path's subset.
    mutating func decode(_ line: UnsafeBufferPointer<UInt8>) -> Event? {
        self.line = line
        present = 0
        guard (try? object()) != nil else { return nil }
        return try? event()
    }

    // MARK: Syntax

    @inline(__always) private func skipSpace(_ i: inout Int) {
        while i < line.count, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D || line[i] == 0x0A { i += 1 }
    }

    private mutating func object() throws {
        var i = 0
        skipSpace(&i)
        guard i < line.count, line[i] == 0x7B else { throw Fallback() }
        i += 1
        while true {
            skipSpace(&i)
            let (lo, hi) = try string(&i)
            let key = try keyIndex(lo, hi)
            guard present & (1 << UInt64(key)) == 0 else { throw Fallback() }
            present |= 1 << UInt64(key)
            skipSpace(&i)
            guard i < line.count, line[i] == 0x3A else { throw Fallback() }
            i += 1
            skipSpace(&i)
            try value(key, &i)
            skipSpace(&i)
            guard i < line.count else { throw Fallback() }
            if line[i] == 0x2C { i += 1; continue }
            guard line[i] == 0x7D else { throw Fallback() }
            i += 1
            skipSpace(&i)
            guard i == line.count else { throw Fallback() }
            return
        }
    }

    /// A string without escapes: the range of its bytes between the quotes.
    private func string(_ i: inout Int) throws -> (Int, Int) {
        guard i < line.count, line[i] == 0x22 else { throw Fallback() }
        let lo = i + 1
        var j = lo
        while j < line.count, line[j] != 0x22 {
            guard line[j] != 0x5C else { throw Fallback() }
            j += 1
        }
        guard j < line.count else { throw Fallback() }
        i = j + 1
        return (lo, j)
    }

    private mutating func keyIndex(_ lo: Int, _ hi: Int) throws -> Int {
        let count = Self.names.count
        for k in 0..<count {
            let candidate = (hint + k) % count
            if equals(lo, hi, Self.names[candidate]) { hint = candidate + 1; return candidate }
        }
        throw Fallback()
    }

    @inline(__always) private func equals(_ lo: Int, _ hi: Int, _ word: [UInt8]) -> Bool {
        guard hi - lo == word.count else { return false }
        for k in 0..<word.count where line[lo + k] != word[k] { return false }
        return true
    }

    private mutating func value(_ key: Int, _ i: inout Int) throws {
        guard i < line.count else { throw Fallback() }
        switch line[i] {
        case 0x22:
            let (lo, hi) = try string(&i)
            values[key] = Value(tag: .string, lo: lo, hi: hi)
        case 0x6E:
            guard equals(i, min(i + 4, line.count), Array("null".utf8)) else { throw Fallback() }
            i += 4
            values[key] = Value(tag: .null)
        case 0x5B:
            guard key == Key.edges.rawValue || key == Key.counts.rawValue else { throw Fallback() }
            if key == Key.edges.rawValue { try array(&i, into: &edges) } else { try array(&i, into: &counts) }
            values[key] = Value(tag: .array)
        default:
            guard let v = JSONNumberBytes.parse(line, &i) else { throw Fallback() }
            values[key] = Value(tag: .number, number: v)
        }
    }

    private func array(_ i: inout Int, into out: inout [Double]) throws {
        out.removeAll(keepingCapacity: true)
        i += 1
        skipSpace(&i)
        if i < line.count, line[i] == 0x5D { i += 1; return }
        while true {
            skipSpace(&i)
            guard let v = JSONNumberBytes.parse(line, &i) else { throw Fallback() }
            out.append(v)
            skipSpace(&i)
            guard i < line.count else { throw Fallback() }
            if line[i] == 0x2C { i += 1; continue }
            guard line[i] == 0x5D else { throw Fallback() }
            i += 1
            return
        }
    }
}

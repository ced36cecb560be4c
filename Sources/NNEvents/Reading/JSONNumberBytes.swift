import Foundation

/// JSON numbers read straight from bytes, for the reader's fast path. Only the strict JSON
/// grammar is accepted (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`); anything else returns
/// nil and the line goes to the general parser, which decides.
///
/// Exactness: a number with at most 19 significant digits whose value is below 2^53 and whose
/// power of ten is at most 22 is one correctly rounded multiplication or division of two exact
/// doubles (Clinger's fast path); every other number goes through C's `strtod`, which is correctly
/// rounded in glibc, as is Swift's `Double(String)` the general parser uses (it calls the same
/// function; when the process's locale has a decimal point other than `.`, `Double(String)` is
/// used instead). So both paths give the same bits. Written by hand because no
/// kept Swift package parses JSON numbers from raw bytes without building a `String` first.
enum JSONNumberBytes {
    /// Exact powers of ten as doubles: 1e0 ... 1e22.
    static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Parses the number starting at `i`, moving `i` past it; nil when it is not a strict JSON
    /// number or not finite (too large for a double).
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Double? {
        let n = p.count, start = i
        var negative = false
        if i < n, p[i] == 0x2D { negative = true; i += 1 }
        guard i < n, isDigit(p[i]) else { return nil }
        var mantissa: UInt64 = 0, significant = 0, exponent = 0
        var exact = true
        if p[i] == 0x30 {
            i += 1
        } else {
            while i < n, isDigit(p[i]) {
                if significant < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30); significant += 1 } else { exact = false }
                i += 1
            }
        }
        if i < n, p[i] == 0x2E {
            i += 1
            guard i < n, isDigit(p[i]) else { return nil }
            while i < n, isDigit(p[i]) {
                let d = UInt64(p[i] &- 0x30)
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ d
                    exponent -= 1
                    if mantissa > 0 { significant += 1 }
                } else if d != 0 {
                    exact = false
                }
                i += 1
            }
        }
        if i < n, p[i] | 0x20 == 0x65 {
            i += 1
            var expNegative = false
            if i < n, p[i] == 0x2B || p[i] == 0x2D { expNegative = p[i] == 0x2D; i += 1 }
            guard i < n, isDigit(p[i]) else { return nil }
            var e = 0
            while i < n, isDigit(p[i]) { if e < 100_000 { e = e * 10 + Int(p[i] &- 0x30) }; i += 1 }
            exponent += expNegative ? -e : e
        }
        if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let v = exponent >= 0 ? m * powers[exponent] : m / powers[-exponent]
            return negative ? -v : v
        }
        return slow(p, start, i)
    }

    /// `strtod` on a NUL-terminated copy of the bytes (on the stack).
    static func slow(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        // A locale with a decimal comma would change what strtod reads: then Swift's own parser.
        guard length < 512, localeconv().pointee.decimal_point.pointee == 0x2E else {
            let v = Double(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
            return v.flatMap { $0.isFinite ? $0 : nil }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double? in
            for k in 0..<length { buffer[k] = CChar(bitPattern: p[start + k]) }
            buffer[length] = 0
            guard let base = buffer.baseAddress else { return nil }
            var endPointer: UnsafeMutablePointer<CChar>?
            let v = strtod(base, &endPointer)
            guard let endPointer, endPointer - base == length, v.isFinite else { return nil }
            return v
        }
    }
}

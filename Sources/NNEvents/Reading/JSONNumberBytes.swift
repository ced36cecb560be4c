import Foundation

/// JSON numbers read straight from bytes, for the reader's fast path. Only the strict JSON
/// grammar is accepted (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`); anything else returns
/// nil and the line goes to the general parser, which decides.
///
/// Exactness: a number with at most 19 significant digits whose value is below 2^53 and whose
/// power of ten is at most 22 is one correctly rounded multiplication or division of two exact
/// doubles (Clinger's fast path); one with at most 19 significant digits and a power of ten
/// within ±27 is rounded exactly from integer arithmetic (``scaled(_:_:)``); every other number
/// goes through C's `strtod`, which is correctly
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
        if exact, let v = scaled(mantissa, exponent) { return negative ? -v : v }
        return slow(p, start, i)
    }

    /// 5^0 ... 5^27, each below 2^63.
    static let powersOfFive: [UInt64] = (0...27).map { k in (0..<k).reduce(1) { acc, _ in acc * 5 } }

    /// `m` x 10^`e` correctly rounded (to nearest, ties to even) for |e| <= 27, by integer
    /// arithmetic: m x 5^e in 128 bits, or m x 2^s / 5^-e to 63-64 quotient bits and whether a
    /// remainder is left; then the 53 leading bits, rounded, times a power of two. The numbers
    /// nnviz writes (shortest round-trip forms, 16-17 digits) take this path instead of `strtod`.
    static func scaled(_ m: UInt64, _ e: Int) -> Double? {
        guard m != 0, e >= -27, e <= 27 else { return m == 0 ? 0 : nil }
        if e >= 0 { return rounded(UInt128(m) * UInt128(powersOfFive[e]), inexact: false, twoExponent: e) }
        let d = powersOfFive[-e]
        let mBits = 64 - m.leadingZeroBitCount, dBits = 64 - d.leadingZeroBitCount
        let s = 63 - mBits + dBits   // makes the quotient 2^62 <= q < 2^64, and the dividend's high word < d
        let n = UInt128(m) << s
        let (q, r) = d.dividingFullWidth((high: UInt64(truncatingIfNeeded: n >> 64), low: UInt64(truncatingIfNeeded: n)))
        return rounded(UInt128(q), inexact: r != 0, twoExponent: -s + e)
    }

    /// (`p` + a fraction below 1 when `inexact`) x 2^`twoExponent`, rounded to the nearest double.
    @inline(__always) static func rounded(_ p: UInt128, inexact: Bool, twoExponent: Int) -> Double {
        let bits = 128 - p.leadingZeroBitCount
        guard bits > 53 else { return Double(sign: .plus, exponent: twoExponent, significand: Double(UInt64(p))) }
        let shift = bits - 53
        var t = UInt64(truncatingIfNeeded: p >> shift)
        let rest = p & ((1 << shift) - 1), half = UInt128(1) << (shift - 1)
        if rest > half || (rest == half && (inexact || t & 1 == 1)) { t += 1 }
        return Double(sign: .plus, exponent: shift + twoExponent, significand: Double(t))
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

import Foundation

/// CSV text for the report's `data/` files.
public enum CSVTable {
    /// CSV text from a header and rows, safe to open in a spreadsheet: fields with a comma,
    /// quote or line break are quoted (RFC 4180), and a text field that starts with `=`, `+`,
    /// `-`, `@`, a tab, a carriage return, a line feed or NUL gets a leading `'` so it cannot run
    /// as a formula (OWASP, ASVS 1.2.10); decimal numbers, negative ones included, stay numbers
    /// (`-inf`, `-nan` or `-0x1p3`, which Swift reads as numbers and spreadsheets do not, are text).
    /// Fields are checked byte by byte (a long run's curves write hundreds of thousands of rows).
    public static func text(_ header: [String], _ rows: [[String]]) -> String {
        var csv = CSVText(header: header)
        rows.forEach { csv.add($0) }
        return csv.text
    }

    /// One field, defused and quoted as needed.
    static func field(_ raw: String) -> String {
        var out = ""
        append(raw, to: &out)
        return out
    }

    /// Appends one field to `out`, defused and quoted as needed.
    static func append(_ raw: String, to out: inout String) {
        let utf8 = raw.utf8
        let defuse = utf8.first.map { formulaStarts.contains($0) } == true && !isDecimal(raw)
        let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if !defuse && !quote { out += raw; return }
        if quote { out += "\"" }
        if defuse { out += "'" }
        if quote, utf8.contains(0x22) { out += raw.replacingOccurrences(of: "\"", with: "\"\"") } else { out += raw }
        if quote { out += "\"" }
    }

    /// First bytes that make a spreadsheet read a field as a formula: `=`, `+`, `-`, `@`, tab, CR, LF, NUL.
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x0A, 0x00]

    /// Whether `s` is a plain decimal number (`-0.5`, `+1`, `1e-3`):
    /// `^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`, matched byte by byte.
    static func isDecimal(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digits() -> Int {
            let from = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            return i - from
        }
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        let whole = digits()
        if i < b.count, b[i] == 0x2E {
            i += 1
            if digits() == 0 && whole == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }

    /// A number as a CSV field: its shortest round-trip form; empty when not finite.
    public static func number(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }
}

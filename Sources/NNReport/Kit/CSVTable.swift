import Foundation

/// CSV text for the report's `data/` files.
public enum CSVTable {
    /// CSV text from a header and rows, safe to open in a spreadsheet: fields with a comma,
    /// quote or line break are quoted (RFC 4180), and a text field that starts with `=`, `+`,
    /// `-`, `@`, a tab, a carriage return, a line feed or NUL gets a leading `'` so it cannot run
    /// as a formula (OWASP, ASVS 1.2.10); decimal numbers, negative ones included, stay numbers
    /// (`-inf`, `-nan` or `-0x1p3`, which Swift reads as numbers and spreadsheets do not, are text).
    public static func text(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// One field, defused and quoted as needed.
    static func field(_ raw: String) -> String {
        var s = raw
        // By scalar: "\r\n" is one Character, which "=+-@\t\r\n\0" does not contain.
        if let first = s.unicodeScalars.first, "=+-@\t\r\n\0".unicodeScalars.contains(first), !isDecimal(s) { s = "'" + s }
        let needsQuotes = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Whether `s` is a plain decimal number (`-0.5`, `+1`, `1e-3`).
    static func isDecimal(_ s: String) -> Bool {
        s.range(of: #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }

    /// A number as a CSV field: its shortest round-trip form; empty when not finite.
    public static func number(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }
}

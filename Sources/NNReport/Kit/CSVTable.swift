/// CSV text for the report's `data/` files.
public enum CSVTable {
    /// CSV text from a header and rows, safe to open in a spreadsheet: fields with a comma,
    /// quote or line break are quoted (RFC 4180), and a text field that starts with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return gets a leading `'` so it cannot run as a formula
    /// (OWASP); numbers, negative ones included, stay numbers.
    public static func text(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// One field, defused and quoted as needed.
    static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.first, "=+-@\t\r".contains(first), Double(s) == nil { s = "'" + s }
        let needsQuotes = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A number as a CSV field: its shortest round-trip form; empty when not finite.
    public static func number(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }
}

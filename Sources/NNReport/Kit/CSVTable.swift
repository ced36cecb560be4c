/// CSV text for the report's `data/` files.
public enum CSVTable {
    /// CSV text from a header and rows (fields with commas or quotes are quoted).
    public static func text(_ header: [String], _ rows: [[String]]) -> String {
        func field(_ s: String) -> String {
            s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A number as a CSV field: its shortest round-trip form; empty when not finite.
    public static func number(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }
}

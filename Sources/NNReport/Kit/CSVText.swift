/// CSV text built row by row, the same text ``CSVTable/text(_:_:)`` makes from all rows at once,
/// for figures of long runs: a curve of 200,000 steps held as rows of strings took 60 MB before
/// its 8 MB of text was written; added one row at a time, only the text is held.
public struct CSVText {
    /// The text so far: the header and the rows added, each ended by a line feed.
    public private(set) var text: String

    /// A table with this header row.
    public init(header: [String]) {
        text = ""
        add(header)
    }

    /// Appends one row, each field defused and quoted as ``CSVTable`` does.
    public mutating func add(_ row: [String]) {
        for (k, field) in row.enumerated() {
            if k > 0 { text += "," }
            CSVTable.append(field, to: &text)
        }
        text += "\n"
    }
}

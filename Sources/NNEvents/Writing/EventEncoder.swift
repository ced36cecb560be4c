/// Appends events as JSON lines to a byte buffer: the bytes of ``EventCodec/encode(_:)`` and a
/// newline, without making a `String` of each line.
///
/// A recorder writes the same bin edges with every histogram of a layer and quantity (they are
/// chosen once per run), so the encoder keeps the text of the edges it has written and copies
/// it when the same edges come again. Edges are compared as numbers: the only different values
/// that compare equal are 0 and −0, which are both written `0`, and NaN equals nothing, so a
/// copied text is always the text the numbers would give.
public struct EventEncoder {
    private var edgesText: [[Double]: [UInt8]] = [:]
    /// Edge arrays remembered at most (a run has one per layer and quantity).
    private static var maxRemembered: Int { 256 }

    /// An encoder with nothing remembered.
    public init() {}

    /// Appends `event` and a newline to `bytes`.
    public mutating func append(_ event: Event, to bytes: inout [UInt8]) {
        var w = JSONWriter(appendingTo: bytes)
        bytes = []
        EventCodec.write(event, to: &w) { w, edges in self.writeEdges(edges, to: &w) }
        w.bytes.append(UInt8(ascii: "\n"))
        bytes = w.bytes
    }

    private mutating func writeEdges(_ edges: [Double], to w: inout JSONWriter) {
        if let text = edgesText[edges] {
            w.bytes.append(contentsOf: text)
            return
        }
        var one = JSONWriter()
        one.array(edges) { $0.number($1) }
        if edgesText.count >= Self.maxRemembered { edgesText.removeAll(keepingCapacity: true) }
        edgesText[edges] = one.bytes
        w.bytes.append(contentsOf: one.bytes)
    }
}

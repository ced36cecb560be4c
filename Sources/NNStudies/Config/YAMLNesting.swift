/// Bounds how deeply a YAML text nests before it reaches Yams. Yams composes a document by
/// recursion, one call per level, and neither it nor libyaml has a depth limit: 5,000 flow
/// brackets or 3,000 block levels overflow the stack. Neither library exposes its event stream
/// through Yams' public API, so this small scanner, written by hand, counts the levels a
/// parser would open: open flow brackets, plus block levels (indentation, compact `- - x`
/// entries, and sequences written at their mapping's indentation). It follows what libyaml
/// treats as text, so that nothing it parses goes uncounted: quoted scalars (also across
/// lines), comments, block scalars (`|`, `>`: their lines are skipped) and the continuation
/// lines of multi-line plain scalars. When unsure it counts more, never less; a tested property
/// (`YAMLNestingTests`) checks it against the depth of what Yams composes.
public struct YAMLNesting {
    /// One open block level: its column, and whether it is a sequence.
    struct Level { var column: Int; var sequence: Bool }
    enum Quote { case none, single, double }

    /// The levels allowed.
    let limit: Int
    /// The deepest nesting seen so far.
    private(set) var deepest = 0
    private var levels: [Level] = []
    /// The levels each open bracket counts: 2 for `[` (a `key: value` pair inside a flow
    /// sequence is a mapping of its own), 1 for `{`.
    private var brackets: [Int] = []
    /// The levels of the open brackets.
    private var flow = 0
    /// Where the current line's first character is.
    private var lineStart = 0
    private var quote = Quote.none
    /// Whether the next character can start a node (a quote there opens a quoted scalar).
    private var expectNode = true
    /// The column of the block collection the node being read belongs to (-1: the document).
    private var nodeParent = -1
    /// The column where the current entry (a key, or a sequence item) started.
    private var entryColumn = 0
    /// A block scalar is open: its lines are indented more than this.
    private var blockScalarParent: Int?
    /// A plain scalar may go on: its continuation lines are indented more than this.
    private var plainParent: Int?
    private var plainStartParent: Int?

    /// Throws when `text` nests deeper than `limit` levels, naming the file and line.
    public static func check(_ text: String, file: String, limit: Int = ConfigLimits.maxDepth) throws(ConfigError) {
        var scanner = YAMLNesting(limit: limit)
        var failed: Int?
        scanner.scan(text) { line in failed = line; return false }
        if let line = failed {
            throw ConfigError("\(file):\(line): the config nests more than \(limit) levels deep (the limit, ConfigLimits.maxDepth); "
                              + "a study config needs 5")
        }
    }

    /// The deepest nesting of `text` as counted: never less than the depth of the collections
    /// Yams composes from it.
    public static func depth(_ text: String) -> Int {
        var scanner = YAMLNesting(limit: .max)
        scanner.scan(text) { _ in true }
        return scanner.deepest
    }

    /// Scans `text` line by line; `exceeded(line)` is called when a line passes the limit and
    /// returns whether to go on.
    mutating func scan(_ text: String, exceeded: (Int) -> Bool) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var start = 0, i = 0, line = 1
        while i <= bytes.count {
            let length = i == bytes.count ? 1 : Self.lineBreak(bytes, at: i)
            guard length > 0 else { i += 1; continue }
            scanLine(Array(bytes[start..<i]))
            if deepest > limit, !exceeded(line) { return }
            line += 1
            i += length
            start = i
        }
    }

    /// The length of the line break at `i` (0: none). libyaml breaks lines at LF, CR, CR LF,
    /// NEL (U+0085), LS (U+2028) and PS (U+2029).
    static func lineBreak(_ b: [UInt8], at i: Int) -> Int {
        switch b[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    static func ascii(_ s: Unicode.Scalar) -> UInt8 { UInt8(truncatingIfNeeded: s.value) }

    private mutating func note() { deepest = max(deepest, levels.count + flow) }

    /// One line (without its break).
    private mutating func scanLine(_ b: [UInt8]) {
        var i = 0
        if quote == .none && flow == 0 {
            guard let start = startBlockLine(b) else { return }
            i = start
        }
        while i < b.count {
            let c = b[i]
            if quote != .none { i = quoted(b, i); continue }
            if Self.isBlank(c) { i += 1; continue }
            if c == Self.ascii("#") && (i == 0 || Self.isBlank(b[i - 1])) { plainStartParent = nil; break }
            if flow > 0 { i = flowCharacter(b, i); continue }
            guard let next = blockCharacter(b, i) else { break }
            i = next
        }
        if quote == .none && flow == 0 { plainParent = plainStartParent } else { plainParent = nil }
    }

    /// Inside a quoted scalar: the index after `b[i]`.
    private mutating func quoted(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if quote == .double {
            if c == Self.ascii("\\") { return i + 2 }
            if c == Self.ascii("\"") { closeQuote() }
            return i + 1
        }
        guard c == Self.ascii("'") else { return i + 1 }
        if i + 1 < b.count && b[i + 1] == Self.ascii("'") { return i + 2 }
        closeQuote()
        return i + 1
    }

    private mutating func closeQuote() {
        quote = .none
        expectNode = false
        plainStartParent = nil
    }

    /// Whether `b[i]` is `indicator` followed by a blank or the end of the line.
    func isIndicator(_ b: [UInt8], _ i: Int, _ indicator: Unicode.Scalar) -> Bool {
        i < b.count && b[i] == Self.ascii(indicator) && (i + 1 == b.count || Self.isBlank(b[i + 1]))
    }

    /// `---` or `...` at the start of a line: a document starts or ends.
    func isDocumentMarker(_ b: [UInt8]) -> Bool {
        b.count >= 3 && (b.prefix(3).allSatisfy { $0 == Self.ascii("-") } || b.prefix(3).allSatisfy { $0 == Self.ascii(".") })
            && (b.count == 3 || Self.isBlank(b[3]))
    }

    /// The start of a line in block context: a document marker, the lines of a block scalar,
    /// blank and comment lines, the next line of a plain scalar, or a line that opens (or
    /// stays on) a block level. Returns where to scan from, or nil to skip the line.
    private mutating func startBlockLine(_ b: [UInt8]) -> Int? {
        if isDocumentMarker(b) {
            levels = []
            blockScalarParent = nil
            plainStartParent = nil
            nodeParent = -1
            entryColumn = 0
            lineStart = -1
            expectNode = true
            return 3
        }
        let indent = b.prefix { $0 == Self.ascii(" ") }.count
        let content = b.firstIndex { !Self.isBlank($0) }
        if let parent = blockScalarParent {
            if content == nil || indent > parent { return nil }
            blockScalarParent = nil
        }
        guard let first = content else { return nil }   // a plain scalar goes on past a blank line
        lineStart = first
        if b[first] == Self.ascii("#") { plainParent = nil; return nil }
        if let parent = plainParent, indent > parent {
            expectNode = false
            plainStartParent = parent
            return indent
        }
        plainStartParent = nil
        openLevel(at: indent, sequence: isIndicator(b, indent, "-"))
        expectNode = true
        return indent
    }

    /// The block level of a line indented `column`: closes deeper levels and opens one unless
    /// the line is an entry of an open one. A sequence written at its mapping's indentation
    /// (`key:` then `- item`) is a level of its own.
    private mutating func openLevel(at column: Int, sequence: Bool) {
        while let last = levels.last, last.column > column { levels.removeLast() }
        if let last = levels.last, last.column == column, last.sequence, !sequence { levels.removeLast() }
        if let last = levels.last, last.column == column {
            if !last.sequence && sequence { levels.append(Level(column: column, sequence: true)) }
            nodeParent = column
        } else {
            nodeParent = levels.last?.column ?? -1
            levels.append(Level(column: column, sequence: sequence))
        }
        entryColumn = column
        note()
    }

    /// A character in block context: the index to go on from, or nil when the rest of the line
    /// is no structure (a block scalar's header).
    private mutating func blockCharacter(_ b: [UInt8], _ i: Int) -> Int? {
        // `- x`, `? x`, and `: x` at the start of a line (the value of a `?` key) may each hold a
        // collection on the same line (`- - x`, `: k: v`); one written after others on the line
        // opens its own level.
        let complexValue = i == lineStart && isIndicator(b, i, ":")
        if complexValue || expectNode && (isIndicator(b, i, "-") || isIndicator(b, i, "?")) {
            nodeParent = i
            if levels.last?.column != i {
                levels.append(Level(column: i, sequence: b[i] == Self.ascii("-")))
                note()
            }
            var j = i + 1
            while j < b.count && Self.isBlank(b[j]) { j += 1 }
            if j < b.count && ![Self.ascii("#"), Self.ascii("|"), Self.ascii(">")].contains(b[j]) {
                levels.append(Level(column: j, sequence: isIndicator(b, j, "-")))
                note()
            }
            entryColumn = j
            return j
        }
        if isIndicator(b, i, ":") {
            nodeParent = entryColumn
            expectNode = true
            plainStartParent = nil
            return i + 1
        }
        guard expectNode else { return i + 1 }
        switch b[i] {
        case Self.ascii("["), Self.ascii("{"): open(b[i])
        case Self.ascii("'"): quote = .single
        case Self.ascii("\""): quote = .double
        case Self.ascii("|"), Self.ascii(">"):
            // libyaml indents a block scalar's text at least one column, even at the top level.
            blockScalarParent = max(nodeParent, 0)
            plainStartParent = nil
            return nil
        case Self.ascii("&"), Self.ascii("!"): return skipProperty(b, i)
        default: expectNode = false; plainStartParent = nodeParent
        }
        return i + 1
    }

    /// A character in flow context (inside brackets): the index to go on from.
    private mutating func flowCharacter(_ b: [UInt8], _ i: Int) -> Int {
        switch b[i] {
        case Self.ascii("["), Self.ascii("{"): open(b[i]); expectNode = true
        case Self.ascii("]"), Self.ascii("}"): flow -= brackets.popLast() ?? 0; expectNode = false
        case Self.ascii(","), Self.ascii(":"), Self.ascii("?"): expectNode = true
        case Self.ascii("'") where expectNode: quote = .single
        case Self.ascii("\"") where expectNode: quote = .double
        case Self.ascii("&"), Self.ascii("!"): if expectNode { return skipProperty(b, i) }
        default: expectNode = false
        }
        return i + 1
    }

    /// A bracket opens.
    private mutating func open(_ bracket: UInt8) {
        let levels = bracket == Self.ascii("[") ? 2 : 1
        brackets.append(levels)
        flow += levels
        note()
    }

    /// An anchor (`&a`) or tag (`!t`) before a node: the index after it; the node is still to come.
    private func skipProperty(_ b: [UInt8], _ i: Int) -> Int {
        let ends = [Self.ascii(","), Self.ascii("["), Self.ascii("]"), Self.ascii("{"), Self.ascii("}")]
        var j = i + 1
        while j < b.count && !Self.isBlank(b[j]) && !(flow > 0 && ends.contains(b[j])) { j += 1 }
        return j
    }
}

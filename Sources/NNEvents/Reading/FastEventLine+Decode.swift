/// The fast path's fields: the same rules as ``EventCodec``'s `Fields`, but any failure falls
/// back to the general parser (which then names the problem) instead of throwing an error here.
extension FastEventLine {
    func has(_ k: Key) -> Bool { present & (1 << UInt64(k.rawValue)) != 0 }

    /// A string field. Names repeat on every line (runs, layers, series): the first few dozen
    /// distinct ones are kept and reused, so a long name is not allocated again for each event.
    mutating func text(_ k: Key) throws -> String {
        let v = values[k.rawValue]
        guard has(k), v.tag == .string else { throw Fallback() }
        let bytes = UnsafeBufferPointer(rebasing: line[v.lo..<v.hi])
        for (seen, string) in known where seen.count == bytes.count && seen.elementsEqual(bytes) { return string }
        let string = String(decoding: bytes, as: UTF8.self)
        if known.count < 64 { known.append((Array(bytes), string)) }
        return string
    }

    mutating func optText(_ k: Key) throws -> String? {
        guard has(k), values[k.rawValue].tag != .null else { return nil }
        return try text(k)
    }

    func bytesEqual(_ k: Key, _ word: StaticString) -> Bool {
        let v = values[k.rawValue]
        guard has(k), v.tag == .string, v.hi - v.lo == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for j in 0..<(v.hi - v.lo) where line[v.lo + j] != w[j] { return false }
        return true
    }

    func double(_ k: Key) throws -> Double {
        let v = values[k.rawValue]
        guard has(k) else { throw Fallback() }
        switch v.tag {
        case .number: return v.number
        case .string:
            if bytesEqual(k, "NaN") { return .nan }
            if bytesEqual(k, "Infinity") { return .infinity }
            if bytesEqual(k, "-Infinity") { return -.infinity }
            throw Fallback()
        default: throw Fallback()
        }
    }

    func optDouble(_ k: Key) throws -> Double? {
        guard has(k), values[k.rawValue].tag != .null else { return nil }
        return try double(k)
    }

    func int(_ k: Key) throws -> Int {
        let v = try double(k)
        guard v.isFinite, v == v.rounded(), abs(v) < 9e15 else { throw Fallback() }
        return Int(v)
    }

    func optInt(_ k: Key) throws -> Int? {
        guard has(k), values[k.rawValue].tag != .null else { return nil }
        return try int(k)
    }

    func quantity() throws -> Quantity {
        let v = values[Key.quantity.rawValue]
        guard has(.quantity), v.tag == .string else { throw Fallback() }
        for (word, q) in Self.quantities where v.hi - v.lo == word.count {
            var same = true
            for j in 0..<word.count where line[v.lo + j] != word[j] { same = false; break }
            if same { return q }
        }
        throw Fallback()
    }

    /// Whether `v` names a major version this build reads (`1.x` up to ``EventSchema/major``).
    func versionReadable() -> Bool {
        let v = values[Key.v.rawValue]
        guard has(.v), v.tag == .string else { return false }
        var end = v.lo
        while end < v.hi, line[end] != 0x2E { end += 1 }
        guard end > v.lo, end - v.lo <= 3, line[v.lo] != 0x30 else { return false }
        var major = 0
        for j in v.lo..<end {
            guard JSONNumberBytes.isDigit(line[j]) else { return false }
            major = major * 10 + Int(line[j] - 0x30)
        }
        return major >= 1 && major <= EventSchema.major
    }

    /// The event the parsed fields make, or `Fallback`.
    mutating func event() throws -> Event {
        guard versionReadable() else { throw Fallback() }
        if bytesEqual(.kind, "layer_stats") {
            guard present & ~Self.statsKeys == 0 else { throw Fallback() }
            return .layerStats(try layerStats())
        }
        if bytesEqual(.kind, "scalar") {
            guard present & ~Self.scalarKeys == 0 else { throw Fallback() }
            return .scalar(ScalarEvent(run: try text(.run), name: try text(.name), step: try int(.step), epoch: try optInt(.epoch),
                                       value: try double(.value)))
        }
        if bytesEqual(.kind, "histogram") {
            guard present & ~Self.histogramKeys == 0 else { throw Fallback() }
            return .histogram(try histogram())
        }
        throw Fallback()
    }

    mutating func layerStats() throws -> LayerStats {
        LayerStats(run: try text(.run), step: try int(.step), layer: try text(.layer), index: try optInt(.index) ?? 0, quantity: try quantity(),
                   count: try int(.count), mean: try double(.mean), std: try double(.std), min: try double(.min), max: try double(.max),
                   l2: try double(.l2), nan: try optInt(.nan) ?? 0, posInf: try optInt(.posInf) ?? 0, negInf: try optInt(.negInf) ?? 0,
                   zeroFraction: try optDouble(.zeroFraction) ?? 0, deadFraction: try optDouble(.deadFraction),
                   saturatedFraction: try optDouble(.saturatedFraction), saturationRule: try optText(.saturationRule),
                   updateRatio: try optDouble(.updateRatio), distanceFromInit: try optDouble(.distanceFromInit))
    }

    mutating func histogram() throws -> Histogram {
        guard has(.edges), values[Key.edges.rawValue].tag == .array, has(.counts), values[Key.counts.rawValue].tag == .array,
              edges.count == counts.count + 1 else { throw Fallback() }
        var integral: [Int] = []
        integral.reserveCapacity(counts.count)
        for c in counts {
            guard c >= 0, c < 9e15, c == c.rounded() else { throw Fallback() }
            integral.append(Int(c))
        }
        for k in 1..<edges.count where !(edges[k - 1] < edges[k]) { throw Fallback() }
        return Histogram(run: try text(.run), step: try int(.step), layer: try text(.layer), index: try optInt(.index) ?? 0,
                         quantity: try quantity(), edges: edges, counts: integral, underflow: try optInt(.underflow) ?? 0,
                         overflow: try optInt(.overflow) ?? 0, nan: try optInt(.nan) ?? 0)
    }
}

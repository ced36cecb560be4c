import Yams

/// Reads typed values from YAML nodes of one file, with errors naming the file, line and key.
struct ConfigReader {
    /// The file's path, as given.
    let file: String

    /// `file:line` of a node.
    func at(_ n: Node) -> String { "\(file):\(line(n))" }

    /// The line of a node (1 for the first).
    func line(_ n: Node) -> Int { n.mark?.line ?? 0 }

    func int(_ n: Node, _ key: String) throws(ConfigError) -> Int {
        guard let s = n.scalar, let v = Int(s.string) else {
            throw ConfigError("\(at(n)): '\(key)' must be an integer, got '\(n.scalar?.string ?? "a list or mapping")'")
        }
        return v
    }

    func positiveInt(_ n: Node, _ key: String) throws(ConfigError) -> Int {
        let v = try int(n, key)
        guard v > 0 else { throw ConfigError("\(at(n)): '\(key)' must be positive, got \(v)") }
        return v
    }

    func seed(_ n: Node, _ key: String) throws(ConfigError) -> UInt64 {
        let v = try int(n, key)
        guard v >= 0 else { throw ConfigError("\(at(n)): '\(key)' must be 0 or more, got \(v)") }
        return UInt64(v)
    }

    func double(_ n: Node, _ key: String) throws(ConfigError) -> Double {
        guard let s = n.scalar, let v = Double(s.string), v.isFinite else {
            throw ConfigError("\(at(n)): '\(key)' must be a finite number, got '\(n.scalar?.string ?? "a list or mapping")'")
        }
        return v
    }

    func double(_ n: Node, _ key: String, in range: Range<Double>) throws(ConfigError) -> Double {
        let v = try double(n, key)
        guard range.contains(v) else { throw ConfigError("\(at(n)): '\(key)' must be \(Self.describe(range)), got \(v)") }
        return v
    }

    func string(_ n: Node, _ key: String) throws(ConfigError) -> String {
        guard let s = n.scalar else { throw ConfigError("\(at(n)): '\(key)' must be a string") }
        let bytes = s.string.utf8.count
        guard bytes <= ConfigLimits.maxStringBytes else {
            throw ConfigError("\(at(n)): '\(key)' is \(ConfigLimits.grouped(bytes)) bytes long, more than the limit of "
                              + "\(ConfigLimits.grouped(ConfigLimits.maxStringBytes)) (ConfigLimits.maxStringBytes)")
        }
        return s.string
    }

    func bool(_ n: Node, _ key: String) throws(ConfigError) -> Bool {
        guard let s = n.scalar, let v = Bool(s.string.lowercased()) else { throw ConfigError("\(at(n)): '\(key)' must be true or false") }
        return v
    }


    func mapping(_ n: Node, _ key: String, known: [String]) throws(ConfigError) -> [(key: String, keyNode: Node, value: Node)] {
        guard let m = n.mapping else { throw ConfigError("\(at(n)): '\(key)' must be a mapping (keys: \(known.joined(separator: ", ")))") }
        var out: [(String, Node, Node)] = []
        var seen: [String: Node] = [:]
        for (k, v) in m {
            let name = k.scalar?.string ?? ""
            let shown = (key.isEmpty ? "" : key + ".") + name
            guard known.contains(name) else {
                throw ConfigError("\(at(k)): unknown key '\(shown)' (known: \(known.sorted().joined(separator: ", ")))")
            }
            // Yams (5 and 6) keeps every pair of a mapping; a repeated key would silently win over the first.
            if let first = seen[name] {
                throw ConfigError("\(at(k)): duplicate key '\(shown)' (first at line \(line(first))): each key once")
            }
            seen[name] = k
            out.append((name, k, v))
        }
        return out
    }

    /// `> 0`, `>= 0` or `in [0, 1)` for a range of accepted numbers.
    static func describe(_ range: Range<Double>) -> String {
        func text(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
        if range.upperBound == .infinity { return range.lowerBound == .leastNonzeroMagnitude ? "> 0" : ">= \(text(range.lowerBound))" }
        return "in [\(text(range.lowerBound)), \(text(range.upperBound)))"
    }
}

/// File names from names people choose (a config's `name:`, a run's `name:`, a study name in
/// someone's events), which may be Korean: ASCII-safe and stable. A name of ASCII letters,
/// digits, `.`, `_` and `-` is kept as it is; any other name becomes its ASCII part, with a
/// `-` for each run of other characters, plus a short hash of the whole name (so two Korean
/// names never share a file, and the same name always gives the same file).
public enum FileSlug {
    /// `name` as a safe file name: `relu-he` stays `relu-he`; `시그모이드 깊은 망` becomes
    /// `3c1f9a0e`, `sigmoid 깊은` becomes `sigmoid-5d0b2e71`.
    public static func safe(_ name: String) -> String {
        if isSafe(name) { return name }
        var slug = ""
        for u in name.unicodeScalars.prefix(80) {
            if allowed(u) { slug.unicodeScalars.append(u) } else if !slug.isEmpty, slug.last != "-" { slug += "-" }
        }
        while let last = slug.last, "-._".contains(last) { slug.removeLast() }
        while let first = slug.first, "-._".contains(first) { slug.removeFirst() }
        let hash = shortHash(name)
        return slug.isEmpty ? hash : "\(slug.prefix(40))-\(hash)"
    }

    /// Whether `name` is already a safe file name (nothing to change).
    public static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.hasPrefix("-") && name.unicodeScalars.allSatisfy(allowed)
    }

    static func allowed(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u) || u == "." || u == "_" || u == "-"
    }

    /// Eight hex digits of the 64-bit FNV-1a hash of the name's UTF-8 bytes.
    static func shortHash(_ name: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let hex = String(h >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

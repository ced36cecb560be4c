/// File and anchor names made from names that come from outside (config `name:`, run names,
/// the `study` of another engine's events): never a path separator, never `.` or `..`, never
/// markup. A plain name keeps its familiar form (`init/std=0.01` → `init-std0.01`); anything else
/// is cleaned and gets a short hash of the original, so two different names stay apart.
public enum Slug {
    static let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

    /// The slug of `name`.
    public static func make(_ name: String) -> String {
        let mapped = name.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "=", with: "")
        let isPlain = !mapped.isEmpty && mapped.count <= 80 && mapped.allSatisfy { plain.contains($0) }
            && !mapped.hasPrefix(".") && !mapped.hasPrefix("-") && !name.hasPrefix("/") && !name.contains("//")
        if isPlain { return mapped }
        // Anything else: its ASCII part and a hash of the whole name (a Korean name is its hash).
        return FileSlug.safe(name.hasPrefix("/") || name.contains("//") ? name : mapped)
    }

    /// Eight hex digits of the name's FNV-1a hash (``FileSlug``'s: one hash for every file name).
    public static func hash(_ name: String) -> String { FileSlug.shortHash(name) }
}

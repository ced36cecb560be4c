import Foundation

/// Every file of a report folder with its bytes, to tell whether a folder is exactly an
/// earlier report, and whether its page links only files that are there.
public struct ReportSnapshot: Equatable {
    /// Relative path → bytes, for every regular file (hidden ones too).
    public let files: [String: Data]

    /// Reads every file under `folder`.
    public init(_ folder: URL) throws {
        let fm = FileManager.default
        var files: [String: Data] = [:]
        for f in (fm.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? [] {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(f)
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { files[f] = try Data(contentsOf: url) }
        }
        self.files = files
    }

    /// The `href` and `src` targets of `index.html` that are files of the folder (not inline
    /// data, anchors or the network).
    public var linkedFiles: [String] {
        guard let page = files["index.html"].map({ String(decoding: $0, as: UTF8.self) }) else { return [] }
        let attribute = try? NSRegularExpression(pattern: ##"(?:src|href)="([^"#:]+)""##)
        let ns = page as NSString
        return (attribute?.matches(in: page, range: NSRange(location: 0, length: ns.length)) ?? []).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// Replaces `folder` with exactly these files (to put an earlier report back between tests).
    public func restore(to folder: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
        }
    }

    /// Linked files that are missing.
    public var missingLinks: [String] { linkedFiles.filter { files[$0] == nil } }
}

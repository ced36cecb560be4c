import Foundation

/// Paths to the test fixtures in `Tests/Fixtures`: oracles copied from the peers (see its
/// README) and small event files for section tests.
public enum Fixtures {
    /// `Tests/Fixtures`.
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The URL of a fixture file.
    public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// A fixture file parsed as JSON.
    public static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(name)))
    }
}

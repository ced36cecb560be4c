import Foundation

/// Finds the data shipped with nnviz (the 5000-digit MNIST subset) wherever the program runs:
/// beside an installed binary, in the build folder, or in the source tree, without SwiftPM's
/// `Bundle.module`, which stops the program with a fatal error when its folder has moved.
public enum EmbeddedData {
    /// The environment variable that names the folder holding `mnist5k/`; when set, it is the
    /// only place searched.
    public static let environmentKey = "NNVIZ_DATA"

    /// The folders searched for `name`, in order.
    public static func candidates(_ name: String) -> [URL] {
        if let dir = ProcessInfo.processInfo.environment[environmentKey], !dir.isEmpty {
            return [URL(fileURLWithPath: dir).appendingPathComponent(name)]
        }
        var out: [URL] = []
        // The running executable, its symbolic links resolved.
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                      ?? CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        out.append(exe.appendingPathComponent("nnviz_NNEngine.resources").appendingPathComponent(name))      // beside a built binary
        out.append(exe.deletingLastPathComponent().appendingPathComponent("share/nnviz").appendingPathComponent(name))  // make install
        // The source tree this module was built from (development and tests).
        out.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").appendingPathComponent(name))
        return out
    }

    /// The first candidate folder of `name` that exists, or an error naming every place searched.
    public static func folder(_ name: String) throws(DataError) -> URL {
        let places = candidates(name)
        var isDirectory: ObjCBool = false
        if let found = places.first(where: { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue }) {
            return found
        }
        throw DataError(file: name, reason: "the data shipped with nnviz is not where it was installed (looked in "
                        + places.map(\.path).joined(separator: ", ") + "); set \(environmentKey) to the folder that holds \(name)/")
    }
}

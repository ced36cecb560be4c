/// A text a study needs is missing or malformed in its prose resource.
public struct ProseError: Error, CustomStringConvertible {
    /// The resource.
    public var source: String
    /// The key looked up.
    public var key: String
    /// What is wrong.
    public var reason: String
    /// One line naming the resource, key and reason.
    public var description: String { "\(source): '\(key)': \(reason)" }
}

/// The version of the event format this build writes and reads. A reader accepts any minor
/// version of its major version and refuses a newer major version.
public enum EventSchema {
    /// Major version: incompatible changes bump it.
    public static let major = 1
    /// Minor version: additions (new kinds or fields) bump it.
    public static let minor = 2
    /// `"1.0"`.
    public static var version: String { "\(major).\(minor)" }
}

import Foundation

/// Makes writes past `bytes` of any file fail with `EFBIG` ("file too large"), for the body's
/// duration: the kernel's `RLIMIT_FSIZE`, with `SIGXFSZ` ignored so the write fails instead of
/// ending the process. A real write failure that needs no root (unlike a full tmpfs).
public enum FileSizeLimit {
    /// Runs `body` with the limit in force for the whole process, then restores the old one.
    public static func with<T>(bytes: Int, _ body: () throws -> T) throws -> T {
        var old = rlimit()
        guard getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old) == 0 else { throw POSIXError(.EINVAL) }
        let oldHandler = signal(SIGXFSZ, SIG_IGN)
        var limit = old
        limit.rlim_cur = rlim_t(bytes)
        guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0 else { throw POSIXError(.EPERM) }
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
            signal(SIGXFSZ, oldHandler)
        }
        return try body()
    }
}

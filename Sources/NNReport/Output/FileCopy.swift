import Foundation
import NNEvents
#if canImport(Glibc)
import Glibc
#endif

/// A copy of one file made on a background thread while the caller goes on (the event files a
/// report keeps in `data/`: a long run's are gigabytes, and copying them took as long as
/// drawing the report). The kernel copies (`copy_file_range`, which also clones on file systems
/// that can, such as Btrfs and XFS), falling back to reading and writing in blocks; the bytes
/// never pass through this process's memory. ``finish()`` waits and reports a failure as a
/// ``FileError`` naming the destination; ``cancel()`` stops early (the caller removes the file).
public final class FileCopy: @unchecked Sendable {
    /// The file copied.
    public let source: String
    /// The copy, which must not exist yet.
    public let destination: String
    private let running = DispatchGroup()
    private let lock = NSLock()
    private var cancelled = false
    private var failure: FileError?

    /// Starts copying `source` to `destination` at once.
    public init(from source: String, to destination: String) {
        self.source = source
        self.destination = destination
        running.enter()
        let thread = Thread { [self] in
            do throws(FileError) { try copy() } catch { lock.withLock { failure = error } }
            running.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Waits until the copy is complete; throws what stopped it.
    public func finish() throws(FileError) {
        running.wait()
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Stops the copy as soon as it can and waits for it (the partial file is left to the caller).
    public func cancel() {
        lock.withLock { cancelled = true }
        running.wait()
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    /// Bytes per kernel call: small enough to notice a cancel within a fraction of a second.
    private static let chunk = 32 << 20

    private func copy() throws(FileError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileError(path: source, action: .read, code: errno) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileError(path: destination, action: .copy, code: errno) }
        var closed = false
        defer { if !closed { close(output) } }
        if try !kernelCopy(input, output) { try blockCopy(input, output) }
        closed = true
        if close(output) != 0 { throw FileError(path: destination, action: .copy, code: errno) }
    }

    /// `copy_file_range` until the end; false when the kernel or file systems cannot (nothing copied yet).
    private func kernelCopy(_ input: Int32, _ output: Int32) throws(FileError) -> Bool {
        typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range") else { return false }
        let copyFileRange = unsafeBitCast(symbol, to: CopyFileRange.self)
        var total = 0
        while !isCancelled {
            let n = copyFileRange(input, nil, output, nil, Self.chunk, 0)
            if n > 0 { total += n; continue }
            if n == 0 { return true }
            if errno == EINTR { continue }
            if total == 0, [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP, EBADF].contains(errno) { return false }
            throw FileError(path: destination, action: .copy, code: errno)
        }
        return true
    }

    /// Plain `read` and `write` in 1 MiB blocks.
    private func blockCopy(_ input: Int32, _ output: Int32) throws(FileError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return }
        while !isCancelled {
            let got = read(input, base, buffer.count)
            if got == 0 { return }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileError(path: source, action: .read, code: errno)
            }
            var written = 0
            while written < got {
                let n = write(output, base + written, got - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileError(path: destination, action: .copy, code: errno)
                }
                written += n
            }
        }
    }
}

import Foundation

/// The memory the reader works in, reused from block to block: a long file is read in two or
/// three blocks of a few megabytes and one event array per part, allocated once, instead of
/// fresh ones per block (whose freed pages the allocator kept, so a 1 GB file once needed twice
/// the memory of a 100 MB one). Shared by the reader and its parsing threads, behind a lock.
final class ReadBuffers: @unchecked Sendable {
    private let lock = NSLock()
    private var blocks: [ReadBlock] = []
    private var results: [LineBatch.Result] = []

    /// A block to fill: a used one when there is one.
    func block() -> ReadBlock { lock.withLock { blocks.popLast() } ?? ReadBlock() }

    /// An empty result to parse into: a used one (keeping its array's memory) when there is one.
    func result() -> LineBatch.Result { lock.withLock { results.popLast() } ?? LineBatch.Result() }

    /// Takes back a block whose events were handed on, and its results.
    func recycle(block: ReadBlock, results used: inout [LineBatch.Result]) {
        for k in used.indices { used[k].reset() }
        let emptied = used
        used = []
        lock.withLock {
            blocks.append(block)
            results.append(contentsOf: emptied)
        }
    }
}

/// One block of a file's bytes: the first `count` bytes of memory that grows (never shrinks)
/// when a line is longer than a block.
final class ReadBlock: @unchecked Sendable {
    private var storage = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    /// Bytes held.
    private(set) var count = 0

    deinit { storage.deallocate() }

    /// Room for `capacity` bytes, keeping the first `keep`.
    private func reserve(_ capacity: Int, keeping keep: Int) {
        guard capacity > storage.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        if keep > 0, let from = storage.baseAddress, let to = grown.baseAddress { to.update(from: from, count: keep) }
        storage.deallocate()
        storage = grown
    }

    /// Keeps the first `carried` bytes and reads after them with `read` (0 at the end) until
    /// `limit` bytes are held or the input ends; returns whether it ended.
    func fill(from carried: Int, upTo limit: Int, read: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws -> Bool {
        reserve(limit, keeping: carried)
        count = carried
        while count < limit {
            let got = try read(UnsafeMutableBufferPointer(rebasing: storage[count..<limit]))
            if got == 0 { return true }
            count += got
        }
        return false
    }

    /// Starts this block with the bytes of `other` from `cut` on (the start of a line that
    /// block did not end); returns how many.
    func start(with other: ReadBlock, from cut: Int) -> Int {
        let n = other.count - cut
        reserve(n, keeping: 0)
        if n > 0, let to = storage.baseAddress, let from = other.storage.baseAddress { to.update(from: from + cut, count: n) }
        count = n
        return n
    }

    /// The index of the last newline held.
    func lastNewline() -> Int? { UnsafeBufferPointer(rebasing: storage[..<count]).lastIndex(of: 0x0A) }

    /// Calls `body` with the first `end` bytes.
    func withBytes<T>(upTo end: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(rebasing: storage[..<end]))
    }
}

import Foundation

/// Runs independent jobs (the three initialisations of a study, say) side by side, at most
/// `width` at a time, and returns their results in job order.
///
/// Each job builds its own model inside `body`, so nothing mutable is shared. Use it with
/// `BLASThreads.set(1)`: on small matrices one BLAS thread per run on each core beats two
/// BLAS threads per run, and does not collapse when the other core is busy. Once a job has
/// thrown, jobs not yet started are not started; the first error in job order is thrown.
public func runSideBySide<T: Sendable>(_ count: Int, width: Int = ProcessInfo.processInfo.activeProcessorCount,
                                       _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
    let results = ResultSlots<T>(count: count)
    let next = ResultSlots<Int>(count: 1)
    next.set(0, 0)
    let group = DispatchGroup()
    for _ in 0..<max(1, min(width, count)) {
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            while let i = next.takeTicket(limit: count) {
                let result = Result { try body(i) }
                results.set(i, result)
                // After a failure no further job starts (the caller gets the error, and a full
                // disk does not see every remaining run begin and fail in turn).
                if case .failure = result { next.closeTickets() }
            }
        }
    }
    group.wait()
    return try results.values().map { try $0.get() }
}

/// A lock-protected array of optional slots, written from several threads.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]
    private var ticket = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Result<T, any Error>) {
        lock.lock(); defer { lock.unlock() }
        slots[i] = value
    }

    func set(_ i: Int, _ value: T) { set(i, .success(value)) }

    /// Hands out no more tickets.
    func closeTickets() {
        lock.lock(); defer { lock.unlock() }
        ticket = Int.max
    }

    /// The next job index below `limit`, or nil when all are taken.
    func takeTicket(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard ticket < limit else { return nil }
        defer { ticket += 1 }
        return ticket
    }

    func values() -> [Result<T, any Error>] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0 ?? .failure(CancellationError()) }
    }
}

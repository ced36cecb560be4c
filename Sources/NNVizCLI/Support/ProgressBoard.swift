import Foundation
import NNStudies

/// Progress of runs going on side by side: on a terminal one live line (run, step, loss, ETA
/// per active run); otherwise plain lines at start, every quarter, and end; nothing when quiet.
final class ProgressBoard: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private let terminal = isatty(STDERR_FILENO) != 0
    private var active: [String: (step: Int, total: Int, loss: Double, start: Date, quarter: Int)] = [:]
    private var order: [String] = []
    private var lastDraw = Date.distantPast

    init(quiet: Bool) { self.quiet = quiet }

    private func out(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    func note(_ line: String) {
        guard !quiet else { return }
        lock.lock(); defer { lock.unlock() }
        out((terminal ? "\r\u{1B}[K" : "") + line + "\n")
    }

    func began(_ run: String, steps: Int) {
        lock.lock(); defer { lock.unlock() }
        active[run] = (0, steps, .nan, Date(), 0)
        order.append(run)
        if !quiet && !terminal { out("start  \(run) (\(steps) steps)\n") }
    }

    func advanced(_ run: String, step: Int, loss: Double) {
        guard !quiet else { return }
        lock.lock(); defer { lock.unlock() }
        guard var a = active[run] else { return }
        a.step = step; a.loss = loss
        let q = a.total > 0 ? 4 * step / a.total : 0
        if !terminal, q > a.quarter, q < 4 { out("       \(run) step \(step)/\(a.total) loss \(String(format: "%.4f", loss))\n") }
        a.quarter = max(a.quarter, q)
        active[run] = a
        if terminal, Date().timeIntervalSince(lastDraw) > 0.1 {
            lastDraw = Date()
            let parts = order.compactMap { name -> String? in
                guard let a = active[name] else { return nil }
                let elapsed = Date().timeIntervalSince(a.start)
                let eta = a.step > 0 ? elapsed / Double(a.step) * Double(a.total - a.step) : .nan
                return "\(name) \(a.step)/\(a.total) loss \(String(format: "%.3f", a.loss)) ETA \(clock(eta))"
            }
            out("\r\u{1B}[K" + parts.joined(separator: "  |  "))
        }
    }

    func ended(_ run: String, summary: String) {
        lock.lock(); defer { lock.unlock() }
        let a = active.removeValue(forKey: run)
        order.removeAll { $0 == run }
        guard !quiet else { return }
        let secs = a.map { Date().timeIntervalSince($0.start) } ?? 0
        let loss = String(format: "%.4f", a?.loss ?? .nan), time = String(format: "%.1f", secs)
        out((terminal ? "\r\u{1B}[K" : "") + "done   \(run): \(summary), final batch loss \(loss) (\(time) s)\n")
    }
}

/// `m:ss` for an ETA.
func clock(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "--:--" }
    let s = Int(seconds.rounded())
    return String(format: "%d:%02d", s / 60, s % 60)
}

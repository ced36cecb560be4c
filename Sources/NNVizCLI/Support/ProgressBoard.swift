import Foundation
import NNStudies
#if canImport(Glibc)
import Glibc
#endif

/// Progress of runs going on side by side, on standard error. On a terminal: one line per
/// running run and a total line (bar, steps, %, steps/s, elapsed, ETA of the whole job), redrawn
/// in place and fitted to the terminal's width (read again at every redraw, so a resize is
/// followed); finished runs and notes scroll above it. Elsewhere: plain lines when a run starts,
/// at each quarter and at its end. Nothing when quiet.
final class ProgressBoard: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private let terminal: Bool
    private var running: [String: ProgressLines.Run] = [:]
    private var order: [String] = []
    private var quarters: [String: Int] = [:]
    private var starts: [String: Date] = [:]
    private var planned: [String: Int] = [:]
    private var doneSteps: [String: Int] = [:]
    private var finished = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = 0

    init(quiet: Bool, terminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.quiet = quiet
        self.terminal = terminal
    }

    private func out(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    /// The terminal's width in columns (80 when it cannot be read).
    static func terminalWidth() -> Int {
        var ws = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    func planned(_ runs: [(name: String, steps: Int)]) {
        lock.lock(); defer { lock.unlock() }
        for r in runs { planned[r.name] = r.steps }
    }

    func note(_ line: String) {
        guard !quiet else { return }
        lock.lock(); defer { lock.unlock() }
        permanent(line)
    }

    func began(_ run: String, steps: Int) {
        lock.lock(); defer { lock.unlock() }
        running[run] = ProgressLines.Run(name: run, step: 0, total: steps, loss: nil)
        order.append(run)
        starts[run] = Date()
        if planned[run] == nil { planned[run] = steps }
        guard !quiet else { return }
        if terminal { draw(force: true) } else { out("start  \(run) (\(steps) steps)\n") }
    }

    func advanced(_ run: String, step: Int, loss: Double) {
        lock.lock(); defer { lock.unlock() }
        guard var r = running[run] else { return }
        r.step = step
        r.loss = loss
        running[run] = r
        doneSteps[run] = step
        guard !quiet else { return }
        if terminal {
            draw(force: false)
        } else {
            let q = r.total > 0 ? 4 * step / r.total : 0
            if q > quarters[run, default: 0], q < 4 {
                quarters[run] = q
                out("       \(run) step \(step)/\(r.total) loss \(String(format: "%.4f", loss))  (job \(percent())% done)\n")
            }
        }
    }

    func ended(_ run: String, summary: String) {
        lock.lock(); defer { lock.unlock() }
        let r = running.removeValue(forKey: run)
        order.removeAll { $0 == run }
        doneSteps[run] = planned[run] ?? r?.total ?? 0
        finished += 1
        guard !quiet else { return }
        let secs = starts[run].map { Date().timeIntervalSince($0) } ?? 0
        let loss = r?.loss.map { String(format: "%.4f", $0) } ?? "-"
        permanent("done   \(run): \(summary), final batch loss \(loss) (\(String(format: "%.1f", secs)) s)"
                  + (terminal ? "" : "  (job \(percent())% done)"))
    }

    private func percent() -> Int {
        let total = planned.values.reduce(0, +)
        return total > 0 ? 100 * doneSteps.values.reduce(0, +) / total : 0
    }

    private var lines: ProgressLines {
        ProgressLines(runs: order.compactMap { running[$0] }, doneSteps: doneSteps.values.reduce(0, +), totalSteps: planned.values.reduce(0, +),
                      finishedRuns: finished, plannedRuns: planned.count, elapsed: Date().timeIntervalSince(start))
    }

    /// Moves to the first line of the live block and clears it and everything below.
    private func clearBlock() -> String {
        guard drawn > 0 else { return "\r" }
        return "\r" + (drawn > 1 ? "\u{1B}[\(drawn - 1)A" : "") + "\u{1B}[J"
    }

    /// A line that stays: printed above the live block, which is then drawn again.
    private func permanent(_ line: String) {
        if terminal {
            out(clearBlock() + line + "\n")
            drawn = 0
            if !running.isEmpty { draw(force: true) }
        } else {
            out(line + "\n")
        }
    }

    private func draw(force: Bool) {
        guard force || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let text = lines.lines(width: Self.terminalWidth())
        out(clearBlock() + text.joined(separator: "\n"))
        drawn = text.count
    }
}

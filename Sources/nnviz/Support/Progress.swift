import Foundation

/// Progress output: a live, redrawn line on a terminal; plain lines otherwise; nothing when quiet.
final class ProgressLine {
    let isTerminal = isatty(STDERR_FILENO) != 0
    let quiet: Bool
    private var lastDraw = 0.0
    private let start = Date()

    init(quiet: Bool) { self.quiet = quiet }

    /// Redraws the live line (terminals only, at most 10 times a second).
    func update(_ text: @autoclosure () -> String) {
        guard !quiet, isTerminal else { return }
        let now = Date().timeIntervalSince(start)
        guard now - lastDraw > 0.1 else { return }
        lastDraw = now
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text())".utf8))
    }

    /// Prints a line that stays (clearing the live line first on a terminal).
    func line(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data(((isTerminal ? "\r\u{1B}[K" : "") + text + "\n").utf8))
    }

    /// Seconds since the progress began.
    var elapsed: Double { Date().timeIntervalSince(start) }
}

/// `m:ss` for an ETA.
func clock(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "--:--" }
    let s = Int(seconds.rounded())
    return String(format: "%d:%02d", s / 60, s % 60)
}

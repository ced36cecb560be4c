import Foundation

/// When each part of `nnviz report` ended and the peak memory by then, for
/// `NNVIZ_REPORT_TIMINGS=1` (the split W6 of nnviz-bench prints): parsing, adding to the store,
/// sections (figure data and facts), render and write, waiting for the copies of the event files.
struct ReportTimings {
    /// Whether `NNVIZ_REPORT_TIMINGS` is set.
    static var isOn: Bool { ProcessInfo.processInfo.environment["NNVIZ_REPORT_TIMINGS"] != nil }
    var start: Date
    var read = Date(), built = Date(), written = Date()
    var addSeconds = 0.0
    /// Peak resident memory (MB) when reading, the sections and the writing ended.
    var peakRead = 0.0, peakBuilt = 0.0, peakWritten = 0.0

    mutating func markRead(addSeconds: Double) { read = Date(); self.addSeconds = addSeconds; peakRead = Self.peakMB() }
    mutating func markBuilt() { built = Date(); peakBuilt = Self.peakMB() }
    mutating func markWritten() { written = Date(); peakWritten = Self.peakMB() }

    func text(end: Date) -> String {
        let s = [read.timeIntervalSince(start) - addSeconds, addSeconds, built.timeIntervalSince(read), written.timeIntervalSince(built),
                 end.timeIntervalSince(written)].map { String(format: "%.2f", $0) }
        return "parse \(s[0]) s, reduce \(s[1]) s, sections \(s[2]) s, render+write \(s[3]) s, copy wait \(s[4]) s; "
            + String(format: "peak RSS after reading %.0f MB, sections %.0f MB, writing %.0f MB", peakRead, peakBuilt, peakWritten)
    }

    /// The process's peak resident memory so far (`VmHWM`), in MB; 0 where /proc is missing.
    static func peakMB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return (line?.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0) / 1024
    }
}

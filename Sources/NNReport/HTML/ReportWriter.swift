import Foundation
import NNEngine
import NNEvents
import NNPlot

/// Writes a report folder: `index.html` (self-contained: CSS inline, every figure inline as a
/// base64 PNG, no network requests), `figures/` (PNG, SVG, PDF per figure), `data/` (each
/// figure's numbers as CSV, each run's events) and `config.yaml`.
public struct ReportWriter {
    /// Where the report goes.
    public var directory: URL
    /// Figure formats written to `figures/`.
    public var formats: [String] = ["png", "svg", "pdf"]
    /// Resolution of the PNGs (files and inline).
    public var dpi = 144.0
    /// The block at the end of the page.
    public var provenance: [(String, String)] = []
    /// The page title.
    public var title = "nnviz report"

    public init(directory: URL) { self.directory = directory }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Renders every figure, writes the files and the page; returns the page's path.
    /// Runs' event files (already written) are expected in `data/`.
    @discardableResult
    public func write(sections: [Section], config: String?) throws -> URL {
        let fm = FileManager.default
        try fm.createDirectory(at: directory.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try fm.createDirectory(at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        var body = ""
        var toc = ""
        for section in sections {
            toc += "<li><a href=\"#\(section.id)\">\(Self.escape(section.title))</a></li>"
            body += "<section id=\"\(section.id)\"><h2>\(Self.escape(section.title))</h2>"
            body += "<p class=\"intro\">\(Self.escape(section.intro))</p>"
            if !section.findings.isEmpty {
                body += "<div class=\"findings\"><h3>What this run measured</h3>" + section.findings.map { "<p>\(Self.escape($0))</p>" }.joined() + "</div>"
            }
            for f in section.figures {
                var fig = f.figure
                fig.source = "nnviz \(NNReportInfo.version), report figure \(f.name)"
                let png = try fig.render(.png(dpi: dpi))
                for ext in formats {
                    let path = directory.appendingPathComponent("figures/\(f.name).\(ext)").path
                    if ext == "png" { try AtomicFile.write(png, to: path) } else { try fig.write(to: path) }
                }
                try AtomicFile.write(Data(f.csv.utf8), to: directory.appendingPathComponent("data/\(f.name).csv").path)
                let links = formats.map { "<a href=\"figures/\(f.name).\($0)\">\($0.uppercased())</a>" }.joined(separator: " · ")
                body += "<figure id=\"fig-\(f.name)\"><img alt=\"\(Self.escape(f.figure.title ?? f.caption))\" src=\"data:image/png;base64,\(png.base64EncodedString())\">"
                body += "<figcaption>\(Self.escape(f.caption)) <span class=\"files\">\(links) · <a href=\"data/\(f.name).csv\">CSV</a></span></figcaption></figure>"
            }
            if !section.facts.isEmpty {
                body += "<h3>Facts measured in this run</h3><table class=\"facts\"><tr><th>quantity</th><th>value</th></tr>"
                body += section.facts.map { "<tr><td>\(Self.escape($0.label))</td><td class=\"num\">\(Self.escape($0.text))</td></tr>" }.joined() + "</table>"
            }
            if !section.diagnoses.isEmpty {
                body += "<h3>Diagnoses</h3><p class=\"note\">Each rule states its threshold; “did not fire” means the run was checked and the rule held; “not measured” means the run lacks the data the rule needs.</p>"
                body += "<table class=\"diag\"><tr><th>run</th><th>diagnosis</th><th>result</th><th>measured</th><th>where</th><th>rule</th></tr>"
                for (run, results) in section.diagnoses {
                    for d in results where d.status != .notMeasured {
                        body += "<tr class=\"\(d.status == .fired ? "fired" : "clear")\"><td>\(Self.escape(run))</td><td>\(Self.escape(d.name))</td>"
                        body += "<td>\(d.status.rawValue)</td><td>\(Self.escape(d.measured))</td><td>\(Self.escape(d.location))</td><td>\(Self.escape(d.rule))</td></tr>"
                    }
                    // Rules the run has no data for, in one row (e.g. runs that recorded losses only).
                    let missing = results.filter { $0.status == .notMeasured }
                    if !missing.isEmpty {
                        body += "<tr class=\"na\"><td>\(Self.escape(run))</td><td colspan=\"2\">not measured</td><td colspan=\"3\">"
                        body += missing.map { "\(Self.escape($0.name)) (\(Self.escape($0.measured)))" }.joined(separator: "; ") + "</td></tr>"
                    }
                }
                body += "</table>"
            }
            if section.settings.count > 1 {
                body += "<h3>Settings</h3><table class=\"settings\"><tr>" + section.settings[0].map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr>"
                body += section.settings.dropFirst().map { "<tr>" + $0.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
            }
            body += "</section>"
        }
        if let config { try AtomicFile.write(Data(config.utf8), to: directory.appendingPathComponent("config.yaml").path) }
        let prov = "<footer><h2>Provenance</h2><table>" + provenance.map { "<tr><th>\(Self.escape($0.0))</th><td>\(Self.escape($0.1))</td></tr>" }.joined()
            + "</table><p>Files beside this page: <code>figures/</code> (PNG at \(Int(dpi)) dpi, SVG, PDF), <code>data/</code> (each figure's numbers as CSV, each run's <code>events.jsonl</code>)\(config != nil ? ", <code>config.yaml</code> (reproduces this report)" : "").</p></footer>"
        let html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:1000px;margin:0 auto;padding:24px;color:#222;line-height:1.45}
        h1{font-size:26px;margin-bottom:4px}h2{font-size:21px;border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:40px}
        h3{font-size:16px;margin-top:22px}.intro{font-size:15px}.findings{background:#F2F7FB;border-left:4px solid #0072B2;padding:4px 14px;margin:14px 0}
        figure{margin:22px 0;break-inside:avoid}figure img{max-width:100%;height:auto;display:block;border:1px solid #eee}
        figcaption{font-size:13px;color:#444;margin-top:6px}.files{white-space:nowrap;color:#777}.files a{color:#0072B2}
        table{border-collapse:collapse;font-size:12.5px;margin:8px 0;width:100%}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
        th{background:#f5f5f5}td.num{font-variant-numeric:tabular-nums;white-space:nowrap}tr.fired td:nth-child(3){color:#B3400A;font-weight:bold}
        tr.clear td:nth-child(3){color:#00704A}tr.na td{color:#888}.note{font-size:12.5px;color:#555}nav ol{columns:2}footer{margin-top:48px;font-size:13px}
        @media print{body{max-width:none;padding:0;font-size:11pt}h2{break-before:page}figure,table{break-inside:avoid}.files{display:none}a{color:inherit;text-decoration:none}}
        </style></head><body>
        <h1>\(Self.escape(title))</h1>
        <p>How neural networks train, shown with numbers measured in this run. Every figure is also in <code>figures/</code> as PNG, SVG and PDF for slides and lecture notes.</p>
        <nav><ol>\(toc)</ol></nav>
        \(body)
        \(prov)
        </body></html>
        """
        let page = directory.appendingPathComponent("index.html")
        try AtomicFile.write(Data(html.utf8), to: page.path)
        return page
    }
}


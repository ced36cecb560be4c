import NNEvents

/// The HTML of one section, except its figures' images (the writer renders those).
enum SectionHTML {
    static func esc(_ s: String) -> String { HTMLText.escape(s) }

    /// Heading, teaching text and findings.
    static func head(_ section: Section) -> String {
        var body = "<section id=\"\(esc(section.id))\"><h2>\(esc(section.title))</h2>"
        body += "<p class=\"intro\">\(esc(section.intro))</p>"
        if !section.findings.isEmpty {
            body += "<div class=\"findings\"><h3>\(esc(ReportText.text("section.measured")))</h3>"
            body += section.findings.map { "<p>\(esc($0))</p>" }.joined() + "</div>"
        }
        return body
    }

    /// A figure with its inline PNG, caption and links to its files.
    /// Wide figures print on landscape pages, where their tick labels stay at least 7 pt; a
    /// figure opens its PNG when tapped (on a phone, to zoom).
    static func figure(_ f: FigureOutput, png base64: String, formats: [String]) -> String {
        let links = formats.map { "<a href=\"figures/\(f.name).\($0)\">\($0.uppercased())</a>" }.joined(separator: " · ")
        let wide = f.figure.width > 640 ? " class=\"wide\"" : ""
        var img = "<img alt=\"\(esc(f.figure.title ?? f.caption))\" src=\"data:image/png;base64,\(base64)\">"
        if formats.contains("png") { img = "<a href=\"figures/\(f.name).png\">" + img + "</a>" }
        var body = "<figure id=\"fig-\(f.name)\"\(wide)>" + img
        body += "<figcaption>\(esc(f.caption)) <span class=\"files\">\(links) · <a href=\"data/\(f.name).csv\">CSV</a></span></figcaption></figure>"
        return body
    }

    /// Facts, diagnoses and settings, and the section's end.
    static func tail(_ section: Section) -> String {
        var body = ""
        if !section.facts.isEmpty {
            body += "<h3>\(esc(ReportText.text("section.facts")))</h3><div class=\"tablebox\"><table class=\"facts\"><tr>"
            body += "<th>\(esc(ReportText.text("section.quantity")))</th><th>\(esc(ReportText.text("section.value")))</th></tr>"
            body += section.facts.map { "<tr><td>\(esc($0.label))</td><td class=\"num\">\(esc($0.text))</td></tr>" }.joined() + "</table></div>"
        }
        if !section.diagnoses.isEmpty { body += diagnoses(section.diagnoses) }
        if section.settings.count > 1 {
            body += "<h3>\(esc(ReportText.text("section.settings")))</h3><div class=\"tablebox\"><table class=\"settings\"><tr>"
            body += section.settings[0].map { "<th>\(esc($0))</th>" }.joined() + "</tr>"
            body += section.settings.dropFirst().map { "<tr>" + $0.map { "<td>\(esc($0))</td>" }.joined() + "</tr>" }.joined() + "</table></div>"
        }
        if !section.notes.isEmpty {
            body += "<h3>\(esc(ReportText.text("section.notes")))</h3><ul class=\"notes\">" + section.notes.map { "<li>\(esc($0))</li>" }.joined() + "</ul>"
        }
        return body + "</section>"
    }

    static func diagnoses(_ all: [(run: String, results: [Diagnosis])]) -> String {
        var body = "<h3>\(esc(ReportText.text("diagnoses.heading")))</h3><p class=\"note\">\(esc(ReportText.text("diagnoses.note")))</p>"
        let columns = ["run", "diagnosis", "result", "measured", "where", "rule"].map { "<th>\(esc(ReportText.text("diagnoses.\($0)")))</th>" }
        body += "<div class=\"tablebox\"><table class=\"diag\"><tr>" + columns.joined() + "</tr>"
        for (run, results) in all {
            for d in results where d.status != .notMeasured {
                body += "<tr class=\"\(d.status == .fired ? "fired" : "clear")\"><td>\(esc(run))</td><td>\(esc(d.name))</td>"
                body += "<td>\(esc(d.status.text))</td><td>\(esc(d.measured))</td><td>\(esc(d.location))</td><td>\(esc(d.rule))</td></tr>"
            }
            // In print, the rules that held fold into one row per run.
            let held = results.filter { $0.status == .clear }
            if !held.isEmpty {
                body += "<tr class=\"clear-summary\"><td>\(esc(run))</td><td colspan=\"2\">\(esc(Diagnosis.Status.clear.text))</td><td colspan=\"3\">"
                body += held.map { "\(esc($0.name)) (\(esc($0.measured)))" }.joined(separator: "; ") + "</td></tr>"
            }
            // Rules the run has no data for, in one row (e.g. runs that recorded losses only).
            let missing = results.filter { $0.status == .notMeasured }
            if !missing.isEmpty {
                body += "<tr class=\"na\"><td>\(esc(run))</td><td colspan=\"2\">\(esc(Diagnosis.Status.notMeasured.text))</td><td colspan=\"3\">"
                body += missing.map { "\(esc($0.name)) (\(esc($0.measured)))" }.joined(separator: "; ") + "</td></tr>"
            }
        }
        return body + "</table></div>"
    }
}

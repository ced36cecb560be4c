import NNEvents

/// The page around the sections: head, style, title, table of contents and provenance.
enum ReportPage {
    static let style = """
    body{font-family:"DejaVu Sans",Helvetica,Arial,NanumGothic,"Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;
    max-width:1000px;margin:0 auto;padding:24px;color:#222;line-height:1.45}
    h1{font-size:26px;margin-bottom:4px}h2{font-size:21px;border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:40px}
    h3{font-size:16px;margin-top:22px}.intro{font-size:15px}.findings{background:#F2F7FB;border-left:4px solid #0072B2;padding:4px 14px;margin:14px 0}
    figure{margin:22px 0;break-inside:avoid}figure img{max-width:100%;height:auto;display:block;border:1px solid #eee}
    figcaption{font-size:13px;color:#444;margin-top:6px}.files{white-space:nowrap;color:#777}.files a{color:#0072B2}
    .tablebox{max-width:100%;overflow-x:auto}
    table{border-collapse:collapse;font-size:12.5px;margin:8px 0;width:100%}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
    th{background:#f5f5f5}td.num{font-variant-numeric:tabular-nums;white-space:nowrap}tr.fired td:nth-child(3){color:#B3400A;font-weight:bold}
    tr.clear td:nth-child(3){color:#00704A}tr.na td,tr.clear-summary td{color:#888}tr.clear-summary{display:none}.note{font-size:12.5px;color:#555}
    :lang(ko){word-break:keep-all}nav ol{columns:2}footer{margin-top:48px;font-size:13px}ul.notes{font-size:13px;color:#444}
    @media (max-width:600px){body{padding:10px}h1{font-size:21px}h2{font-size:18px;margin-top:28px}.intro{font-size:14px}nav ol{columns:1}\
    table{font-size:11.5px}.files{white-space:normal}}
    @page{margin:14mm}@page wide{size:landscape;margin:8mm}
    @media print{body{max-width:none;padding:0;font-size:10.5pt}section{break-before:page}section:first-of-type{break-before:auto}\
    h2,h3{break-after:avoid}figure{break-inside:avoid}figure.wide{page:wide;margin:0}\
    figure.wide img{max-height:180mm;width:auto;margin:0 auto}figcaption{font-size:8.5pt}.tablebox{overflow:visible}table{font-size:8.5pt}\
    tr{break-inside:avoid}tr.clear{display:none}tr.clear-summary{display:table-row}.files{display:none}a{color:inherit;text-decoration:none}}
    """

    /// The provenance block at the end of the page.
    static func footer(_ provenance: [(String, String)], dpi: Double, hasConfig: Bool) -> String {
        let rows = provenance.map { "<tr><th>\(HTMLText.escape($0.0))</th><td>\(HTMLText.escape($0.1))</td></tr>" }.joined()
        var files = [ReportText.html("footer.figures_html", ["figures": "<code>figures/</code>", "dpi": "\(Int(dpi))"]),
                     ReportText.html("footer.data_html", ["data": "<code>data/</code>", "events": "<code>events.jsonl</code>"])]
        if hasConfig { files.append(ReportText.html("footer.config_html", ["config": "<code>config.yaml</code>"])) }
        return "<footer><h2>\(HTMLText.escape(ReportText.text("footer.heading")))</h2><table>" + rows + "</table><p>"
            + ReportText.html("footer.files_html", ["files": files.joined(separator: ", ")]) + "</p></footer>"
    }

    /// The whole page, in the current language (its `lang`, its lead paragraph).
    static func html(title: String, sections: [Section], body: String, footer: String) -> String {
        let toc = sections.map { "<li><a href=\"#\(HTMLText.escape($0.id))\">\(HTMLText.escape($0.title))</a></li>" }.joined()
        return """
        <!DOCTYPE html>
        <html lang="\(Language.current.code)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(style)
        </style></head><body>
        <h1>\(HTMLText.escape(title))</h1>
        <p>\(ReportText.html("page.lead_html", ["figures": "<code>figures/</code>"]))</p>
        <nav><ol>\(toc)</ol></nav>
        \(body)
        \(footer)
        </body></html>
        """
    }
}

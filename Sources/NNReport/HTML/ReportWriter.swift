import Foundation
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
    /// The theme every figure is drawn in (nil: each figure's own, the screen theme).
    public var theme: Theme?
    /// The page title (nil: "nnviz report", in the report's language).
    public var title: String?
    /// The language of everything the page says: headings, tables, diagnoses. Sections carry
    /// their own texts, so build them in the same language (``ReportSections/build(_:builders:language:)``).
    public var language = Language.english
    /// Told, one line per figure, when a figure has characters no installed font has (Pango
    /// draws them as boxes: a Korean report without a Korean font, say).
    public var warn: ((String) -> Void)?

    /// A writer into `directory`.
    public init(directory: URL) { self.directory = directory }

    /// Renders every figure, writes the files and the page; returns the page's path.
    /// Runs' event files (already written) are expected in `data/`.
    @discardableResult
    public func write(sections: [Section], config: String?) throws -> URL {
        try language.apply { try writeInLanguage(sections: sections, config: config) }
    }

    private func writeInLanguage(sections: [Section], config: String?) throws -> URL {
        try FileWriting.folder(directory.appendingPathComponent("figures"))
        try FileWriting.folder(directory.appendingPathComponent("data"))
        var body = ""
        for section in sections {
            body += SectionHTML.head(section)
            for f in section.figures { body += try writeFigure(f) }
            body += SectionHTML.tail(section)
        }
        if let config { try FileWriting.write(Data(config.utf8), to: directory.appendingPathComponent("config.yaml")) }
        let footer = ReportPage.footer(provenance, dpi: dpi, hasConfig: config != nil)
        let html = ReportPage.html(title: title ?? ReportText.text("page.title"), sections: sections, body: body, footer: footer)
        let page = directory.appendingPathComponent("index.html")
        try FileWriting.write(Data(html.utf8), to: page)
        return page
    }

    /// Renders a figure into `figures/` and its CSV into `data/`; returns its HTML.
    func writeFigure(_ f: FigureOutput) throws -> String {
        var fig = theme.map { f.figure.restyled($0) } ?? f.figure
        fig.source = "nnviz \(NNVizVersion.string), report figure \(f.name)"
        let rendered = try fig.renderChecked(.png(dpi: dpi))
        if rendered.unknownGlyphs > 0, let warn {
            let texts = rendered.textsWithUnknownGlyphs.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            warn("figure \(f.name): no installed font has \(rendered.unknownGlyphs) of its characters (in \(texts)); "
                 + "install a font that has them (Hangul: fonts-nanum, which make deps installs)")
        }
        let png = rendered.data
        for ext in formats {
            let url = directory.appendingPathComponent("figures/\(f.name).\(ext)")
            switch ext {
            case "png": try FileWriting.write(png, to: url)
            case "svg": try FileWriting.write(try fig.render(.svg), to: url)
            case "pdf": try FileWriting.write(try fig.render(.pdf), to: url)
            default: throw RenderError.write(path: url.path, reason: "unknown figure format '.\(ext)' (use png, svg or pdf)")
            }
        }
        try FileWriting.write(Data(f.csv.utf8), to: directory.appendingPathComponent("data/\(f.name).csv"))
        return SectionHTML.figure(f, png: png.base64EncodedString(), formats: formats)
    }
}

import ArgumentParser
import Foundation
import NNEvents
import NNPlot
import NNReport

/// The options of the report's figures and language, shared by `train-and-report` and `report`.
struct FigureOptions: ParsableArguments {
    @Option(help: "Figure formats written to figures/, comma-separated (png, svg, pdf).") var formats = "png,svg,pdf"
    @Option(help: ArgumentHelp("Figure theme: screen (the default), print (89 mm columns, small type) or slide (16:9, large type).",
                               valueName: "theme")) var theme = "screen"
    @Option(parsing: .unconditional, help: "Resolution of the PNGs, in dots per inch (36 to 600).") var dpi = 144.0
    @Option(help: ArgumentHelp("Language of the report: \(Language.available.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")); "
                               + "English by default. Progress lines stay English.", valueName: "code")) var lang: String?

    /// The language asked for with `--lang`, if any.
    var language: Language? { lang.flatMap(Language.init(code:)) }

    static let themes: [String: Theme] = ["screen": .screen, "print": .print, "slide": .slide]

    func validate() throws {
        for f in formats.split(separator: ",") where !["png", "svg", "pdf"].contains(f.trimmingCharacters(in: .whitespaces)) {
            throw ValidationError("--formats: unknown format '\(f)' (png, svg, pdf)")
        }
        guard Self.themes[theme] != nil else { throw ValidationError("--theme: unknown theme '\(theme)' (screen, print, slide)") }
        guard (36...600).contains(dpi) else { throw ValidationError("--dpi must be between 36 and 600, got \(dpi)") }
        if let lang, Language(code: lang) == nil {
            throw ValidationError("--lang: unknown language '\(lang)' (\(Language.available.map(\.code).joined(separator: ", ")))")
        }
    }

    /// Sets a writer's formats, theme, resolution and language (`--lang`, else `fallback`).
    func apply(to writer: inout ReportWriter, language fallback: Language = .english) {
        writer.language = language ?? fallback
        writer.warn = { FileHandle.standardError.write(Data("nnviz: warning: \($0)\n".utf8)) }
        writer.formats = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        writer.theme = theme == "screen" ? nil : Self.themes[theme]
        writer.dpi = dpi
    }
}

import Foundation
import NNEvents

/// The report's own texts (`report.<language>.yaml`) in the current language
/// (``NNEvents/Language/current``): the page, its tables, figure labels several sections share,
/// facts, the generic section. Studies use it for the labels they share with the report
/// (`axis.step`, `axis.layer`, ...).
public enum ReportText {
    /// NNReport's texts, every language.
    public static let catalog = TextCatalog(files: TextIndex.files)

    /// The text under `key` with its placeholders filled; English when the current language
    /// lacks it, and the key itself when English does too (a test checks that none does).
    public static func text(_ key: String, _ values: [String: String] = [:]) -> String {
        (try? catalog.text("report", key, values)) ?? key
    }

    /// A data set's name as a run's events give it, in the current language when the report's
    /// texts have it (`dataset.<name>`: the built-in studies' data), else as it is.
    public static func dataset(_ name: String) -> String {
        (try? catalog.text("report", "dataset.\(name)")) ?? name
    }

    /// The text under `key`, HTML-escaped, with its placeholders filled with `html` as is (markup).
    static func html(_ key: String, _ html: [String: String]) -> String {
        var markers: [String: String] = [:]
        for (k, name) in html.keys.sorted().enumerated() { markers[name] = "\u{1}\(k)\u{1}" }
        var out = HTMLText.escape(text(key, markers))
        for (name, marker) in markers { out = out.replacingOccurrences(of: marker, with: html[name] ?? "") }
        return out
    }
}

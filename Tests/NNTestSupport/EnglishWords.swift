import Foundation

/// Finds English left in a text that should be Korean: every word of Latin letters that is not
/// a name or code the Korean report keeps as it is (ReLU, Adam, Xavier, PNG, ...). Identifiers
/// (anything with `/`, `_`, `=` or `@`: run names, layer names, settings keys, file paths), options
/// (`--quick`) and single letters (maths) are code, not English.
public enum EnglishWords {
    /// Names and code the Korean report writes in Latin script, lower-cased.
    public static let allowed: Set<String> = [
        // activations, initialisers, optimisers, as the course notes write them
        "relu", "sigmoid", "tanh", "xavier", "he", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
        // data, formats, tools, people
        "mnist", "idx", "png", "svg", "pdf", "csv", "dpi", "nnviz", "tensorboard", "kaiser", "li", "pc",
        "tf", "playground", "rosenblatt", "glorot",
        // the Keras example of the course notes: its library, layer and data set (Friedman #1)
        "keras", "dense", "friedman",
        // maths, and the number type and axis scale as code names them
        "ln", "log", "sin", "nan", "max", "std", "inf", "float", "symlog",
    ]

    /// Logic gates, as the course notes write them: upper case only, so that "and", "or", "not" stay English.
    public static let gates: Set<String> = ["AND", "OR", "NAND", "NOR", "XOR", "XNOR", "NOT"]

    /// The words of `text` that are neither allowed names nor code, each with a little context.
    /// `names` are the identifiers of the data (run and study names, run labels, layer names):
    /// they are left out first, longest first.
    public static func find(in text: String, names: Set<String> = []) -> [String] {
        var text = text
        for name in names.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: name, with: " ") }
        var found: [String] = []
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            if chunk.contains(where: { "/_=@".contains($0) }) || chunk.hasPrefix("--") { continue }
            let words = chunk.split { !($0.isASCII && $0.isLetter) }
            for w in words where w.count > 1 && !allowed.contains(w.lowercased()) && !gates.contains(String(w)) { found.append("'\(w)' in '\(chunk)'") }
        }
        return found
    }

    /// The text a reader of an HTML page sees: no style, no tags, no `<code>` (file names), no
    /// inline images; entities decoded.
    public static func visibleText(ofHTML html: String) -> String {
        var s = html
        for pattern in ["<style>[\\s\\S]*?</style>", "<code>[\\s\\S]*?</code>", "src=\"data:[^\"]*\"", "<[^>]+>"] {
            s = s.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] { s = s.replacingOccurrences(of: entity, with: char) }
        return s
    }
}

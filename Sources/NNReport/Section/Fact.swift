import NNPlot

/// A measured fact: a label and a number (with its unit or meaning).
public struct Fact: Sendable {
    /// What was measured.
    public var label: String
    /// The number, when the fact is one (nil: a text fact, or not measured).
    public var value: Double?
    /// The value as shown.
    public var text: String

    /// A fact; `text` defaults to the formatted value, or "not measured" (in the current language).
    public init(_ label: String, _ value: Double?, _ text: String? = nil) {
        self.label = label
        self.value = value
        self.text = text ?? value.map { formatNumber($0) } ?? ReportText.text("fact.not_measured")
    }
}

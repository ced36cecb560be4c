import NNEvents

/// One study's section of the report: plain values the HTML writer lays out.
public struct Section {
    /// The anchor of the section in the page.
    public var id: String
    /// The section's heading.
    public var title: String
    /// What to look at (teaching text, independent of the run).
    public var intro: String
    /// Sentences stating what this run measured.
    public var findings: [String]
    /// The figures, in order.
    public var figures: [FigureOutput]
    /// Measured facts.
    public var facts: [Fact]
    /// Each run's diagnoses.
    public var diagnoses: [(run: String, results: [Diagnosis])]
    /// Settings table: header then rows.
    public var settings: [[String]]
    /// Notes under the settings: how the runs differ from the book they follow.
    public var notes: [String]

    /// A section.
    public init(id: String, title: String, intro: String, findings: [String], figures: [FigureOutput], facts: [Fact],
                diagnoses: [(run: String, results: [Diagnosis])], settings: [[String]], notes: [String] = []) {
        self.id = id; self.title = title; self.intro = intro; self.findings = findings; self.figures = figures
        self.facts = facts; self.diagnoses = diagnoses; self.settings = settings; self.notes = notes
    }
}

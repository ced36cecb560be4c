import NNReport

/// What a study's section collects while its figures are built: figures, facts and findings.
struct SectionParts {
    var figures: [FigureOutput] = []
    var facts: [Fact] = []
    var findings: [String] = []
}

import NNEvents
import NNReport

/// A study: one lesson of the course as a unit. It says what it trains (its runs, with the
/// book's settings) and what else it computes (events that are not training runs), and, as a
/// ``SectionBuilder``, how its section of the report is drawn from the event store.
///
/// A built-in study is a folder under `Sources/NNStudies/` with a type conforming to this
/// protocol, its section code, and its prose (`<id>.en.yaml`); one line in
/// ``StudyRegistry/builtIn`` registers it for `nnviz studies`, `--study`, configs and reports.
public protocol Study: SectionBuilder {
    /// One line for `nnviz studies`.
    var summary: String { get }
    /// The training runs of the study under `settings`.
    func runs(_ settings: StudySettings) -> [RunSpec]
    /// Events of the study's parts that are not training runs (closed-form curves, paths on a
    /// test function, histograms of one forward pass).
    func staticEvents(_ settings: StudySettings) -> [Event]
}

extension Study {
    /// No events besides the training runs.
    public func staticEvents(_ settings: StudySettings) -> [Event] { [] }
}

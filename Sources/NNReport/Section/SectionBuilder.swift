import NNEvents

/// Draws one section of the report from the runs of the event store that belong to it.
///
/// A run belongs to the builder whose `eventStudies` lists the `study` of its `run_start`.
/// The studies in NNStudies conform; runs no builder claims get the generic section.
public protocol SectionBuilder: Sendable {
    /// The section's anchor in the page (also the study's name on the command line).
    var id: String { get }
    /// The `study` names of the runs this section draws (one study may record several kinds).
    var eventStudies: [String] { get }
    /// The section, from the claimed runs grouped by their `study` name.
    func section(_ runs: [String: [EventStore.Run]]) throws -> Section
}

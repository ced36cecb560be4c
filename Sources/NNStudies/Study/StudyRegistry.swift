import Foundation
import NNEvents
import NNReport

/// The studies nnviz knows: the built-in ones, then any registered at run time (a test's
/// fixture study, a course's own). `nnviz studies`, `--study`, configs and reports ask here.
public enum StudyRegistry {
    /// The built-in studies, in the order of the course (and of the default report). One line per study.
    public static let builtIn: [any Study] = [
        PerceptronStudy(),
        BoundariesStudy(),
        BackpropStudy(),
        ActivationsStudy(),
        ScalingStudy(),
        VanishingStudy(),
        InitializationStudy(),
        OptimizerStudy(),
        BatchNormStudy(),
        RegularizationStudy(),
        LearningRateStudy(),
        HPSearchStudy(),
    ]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var extra: [any Study] = []

    /// Every study: built-in first, then registered ones in the order they were registered.
    public static var all: [any Study] {
        lock.lock(); defer { lock.unlock() }
        return builtIn + extra
    }

    /// Adds a study (replacing an earlier registered one with the same id).
    public static func register(_ study: any Study) {
        lock.lock(); defer { lock.unlock() }
        extra.removeAll { $0.id == study.id }
        extra.append(study)
    }

    /// The study called `id`, if there is one.
    public static func study(_ id: String) -> (any Study)? { all.first { $0.id == id } }

    /// The ids, for help texts and errors.
    public static var ids: [String] { all.map(\.id) }

    /// The report's sections for every run of `store`: studies' sections in registry order, then
    /// a generic section for each study name no study claims; every text in `language`.
    public static func sections(_ store: NNEvents.EventStore, language: Language = .english) throws -> [Section] {
        try ReportSections.build(store, builders: all, language: language)
    }
}

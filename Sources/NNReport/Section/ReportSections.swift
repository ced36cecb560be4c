import NNEvents

/// Turns an event store into the report's sections.
public enum ReportSections {
    /// One section per builder that has runs in `store`, in the builders' order, then a generic
    /// section for each study no builder claims, sorted by name; every text in `language`
    /// (the builders run with it as ``NNEvents/Language/current``).
    public static func build(_ store: EventStore, builders: [any SectionBuilder], language: Language = .english) throws -> [Section] {
        try language.apply { try build(store, builders) }
    }

    private static func build(_ store: EventStore, _ builders: [any SectionBuilder]) throws -> [Section] {
        let byStudy = Dictionary(grouping: store.runs) { $0.start?.study ?? "unknown" }
        var sections: [Section] = []
        var claimed = Set<String>()
        for builder in builders {
            let mine = byStudy.filter { builder.eventStudies.contains($0.key) }
            claimed.formUnion(builder.eventStudies)
            if !mine.isEmpty { sections.append(try builder.section(mine)) }
        }
        for study in byStudy.keys.filter({ !claimed.contains($0) }).sorted() {
            var section = GenericSection.make(study: study, runs: byStudy[study] ?? [])
            // Two study names with the same slug ("a b" and "a_b") must not share figure files.
            if sections.contains(where: { $0.id == section.id }) {
                let suffix = "-" + Slug.hash(study)
                section.id += suffix
                for k in section.figures.indices { section.figures[k].name += suffix }
            }
            sections.append(section)
        }
        return sections
    }
}

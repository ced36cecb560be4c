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
        // Every section id and figure name so far: the page's ids (`fig-` + name) and files.
        var used = Set<String>()
        for builder in builders {
            let mine = byStudy.filter { builder.eventStudies.contains($0.key) }
            claimed.formUnion(builder.eventStudies)
            if !mine.isEmpty {
                let section = try builder.section(mine)
                sections.append(section)
                used.formUnion(names(section))
            }
        }
        for study in byStudy.keys.filter({ !claimed.contains($0) }).sorted() {
            var section = GenericSection.make(study: study, runs: byStudy[study] ?? [])
            // Two study names with the same slug ("a/b" and "a-b"), or one named like another's
            // figure, must not share an anchor or figure files: the later gets a hash of its name.
            let base = section
            var k = 0
            while !used.isDisjoint(with: names(section)) {
                let suffix = "-" + Slug.hash(k == 0 ? study : "\(study)#\(k)")
                section.id = base.id + suffix
                for i in section.figures.indices { section.figures[i].name = base.figures[i].name + suffix }
                k += 1
            }
            sections.append(section)
            used.formUnion(names(section))
        }
        return sections
    }

    /// A section's anchor and its figures' anchors (`fig-NAME`), which are also their file names.
    private static func names(_ section: Section) -> [String] {
        [section.id] + section.figures.flatMap { [$0.name, "fig-" + $0.name] }
    }
}

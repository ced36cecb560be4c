import ArgumentParser
import Foundation
import NNEngine
import NNEvents
import NNReport
import NNStudies

/// `nnviz train-and-report`: runs the studies on the embedded data and writes the report.
struct TrainAndReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-and-report",
        abstract: "Run the studies and write a self-contained HTML report with its figures and data.",
        discussion: """
        With no arguments, runs every study on the embedded MNIST subset and writes reports/studies/index.html.

        Examples:
          nnviz train-and-report                               all studies, the book's settings
          nnviz train-and-report --quick                       fewer steps: a first look in seconds
          nnviz train-and-report --study vanishing --study init --seed 7
          nnviz train-and-report --study init --repeats 5         every run with 5 seeds: means, ranges, spreads
          nnviz train-and-report --config examples/custom.yaml --out reports/custom
          nnviz train-and-report --theme slide --dpi 200   figures for slides
          nnviz train-and-report --lang ko                     the whole report in Korean
        """
    )

    @Option(name: .customLong("study"), help: ArgumentHelp("A study to run (repeatable); `nnviz studies` lists them.", valueName: "name"))
    var studyNames: [String] = []
    @Option(help: "A YAML config file (see examples/).") var config: String?
    @Option(help: "Output folder (default reports/<name>).") var out: String?
    @Option(parsing: .unconditional, help: "Seed for every random draw (overrides the config's).") var seed: UInt64?
    @Flag(help: "Fewer steps, for a first look and for tests.") var quick = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Run every training run N times with seeds seed, seed+1, ...: curves show the mean "
                                                        + "and the range, facts the spread (overrides the config's).", valueName: "N"))
    var repeats: Int?
    @OptionGroup var figures: FigureOptions
    @Option(help: "IDX images file to use instead of the embedded MNIST subset.") var images: String?
    @Option(help: "IDX labels file matching --images.") var labels: String?
    @Flag(help: "Print nothing but the report's path and errors.") var quiet = false

    func validate() throws {
        guard (images == nil) == (labels == nil) else { throw ValidationError("--images and --labels go together") }
        if let repeats, repeats < 1 { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        if let repeats, repeats > ConfigLimits.maxRepeats {
            throw ValidationError("--repeats is \(repeats), more than the limit of \(ConfigLimits.maxRepeats) (ConfigLimits.maxRepeats)")
        }
        for s in studyNames where StudyRegistry.study(s) == nil {
            throw ValidationError("--study: unknown study '\(s)' (\(StudyRegistry.ids.joined(separator: ", ")))")
        }
    }

    func run() throws {
        let start = Date()
        var cfg = try config.map { try StudyConfig.load(path: $0) } ?? StudyConfig()
        if !studyNames.isEmpty { cfg.studies = studyNames.compactMap(StudyRegistry.study) }
        if let seed { cfg.seed = seed; cfg.settings.seed = seed; for k in cfg.runs.indices { cfg.runs[k].seed = seed } }
        if quick || cfg.quick { cfg.makeQuick() }
        if let repeats { cfg.repeats = repeats }
        if let images, let labels { cfg.images = images; cfg.labels = labels }
        let dir = URL(fileURLWithPath: out ?? "reports/\(Slug.make(cfg.name))")
        let progress = ProgressBoard(quiet: quiet)
        let custom = cfg.runs.isEmpty ? "" : " + \(cfg.runs.count) custom runs"
        let studies = cfg.studies.map(\.id).joined(separator: ", ")
        let repeated = cfg.repeats > 1 ? ", \(cfg.repeats) seeds each" : ""
        progress.note("nnviz \(NNVizVersion.string): studies \(studies)\(custom), seed \(cfg.seed)\(repeated)\(cfg.quick ? ", quick" : "")")
        // Written into a staging folder and swapped in whole: the old report stays until the new one is complete.
        // On an error (a full disk, say) training stops and the staging folder is removed.
        let folder = try ReportFolder(target: dir)
        try folder.writing {
            let store = try StudyRunner.run(cfg, dataDirectory: folder.staging.appendingPathComponent("data"), progress: progress)
            progress.note("rendering figures")
            var writer = ReportWriter(directory: folder.staging)
            figures.apply(to: &writer, language: cfg.language)
            cfg.language = writer.language
            let language = writer.language
            let sections = try StudyRegistry.sections(store, language: language)
            language.apply {
                writer.title = ReportText.text("page.title_studies")
                writer.provenance = Provenance.rows(config: cfg, dataset: Provenance.dataset(cfg), seconds: Date().timeIntervalSince(start))
            }
            try writer.write(sections: sections, config: cfg.yaml)
        }
        try folder.commit()
        print(folder.target.appendingPathComponent("index.html").path)
    }
}

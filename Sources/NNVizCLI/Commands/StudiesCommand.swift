import ArgumentParser
import NNStudies

/// `nnviz studies`: lists the studies, or every key a study config may hold.
struct StudiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "studies", abstract: "List the studies, or the keys of a study config.",
                                                    discussion: "Examples:\n  nnviz studies\n  nnviz studies --config-keys")

    @Flag(help: "Print every key a YAML study config may hold (Markdown tables, as in docs/CONFIG.md).") var configKeys = false

    func run() throws {
        print(configKeys ? ConfigSchema.markdown : Self.listing(StudyRegistry.all), terminator: "")
    }

    /// One line per study: its name, padded, and its summary.
    static func listing(_ studies: [any Study]) -> String {
        let width = max(11, (studies.map(\.id.count).max() ?? 0) + 1)
        return studies.map { "\($0.id.padding(toLength: width, withPad: " ", startingAt: 0)) \($0.summary)\n" }.joined()
    }
}

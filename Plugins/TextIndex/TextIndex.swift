import Foundation
import PackagePlugin

/// Indexes a module's texts: every `*.yaml` file of the target (its teaching prose, its string
/// tables, in every language) goes into a generated `TextIndex.files`, keyed by file name, so the
/// module can find `<name>.<language>.yaml` by name at run time. A new language of a text is a new
/// file and nothing else: the manifest lists the files, this plugin indexes them.
@main
struct TextIndexPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let inputs = module.sourceFiles(withSuffix: "yaml").map(\.url).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "TextIndex.swift")
        return [.buildCommand(displayName: "Indexing the texts of \(target.name)",
                              executable: try context.tool(named: "nnviz-text-index").url,
                              arguments: [output.path] + inputs.map(\.path), inputFiles: inputs, outputFiles: [output])]
    }
}

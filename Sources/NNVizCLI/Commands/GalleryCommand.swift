import ArgumentParser
import Foundation
import NNPlot

/// `nnviz gallery`: one example of every mark, scale and theme, in PNG, SVG and PDF.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Render an example of every mark, scale and theme as PNG, SVG and PDF.",
        discussion: "Example:\n  nnviz gallery --out gallery && ls gallery"
    )

    @Option(help: "Output folder.") var out = "gallery"
    @Option(help: "PNG resolution in dots per inch.") var dpi = OutputFormat.defaultDPI

    func run() throws {
        for (name, figure) in Gallery.figures() {
            for ext in ["png", "svg", "pdf"] {
                try figure.write(to: "\(out)/\(name).\(ext)", dpi: dpi)
            }
            print("\(out)/\(name).{png,svg,pdf}")
        }
    }
}

// swift-tools-version:6.0
import Foundation
import PackageDescription

/// nnviz: a small neural-network engine that records how networks train, a Cairo renderer (text by Pango) for
/// publication-quality figures, and an HTML report. One module per stage; data flows one way:
///
///     data -> NNEngine (train) -> NNRecorder (observe) -> NNEvents (events, store, analysis)
///          -> NNReport (sections: figures, facts) -> NNPlot (render) -> HTML, PNG, SVG, PDF
///
/// NNStudies holds the studies (what each trains, how its section is drawn, its prose) and the
/// config schema; NNVizCLI wires everything into commands; `nnviz` is its `main`.
/// NNEvents imports Foundation only, NNPlot knows nothing of networks, NNReport no engine type.
/// See docs/ARCHITECTURE.md.

/// A module's texts: every `*.yaml` file under `Sources/<module>` (each study's teaching prose
/// `<id>.<language>.yaml`, the report's and the diagnoses' string tables), compiled into the
/// module (an installed binary needs no resource folder) and indexed by file name by the
/// TextIndex build plugin, so that adding a study or a language needs no line here.
func texts(_ module: String) -> [Resource] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Sources/\(module)")
    let files = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
    return files.filter { $0.hasSuffix(".yaml") }.sorted().map { .embedInCode($0) }
}

let package = Package(
    name: "nnviz",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NNEngine", targets: ["NNEngine"]),
        .library(name: "NNEvents", targets: ["NNEvents"]),
        .library(name: "NNRecorder", targets: ["NNRecorder"]),
        .library(name: "NNPlot", targets: ["NNPlot"]),
        .library(name: "NNReport", targets: ["NNReport"]),
        .library(name: "NNStudies", targets: ["NNStudies"]),
        .library(name: "NNTensorBoard", targets: ["NNTensorBoard"]),
        .executable(name: "nnviz", targets: ["nnviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // System libraries (installed by `make deps` when pkg-config cannot find them).
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Vectorised kernels (clang vector extensions): the engine's element-wise passes and
        // the recorder's statistics.
        .target(name: "CNNKernels"),

        // Stages, in the order data flows.
        .target(name: "NNEngine", dependencies: ["COpenBLAS", "CZlib", "CNNKernels"],
                resources: [.copy("Resources/mnist5k")]),
        .target(name: "NNEvents", exclude: ["EventFormat.md"], resources: texts("NNEvents"), plugins: ["TextIndex"]),
        .target(name: "NNRecorder", dependencies: ["NNEngine", "NNEvents", "CNNKernels"]),
        .target(name: "NNPlot", dependencies: ["CCairo", "CPango", "CPNG"]),
        .target(name: "NNReport", dependencies: ["NNEvents", "NNPlot"], resources: texts("NNReport"), plugins: ["TextIndex"]),
        .target(name: "NNStudies", dependencies: [
            "NNEngine", "NNRecorder", "NNEvents", "NNReport", "NNPlot",
            .product(name: "Yams", package: "Yams"),
        ], resources: texts("NNStudies"), plugins: ["TextIndex"]),
        // TensorBoard event files read into nnviz events (TFRecord framing, protobuf code generated from TensorBoard's
        // .proto files in Proto/ by scripts/generate-tensorboard-protos.sh); knows nothing of the engine.
        .target(name: "NNTensorBoard", dependencies: ["NNEvents", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
                exclude: ["Proto"]),
        .target(name: "NNVizCLI", dependencies: [
            "NNEngine", "NNEvents", "NNPlot", "NNReport", "NNStudies", "NNTensorBoard",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "nnviz", dependencies: ["NNVizCLI"]),
        .executableTarget(name: "nnviz-bench", dependencies: ["NNEngine", "NNRecorder", "NNEvents", "NNPlot", "NNReport", "NNStudies"]),

        // The build plugin that indexes each module's texts by file name, and its tool.
        .plugin(name: "TextIndex", capability: .buildTool(), dependencies: ["nnviz-text-index"]),
        .executableTarget(name: "nnviz-text-index"),

        // Tests mirror the modules; NNTestSupport holds what several of them share.
        .target(name: "NNTestSupport", path: "Tests/NNTestSupport"),
        .testTarget(name: "NNEngineTests", dependencies: ["NNEngine", "NNTestSupport"]),
        .testTarget(name: "NNEventsTests", dependencies: ["NNEvents", "NNTestSupport"]),
        .testTarget(name: "NNRecorderTests", dependencies: ["NNEngine", "NNEvents", "NNRecorder", "NNTestSupport"]),
        .testTarget(name: "NNPlotTests", dependencies: ["NNPlot", "NNTestSupport"]),
        .testTarget(name: "NNReportTests", dependencies: ["NNEvents", "NNPlot", "NNReport", "NNTensorBoard", "NNTestSupport"]),
        .testTarget(name: "NNStudiesTests", dependencies: ["NNEngine", "NNEvents", "NNReport", "NNStudies", "NNTestSupport",
                                                           .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "NNTensorBoardTests", dependencies: ["NNTensorBoard", "NNEvents", "NNTestSupport"]),
        .testTarget(name: "NNVizCLITests", dependencies: ["NNEvents", "NNPlot", "NNReport", "NNStudies", "NNVizCLI", "NNTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

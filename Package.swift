// swift-tools-version:6.0
import PackageDescription

/// nnviz: a small neural-network engine that records how networks train,
/// a Cairo renderer for publication-quality figures, and an HTML report.
///
/// Data flows one way:
/// data -> NNEngine (train) -> NNEvents (events, analysis) -> NNPlot (figures) -> NNReport (HTML)
/// and the `nnviz` executable wires them together.

let package = Package(
    name: "nnviz",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NNEngine", targets: ["NNEngine"]),
        .library(name: "NNEvents", targets: ["NNEvents"]),
        .library(name: "NNPlot", targets: ["NNPlot"]),
        .library(name: "NNReport", targets: ["NNReport"]),
        .executable(name: "nnviz", targets: ["nnviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // System libraries (installed by `make deps` when pkg-config cannot find them).
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        .target(name: "NNEngine", dependencies: ["COpenBLAS", "CZlib", "CNNKernels"],
                resources: [.copy("Resources/mnist5k")],
),
        // Vectorised kernels (clang vector extensions): the engine's element-wise passes and
        // the event recorder's statistics.
        .target(name: "CNNKernels"),
        .target(name: "NNEvents", dependencies: ["NNEngine", "CNNKernels"], exclude: ["EventFormat.md"]),
        .target(name: "NNPlot", dependencies: ["CCairo", "CPNG"]),
        .target(name: "NNReport", dependencies: ["NNEngine", "NNEvents", "NNPlot"],
),
        .executableTarget(name: "nnviz", dependencies: [
            "NNEngine", "NNEvents", "NNPlot", "NNReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "nnviz-bench", dependencies: [
            "NNEngine", "NNEvents", "NNPlot", "NNReport",
        ]),

        .testTarget(name: "NNEngineTests", dependencies: ["NNEngine"]),
        .testTarget(name: "NNEventsTests", dependencies: ["NNEngine", "NNEvents"]),
        .testTarget(name: "NNPlotTests", dependencies: ["NNPlot"]),
        .testTarget(name: "NNReportTests", dependencies: ["NNEngine", "NNEvents", "NNPlot", "NNReport"]),
    ],
    swiftLanguageModes: [.v6]
)

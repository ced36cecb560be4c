// swift-tools-version:6.0
import PackageDescription

/// nnviz's libFuzzer targets: one executable per parser of untrusted input, each calling the same
/// public entry point the CLI uses. A package of its own (it depends on the one above) so that
/// `swift build` of nnviz never builds them: a target calls libFuzzer's driver, so it links only
/// with `-sanitize=fuzzer`. Build and run with `make fuzz` (scripts/fuzz.sh); see docs/FUZZING.md.

/// A target's file is a library with no top-level code. SwiftPM links every executable with
/// `main` defined as `<Target>_main`, so each target defines that function and hands libFuzzer's
/// driver its `LLVMFuzzerTestOneInput` (libFuzzer's own `main` is then not linked).
let entry: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

/// The executable `Fuzz<name>` from `Targets/<name>`, fuzzing a parser of nnviz's `products`.
func fuzzTarget(_ name: String, _ products: String...) -> Target {
    .executableTarget(name: "Fuzz\(name)", dependencies: ["CFuzzDriver"] + products.map { .product(name: $0, package: "nnviz") },
                      path: "Targets/\(name)", swiftSettings: entry)
}

let package = Package(
    name: "nnviz-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "nnviz", path: "..")],
    targets: [
        .target(name: "CFuzzDriver", path: "Targets/CFuzzDriver"),
        fuzzTarget("EventLine", "NNEvents"),
        fuzzTarget("EventFile", "NNEvents"),
        fuzzTarget("Config", "NNStudies"),
        fuzzTarget("IDX", "NNEngine"),
        fuzzTarget("TensorBoard", "NNTensorBoard", "NNEvents"),
    ],
    swiftLanguageModes: [.v6]
)

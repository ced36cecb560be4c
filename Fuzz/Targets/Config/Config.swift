import CFuzzDriver
import Foundation
import NNStudies

/// libFuzzer entry point: a study config's text through `StudyConfig.parse` (Yams, the schema,
/// the checks), as `--config` reads it. Parse only: nothing is trained. It must return or throw,
/// never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? StudyConfig.parse(text, file: "fuzz.yaml")
    return 0
}

/// SwiftPM's `main` for this executable: libFuzzer's driver on `fuzzConfig`.
@_cdecl("FuzzConfig_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzConfig)
}

import CFuzzDriver
import Foundation
import NNEvents

/// libFuzzer entry point: one line of an event file through the JSON line parser and the event
/// codec (`EventReader.event(line:...)`), as the reader sees every line. It must return or throw,
/// never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLine(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Data(bytes: start, count: count)
    var reader = EventReader()
    _ = try? reader.event(line: bytes, number: 1, file: "fuzz.events.jsonl", last: false)
    _ = try? reader.event(line: bytes, number: 2, file: "fuzz.events.jsonl", last: true)
    return 0
}

/// SwiftPM's `main` for this executable: libFuzzer's driver on `fuzzEventLine`.
@_cdecl("FuzzEventLine_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzEventLine)
}

import CFuzzDriver
import Foundation
import NNEvents

/// libFuzzer entry point: a whole event file's bytes through `EventReader` (line splitting,
/// chunk boundaries, truncated last lines) and into an `EventStore`, as `nnviz report` reads it.
/// The first byte picks the chunk size, so that lines straddle chunk ends. It must return or
/// throw, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventFile(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    let chunkSize = data.first.map { Int($0 % 64) + 1 } ?? 1
    let store = EventStore()
    var reader = EventReader()
    try? reader.forEach(contentsOf: data.dropFirst(), file: "fuzz.events.jsonl", chunkSize: chunkSize) { store.add($0) }
    for run in store.runs { _ = run.scalars.keys.count }
    return 0
}

/// SwiftPM's `main` for this executable: libFuzzer's driver on `fuzzEventFile`.
@_cdecl("FuzzEventFile_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzEventFile)
}

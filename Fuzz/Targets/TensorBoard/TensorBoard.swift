import CFuzzDriver
import Foundation
import NNEvents
import NNTensorBoard

/// libFuzzer entry point: a TensorBoard event file's bytes through `TensorBoardImport.read(data:file:)`, the whole
/// import `nnviz report` runs on a log directory: TFRecord framing and its CRC-32C checks, protobuf decoding of each
/// record (swift-protobuf), conversion of scalars, histograms and hparams into nnviz events. It must return, never trap.
///
/// The first byte picks how the rest is read. Even: as it is, so that damaged framing and checksums are fuzzed.
/// Odd: every record's two checksums are first rewritten to match (lengths as they are), as a program writing
/// TensorBoard files would; without this, almost every mutation of a record fails its checksum and the fuzzer
/// never reaches the protobuf decoder or the converter.
///
/// What `nnviz report` and `nnviz import` do next is done too: the events go into an `EventStore` and are written as
/// event lines; each line must read back (`EventReader`), or the importer wrote a file nnviz itself refuses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTensorBoard(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    var data = Data(bytes: start + 1, count: count - 1)
    if start[0] & 1 == 1 { data = withValidChecksums(data) }
    let result = TensorBoardImport.read(data: data, file: "fuzz.tfevents")
    let store = EventStore()
    var reader = EventReader()
    for (i, event) in result.events.enumerated() {
        store.add(event)
        let line = EventCodec.encode(event)
        do { _ = try reader.event(line: Data(line.utf8), number: i + 1, file: "imported.events.jsonl") } catch {
            fatalError("an imported event does not read back: \(error)\n\(line)")   // the fuzzer's failure, not a user's
        }
    }
    return 0
}

/// `data` with each record's masked CRC-32C of its length and of its payload set to the right values, walking the
/// records by their length fields; stops at the first record that does not fit (its length is left to the reader).
/// The regression test (Tests/NNTensorBoardTests/TensorBoardFuzzRegressionTests.swift) does the same.
func withValidChecksums(_ data: Data) -> Data {
    var bytes = [UInt8](data), offset = 0
    while bytes.count - offset >= 12 {
        let length = bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        store(CRC32C.masked(CRC32C.checksum(bytes[offset..<offset + 8])), in: &bytes, at: offset + 8)
        let body = offset + 12
        guard length <= UInt64(bytes.count - body), bytes.count - body - Int(length) >= 4 else { break }
        let end = body + Int(length)
        store(CRC32C.masked(CRC32C.checksum(bytes[body..<end])), in: &bytes, at: end)
        offset = end + 4
    }
    return Data(bytes)
}

/// Writes `value` little-endian into `bytes` at `offset`.
func store(_ value: UInt32, in bytes: inout [UInt8], at offset: Int) {
    for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
}

/// SwiftPM's `main` for this executable: libFuzzer's driver on `fuzzTensorBoard`.
@_cdecl("FuzzTensorBoard_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzTensorBoard)
}

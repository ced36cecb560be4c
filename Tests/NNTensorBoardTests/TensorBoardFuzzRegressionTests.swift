import Foundation
import NNEvents
import NNTensorBoard
import NNTestSupport
import XCTest

/// Every input libFuzzer found that crashed, hung or exhausted the memory of the TensorBoard importer (kept in
/// `Fuzz/Regressions/TensorBoard`) goes through the fuzz target's entry point again, as the target reads it: the first
/// byte picks whether the records' checksums are first made to match. Each must return within 10 s with its damage as
/// warnings naming the file and byte offset (or the run), and the events it gives must be written and read back as
/// nnviz event lines, as `nnviz import` and `nnviz report` do.
final class TensorBoardFuzzRegressionTests: XCTestCase {
    func testTensorBoardRegressionsReturnWithNamedWarnings() throws {
        let inputs = try FuzzRegressions.inputs("TensorBoard")
        XCTAssertFalse(inputs.isEmpty, "Fuzz/Regressions/TensorBoard holds the inputs that once crashed")
        for url in inputs {
            let start = Date()
            let name = url.lastPathComponent
            let input = try Data(contentsOf: url)
            var data = input.dropFirst().isEmpty ? Data() : Data(input.dropFirst())
            if let mode = input.first, mode & 1 == 1 { data = Self.withValidChecksums(data) }
            let result = TensorBoardImport.read(data: data, file: name)
            for w in result.warnings {
                XCTAssertTrue(w.hasPrefix("\(name): byte offset ") || w.hasPrefix("run 'run': "), w)
            }
            var reader = EventReader()
            for (i, event) in result.events.enumerated() {
                XCTAssertNoThrow(try reader.event(line: Data(EventCodec.encode(event).utf8), number: i + 1, file: name), name)
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, name)
        }
    }

    /// A record whose checksums the fuzz target's mode byte repairs is read as intact: the repair is what the target
    /// says it is (the same record with one checksum broken is skipped with a warning otherwise).
    func testChecksumRepairMakesADamagedRecordIntact() throws {
        let file = try Data(contentsOf: Fixtures.url("tensorboard/keras_mlp/validation/events.out.tfevents.1796192514.vm"))
        var damaged = [UInt8](file)
        damaged[60] ^= 0xFF   // inside the second record's payload (header at 40, payload from 52)
        let broken = TensorBoardImport.read(data: Data(damaged), file: "f")
        XCTAssertTrue(broken.warnings.contains { $0.hasPrefix("f: byte offset 40: record data checksum mismatch") }, "\(broken.warnings)")
        let repaired = TensorBoardImport.read(data: Self.withValidChecksums(Data(damaged)), file: "f")
        XCTAssertFalse(repaired.warnings.contains { $0.contains("checksum") }, "\(repaired.warnings)")
        XCTAssertEqual(Self.withValidChecksums(file), file, "an intact file's checksums are already right")
    }

    /// As `withValidChecksums` in Fuzz/Targets/TensorBoard/TensorBoard.swift (the fuzz package cannot be imported here):
    /// each record's masked CRC-32C of its length and of its payload rewritten, walking the records by their lengths.
    static func withValidChecksums(_ data: Data) -> Data {
        var bytes = [UInt8](data), offset = 0
        func store(_ value: UInt32, at i: Int) { for k in 0..<4 { bytes[i + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) } }
        while bytes.count - offset >= 12 {
            let length = bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            store(CRC32C.masked(CRC32C.checksum(bytes[offset..<offset + 8])), at: offset + 8)
            let body = offset + 12
            guard length <= UInt64(bytes.count - body), bytes.count - body - Int(length) >= 4 else { break }
            let end = body + Int(length)
            store(CRC32C.masked(CRC32C.checksum(bytes[body..<end])), at: end)
            offset = end + 4
        }
        return Data(bytes)
    }
}

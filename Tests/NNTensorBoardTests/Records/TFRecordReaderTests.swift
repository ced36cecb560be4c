import Foundation
import NNTensorBoard
import NNTestSupport
import XCTest

/// TFRecord framing on files written by tensorboardX (Tests/Fixtures/tensorboard, made by
/// `scripts/check-tensorboard-import.py --fixture`) and on copies damaged by hand.
final class TFRecordReaderTests: XCTestCase {
    /// The `sgd` run's file: tensorboardX wrote its file version, 20 steps of two scalars and 2 steps of three histograms.
    static func sgdFile() throws -> (path: String, data: Data) {
        let folder = Fixtures.url("tensorboard/sgd")
        let name = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("events.out.tfevents.") })
        let path = folder.appendingPathComponent(name).path
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func read(_ data: Data, _ file: String = "f") -> (records: [(offset: Int, payload: Data)], warnings: [TFRecordWarning]) {
        var r = TFRecordReader(data: data, file: file)
        let records = r.all()
        return (records, r.warnings)
    }

    func testReadsEveryRecordTensorboardXWroteWithoutWarnings() throws {
        let (path, data) = try Self.sgdFile()
        let (records, warnings) = Self.read(data, path)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(records.count, 1 + 20 * 2 + 2 * 3)
        // Records tile the file: each starts where the previous one's 16 bytes of framing and its data end.
        let ends = records.map { $0.offset + 16 + $0.payload.count }
        XCTAssertEqual(Array(records.dropFirst().map(\.offset)), Array(ends.dropLast()))
        XCTAssertEqual(ends.last, data.count)
    }

    func testTruncatedTailStopsWithAWarningAtTheLastRecord() throws {
        let (_, data) = try Self.sgdFile()
        let intact = Self.read(data).records
        for cut in [5, 14, intact[intact.count - 1].payload.count + 10] {
            let (records, warnings) = Self.read(data.prefix(data.count - cut), "x/events.out.tfevents.1")
            XCTAssertEqual(records.count, intact.count - 1, "cut \(cut)")
            XCTAssertEqual(warnings.map(\.offset), [intact[intact.count - 1].offset])
            XCTAssertTrue(warnings[0].description.hasPrefix("x/events.out.tfevents.1: byte offset \(intact[intact.count - 1].offset): truncated"),
                          warnings[0].description)
        }
    }

    func testFlippedDataChecksumSkipsThatRecordOnly() throws {
        var (_, data) = try Self.sgdFile()
        let intact = Self.read(data).records
        let third = intact[3]
        data[third.offset + 12 + third.payload.count] ^= 0x01   // first byte of its data's CRC
        let (records, warnings) = Self.read(data)
        XCTAssertEqual(records.map(\.offset), intact.map(\.offset).filter { $0 != third.offset })
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings.first?.offset, third.offset)
        XCTAssertTrue(warnings.first?.message.contains("data checksum mismatch") == true)
    }

    func testFlippedDataByteIsCaughtByTheChecksum() throws {
        var (_, data) = try Self.sgdFile()
        let intact = Self.read(data).records
        data[intact[5].offset + 12] ^= 0x80
        XCTAssertEqual(Self.read(data).warnings.map(\.offset), [intact[5].offset])
    }

    func testLengthOfTwoToTheSixtyThirdStopsReading() throws {
        var (_, data) = try Self.sgdFile()
        let intact = Self.read(data).records
        let at = intact[2].offset
        let length = withUnsafeBytes(of: (UInt64(1) << 63).littleEndian) { Array($0) }
        data.replaceSubrange(at..<at + 8, with: length)
        // First with the length's checksum left stale, then with it recomputed (a writer gone wrong).
        var (records, warnings) = Self.read(data)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(warnings.map(\.offset), [at])
        XCTAssertTrue(warnings[0].message.contains("length checksum mismatch"), warnings[0].message)
        let crc = withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(length)).littleEndian) { Array($0) }
        data.replaceSubrange(at + 8..<at + 12, with: crc)
        (records, warnings) = Self.read(data)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(warnings.map(\.offset), [at])
        XCTAssertTrue(warnings[0].message.contains("9223372036854775808 bytes exceeds the limit of 268435456"), warnings[0].message)
    }

    func testTextIsNotATFRecordFile() {
        let (records, warnings) = Self.read(Data("step,loss\n0,2.30\n1,2.10\n".utf8), "events.out.tfevents.x")
        XCTAssertEqual(records.count, 0)
        XCTAssertEqual(warnings.map(\.description), ["events.out.tfevents.x: byte offset 0: record length checksum mismatch (not a TFRecord file, "
                                                     + "or corrupt); the rest of the file is skipped"])
        XCTAssertEqual(Self.read(Data([1, 2, 3])).warnings.first?.message.hasPrefix("truncated record header (3 of 12 bytes"), true)
        XCTAssertEqual(Self.read(Data()).warnings, [])
    }

    func testRandomDamageNeverTraps() throws {
        let (_, original) = try Self.sgdFile()
        var g = SplitMix(state: 3)
        for _ in 0..<300 {
            var data = original
            for _ in 0..<Int.random(in: 1...8, using: &g) { data[Int.random(in: 0..<data.count, using: &g)] = UInt8.random(in: 0...255, using: &g) }
            let cut = Int.random(in: 0...data.count, using: &g)
            let (records, warnings) = Self.read(data.prefix(cut))
            XCTAssertLessThanOrEqual(records.count, 47)
            XCTAssertTrue(warnings.allSatisfy { $0.offset >= 0 && $0.offset < cut })
        }
    }
}

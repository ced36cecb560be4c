import NNTensorBoard
import NNTestSupport
import XCTest

/// CRC-32C against the published check values: the CRC catalogue's "123456789" and RFC 3720's appendix B.4.
final class CRC32CTests: XCTestCase {
    func testCheckValueOfTheCRCCatalogue() {
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
    }

    func testRFC3720Vectors() {
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
        XCTAssertEqual(CRC32C.checksum((0..<32).map { UInt8($0) }), 0x46DD_794E)
        XCTAssertEqual(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }), 0x113F_DB5C)
    }

    func testEveryLengthAndAlignmentMatchesTheBytewiseDefinition() {
        // Slicing-by-8 against the bit-at-a-time definition, for lengths and start offsets around the 8-byte stride.
        var g = SplitMix(state: 11)
        let bytes = (0..<64).map { _ in UInt8.random(in: 0...255, using: &g) }
        for start in 0..<9 {
            for end in start...bytes.count {
                XCTAssertEqual(CRC32C.checksum(bytes[start..<end]), Self.bitwise(bytes[start..<end]), "\(start)..<\(end)")
            }
        }
    }

    func testEmptyInputAndMask() {
        XCTAssertEqual(CRC32C.checksum([UInt8]()), 0)
        // The mask is a rotation by 15 bits plus a constant, so it is invertible: unmask(mask(x)) == x.
        for x: UInt32 in [0, 1, 0xE306_9283, 0xFFFF_FFFF] {
            let r = CRC32C.masked(x) &- 0xA282_EAD8
            XCTAssertEqual((r >> 17) | (r << 15), x)
        }
    }

    static func bitwise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }
}

/// The tests' shared seeded generator.
typealias SplitMix = SplitMix64

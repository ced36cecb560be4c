import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// Numbers read by the reader's fast path equal C's `strtod` (glibc's, correctly rounded) bit
/// for bit: the shortest forms Swift writes for random doubles across the exponent range, random
/// digit strings of 1 to 19 significant digits with powers of ten from -32 to 32 (the integer
/// paths cover -27 to 27), and exact halfway cases, which round to the even neighbour.
final class NumberParsingTests: XCTestCase {
    /// The value the reader gives for `text` as a scalar's value.
    func read(_ text: String) throws -> Double? {
        let line = #"{"v":"1.2","kind":"scalar","run":"r","name":"x","step":0,"value":"# + text + "}"
        guard case .scalar(let s)? = try EventReader.decode(line: Array(line.utf8)) else { return nil }
        return s.value
    }

    func assertLikeStrtod(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = text.withCString { strtod($0, nil) }
        let got = try XCTUnwrap(try read(text), text, file: file, line: line)
        XCTAssertEqual(got.bitPattern, expected.bitPattern, "\(text): \(got) against strtod's \(expected)", file: file, line: line)
    }

    func testShortestFormsOfRandomDoubles() throws {
        var g = SplitMix64(state: 15)
        for _ in 0..<100_000 {
            // Exponents of 2 from -110 to 110 (powers of ten about -33 to 33), every mantissa bit random.
            let d = Double(sign: g.next() & 1 == 0 ? .plus : .minus, exponentBitPattern: UInt(1023 - 110 + Int(g.next() % 221)),
                           significandBitPattern: g.next() & ((1 << 52) - 1))
            try assertLikeStrtod("\(d)")
            XCTAssertEqual(try read("\(d)"), d, "the shortest form reads back as the double")
        }
    }

    func testRandomDigitStrings() throws {
        var g = SplitMix64(state: 16)
        for _ in 0..<100_000 {
            let digits = 1 + Int(g.next() % 19)
            var mantissa = String(1 + g.next() % 9)
            for _ in 1..<digits { mantissa += String(g.next() % 10) }
            let point = Int(g.next() % UInt64(digits + 1)), exponent = Int(g.next() % 65) - 32
            var text = mantissa
            if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: max(1, point))) }
            if g.next() & 1 == 0 { text += "e\(exponent)" }
            if g.next() & 3 == 0 { text = "0.000" + mantissa }
            try assertLikeStrtod(text)
        }
    }

    func testHalfwayCasesRoundToEven() throws {
        // 2^53 + 1 and 2^53 + 3 lie halfway between doubles; 2^54 + 2 too; and halves of odd multiples of 2^-k.
        for text in ["9007199254740993", "9007199254740995", "18014398509481986", "18014398509481990",
                     "9007199254740993e5", "4503599627370496.5", "4503599627370497.5", "0.5e-20", "1.00000000000000011102230246251565404e0"] {
            try assertLikeStrtod(text)
        }
        XCTAssertEqual(try read("9007199254740993"), 9_007_199_254_740_992)
        XCTAssertEqual(try read("9007199254740995"), 9_007_199_254_740_996)
    }
}

import Foundation
import NNReport
import XCTest

/// The CSV writer's byte-level checks against the rules they implement, with Foundation's
/// regular expressions as the oracle for "is a plain decimal number".
final class CSVTableTests: XCTestCase {
    /// The field as written in a one-column table.
    func field(_ s: String) -> String { String(CSVTable.text(["h"], [[s]]).dropFirst(2).dropLast()) }

    func testSignedDecimalsStayNumbersAndOtherSignedTextIsDefused() throws {
        let pattern = try NSRegularExpression(pattern: #"\A[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\z"#)
        let parts = ["", "+", "-", "0", "12", ".", "5", "e", "E", "-3", "+7", "x", "1e", ".e", " ", "inf", "nan", "0x1p3"]
        var checked = 0
        for sign in ["+", "-"] {
            for a in parts {
                for b in parts {
                    for c in parts {
                        let s = sign + a + b + c
                        let decimal = pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
                        XCTAssertEqual(field(s), decimal ? s : "'" + s, "'\(s)'")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertEqual(checked, 2 * parts.count * parts.count * parts.count)
    }

    func testFieldsAreDefusedAndQuoted() {
        XCTAssertEqual(field("-0.5"), "-0.5")
        XCTAssertEqual(field("-inf"), "'-inf")
        XCTAssertEqual(field("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(field("@x,y"), "\"'@x,y\"")
        XCTAssertEqual(field("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(field(",\u{301}"), "\",\u{301}\"", "a comma before a combining mark is still a comma")
        XCTAssertEqual(field("층 1"), "층 1")
        XCTAssertEqual(CSVTable.text(["a", "b"], [["1", "-2"], ["x", ""]]), "a,b\n1,-2\nx,\n")
    }
}

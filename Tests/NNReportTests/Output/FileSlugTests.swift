import NNReport
import XCTest

/// Names people choose (in Korean, say) become ASCII-safe, stable, distinct file names; safe
/// names stay as they are, so English reports keep their file names.
final class FileSlugTests: XCTestCase {
    func testSafeNamesAreKept() {
        for name in ["relu-he", "vanishing_loss", "init-std0.01", "custom", "a.b_c-D9"] { XCTAssertEqual(FileSlug.safe(name), name) }
    }

    func testOtherNamesBecomeTheirASCIIPartAndAShortHash() throws {
        let korean = FileSlug.safe("시그모이드 깊은 망")
        XCTAssertTrue(korean.range(of: "^[0-9a-f]{8}$", options: .regularExpression) != nil, korean)
        let mixed = FileSlug.safe("sigmoid 깊은 망/2")
        XCTAssertTrue(mixed.hasPrefix("sigmoid-2-"), mixed)
        XCTAssertEqual(FileSlug.safe("sigmoid 깊은 망/2"), mixed, "the same name gives the same file")
        XCTAssertNotEqual(FileSlug.safe("실험 하나"), FileSlug.safe("실험 둘"), "two names, two files")
        XCTAssertEqual(FileSlug.safe("../etc"), "etc-" + String(FileSlug.safe("../etc").suffix(8)))
        XCTAssertEqual(FileSlug.safe("한국어_실험").count, 8, "no stray separators around the hash")
        for name in ["한국어 실험", "my run", "a:b", ".hidden", "-dash", "x/y", "ReLU + He"] {
            let slug = FileSlug.safe(name)
            XCTAssertTrue(FileSlug.isSafe(slug), "\(name) → \(slug)")
            XCTAssertTrue(slug.unicodeScalars.allSatisfy(\.isASCII), slug)
        }
    }
}

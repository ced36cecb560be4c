import Foundation
import NNTestSupport
import XCTest

/// `--theme` and `--dpi` reach the report's figures, so a teacher gets slide-sized figures.
final class FigureOptionsTests: XCTestCase {
    /// Width and height of a PNG from its IHDR chunk.
    func pngSize(_ url: URL) throws -> (Int, Int) {
        let b = [UInt8](try Data(contentsOf: url))
        func be(_ o: Int) -> Int { b[o..<(o + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    func testSlideThemeAndResolution() throws {
        let exe = try XCTUnwrap(BuiltExecutable("nnviz"))
        let events = Fixtures.url("foreign/logistic.events.jsonl").path
        let screen = TemporaryDirectory.make("nnviz-screen"), slide = TemporaryDirectory.make("nnviz-slide")
        XCTAssertEqual(try exe.run(["report", events, "--out", screen.path, "--quiet", "--dpi", "72"]).status, 0)
        XCTAssertEqual(try exe.run(["report", events, "--out", slide.path, "--quiet", "--dpi", "72", "--theme", "slide"]).status, 0)
        let (w0, h0) = try pngSize(screen.appendingPathComponent("figures/custom_loss.png"))
        let (w1, h1) = try pngSize(slide.appendingPathComponent("figures/custom_loss.png"))
        XCTAssertEqual(w0, 620, "the loss figure is 620 pt wide: 620 px at 72 dpi")
        XCTAssertEqual(w1, 960, "slides are 960 pt wide")
        XCTAssertEqual(Double(h1) / Double(w1), Double(h0) / Double(w0), accuracy: 0.01, "aspect kept")
        let bad = try exe.run(["report", events, "--out", slide.path, "--theme", "poster"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.err.contains("--theme: unknown theme 'poster' (screen, print, slide)"), bad.err)
    }
}

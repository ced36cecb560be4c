import Foundation
import NNPlot
import XCTest

/// Issue #12: figure text goes through Pango with font fallback, so a label may mix Hangul,
/// Greek, maths symbols and Latin, and every character gets a real glyph in every format.
final class PangoTextTests: XCTestCase {
    /// Title, axes title, axis labels and legend entries mixing the scripts of the course.
    static func mixedScripts() -> Figure {
        let xs = (0..<50).map(Double.init)
        var a = Axes(title: "기울기 소실: ‖∂L/∂W‖, σ′ ≤ 0.25", xLabel: "학습 단계 (step t)", yLabel: "‖∇W₁‖ (로그 척도)", yScale: .log)
        a.marks = [.line(LineMark(x: xs, y: xs.map { exp(-$0 / 10) }, label: "첫 번째 층 W₁, ReLU + He")),
                   .line(LineMark(x: xs, y: xs.map { exp(-$0 / 30) }, label: "출력층, sigmoid + Xavier (β₁ = 0.9)"))]
        return Figure(title: "가중치 초기화와 학습률 η = 0.01: Adam, SGD", width: 560, height: 340, axes: [a])
    }

    func testEveryCharacterHasAGlyphInPNGSVGAndPDF() throws {
        let figure = Self.mixedScripts()
        for format in [OutputFormat.png(dpi: 144), .svg, .pdf] {
            let rendered = try figure.renderChecked(format)
            XCTAssertEqual(rendered.unknownGlyphs, 0, "\(format): no glyph for some characters of \(rendered.textsWithUnknownGlyphs)")
            XCTAssertGreaterThan(rendered.data.count, 1000, "\(format)")
            // To look at the figures: NNVIZ_KEEP_FIGURES=/some/folder swift test ... --filter PangoTextTests
            if let keep = ProcessInfo.processInfo.environment["NNVIZ_KEEP_FIGURES"] {
                try rendered.data.write(to: URL(fileURLWithPath: keep).appendingPathComponent("mixed_scripts.\(format.fileExtension)"))
            }
        }
        let texts = try figure.layout().compactMap(\.text)
        for expected in ["가중치 초기화와 학습률 η = 0.01: Adam, SGD", "학습 단계 (step t)", "‖∇W₁‖ (로그 척도)", "첫 번째 층 W₁, ReLU + He"] {
            XCTAssertTrue(texts.contains(expected), "'\(expected)' is drawn")
        }
    }

    /// The check is not vacuous: a character no font has (an unassigned code point) is counted.
    func testAMissingGlyphIsCounted() throws {
        var a = Axes(xLabel: "x \u{0378}", yLabel: "y")
        a.marks = [.line(LineMark(x: [0, 1], y: [0, 1]))]
        let rendered = try Figure(width: 300, height: 200, axes: [a]).renderChecked(.png(dpi: 72))
        XCTAssertGreaterThan(rendered.unknownGlyphs, 0)
        XCTAssertEqual(rendered.textsWithUnknownGlyphs, ["x \u{0378}"])
    }

    /// Hangul from the fallback font reaches above the primary font's capitals: the measured box
    /// grows to its ink, so layout leaves room and nothing is clipped or overlapped.
    func testHangulInkStaysInsideItsMeasuredBox() throws {
        var a = Axes(xLabel: "x", yLabel: "y")
        a.marks = [.line(LineMark(x: [0, 1], y: [0, 1]))]
        let figure = Figure(title: "한글 제목: 활성화 함수와 배치 정규화", width: 400, height: 260, axes: [a])
        let title = try XCTUnwrap(figure.layout().first { $0.role == "figure-title" }).bounds
        let latin = try XCTUnwrap(Figure(title: "Latin title", width: 400, height: 260, axes: [a]).layout()
            .first { $0.role == "figure-title" }).bounds
        XCTAssertGreaterThan(title.height, latin.height, "Hangul is taller than Latin capitals")
        let scale = 4.0
        let image = try figure.rasterize(dpi: 72 * scale)
        var inkTop = Int.max, inkBottom = Int.min
        for y in 0..<Int((title.maxY + 3.5) * scale) {
            for x in Int(title.x * scale)..<Int(title.maxX * scale) where image.pixel(x, y).hex != "#ffffff" {
                inkTop = min(inkTop, y)
                inkBottom = max(inkBottom, y)
            }
        }
        XCTAssertLessThan(inkTop, inkBottom, "the title was drawn")
        XCTAssertGreaterThanOrEqual(Double(inkTop) / scale, title.y - 0.5, "ink above the box \(title)")
        XCTAssertLessThanOrEqual(Double(inkBottom + 1) / scale, title.maxY + 0.5, "ink below the box \(title)")
    }

    func testMixedScriptFiguresLayOutWithoutOverlaps() throws {
        let figure = Self.mixedScripts()
        let items = try figure.layout()
        let page = Rect(x: 0, y: 0, width: figure.width, height: figure.height)
        let texts = items.filter { $0.kind == "text" }
        for t in texts { XCTAssertTrue(page.contains(t.bounds, tolerance: 1), "'\(t.text!)' at \(t.bounds) outside the page") }
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where a.bounds.intersects(b.bounds, tolerance: 1) {
                XCTFail("'\(a.text!)' (\(a.role)) overlaps '\(b.text!)' (\(b.role))")
            }
        }
    }
}

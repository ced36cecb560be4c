import Foundation
import NNPlot
import XCTest

/// Issue #17, findings 8 and 10: untitled figures wrote "-" as their PNG title, non-ASCII text
/// went into Latin-1 `tEXt` chunks as UTF-8, and PDFs had no title.
final class MetadataTests: XCTestCase {
    /// The PNG's chunks in order: type and data, read from the bytes.
    static func chunks(_ png: Data) throws -> [(type: String, data: [UInt8])] {
        let b = [UInt8](png)
        XCTAssertEqual(Array(b.prefix(8)), [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature")
        var out: [(String, [UInt8])] = []
        var i = 8
        while i + 12 <= b.count {
            let n = b[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard i + 12 + n <= b.count else { XCTFail("truncated chunk at \(i)"); break }
            out.append((String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self), Array(b[(i + 8)..<(i + 8 + n)])))
            i += 12 + n
        }
        return out
    }

    /// The PNG's text chunks as keyword → (chunk type, text): `tEXt` is keyword NUL Latin-1 text;
    /// `iTXt` is keyword NUL, compression flag and method, language NUL, translated keyword NUL, UTF-8 text.
    static func texts(_ png: Data) throws -> [String: (type: String, text: String)] {
        var out: [String: (String, String)] = [:]
        for (type, data) in try chunks(png) where type == "tEXt" || type == "iTXt" {
            let k = try XCTUnwrap(data.firstIndex(of: 0), "\(type) has a keyword")
            let key = String(decoding: data[..<k], as: UTF8.self)
            if type == "tEXt" {
                out[key] = (type, String(bytes: data[(k + 1)...], encoding: .isoLatin1) ?? "")
                continue
            }
            XCTAssertEqual(Array(data[(k + 1)...(k + 2)]), [0, 0], "iTXt \(key) is uncompressed")
            let rest = data[(k + 3)...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
            XCTAssertEqual(rest.count, 3, "iTXt \(key): language, translated keyword, text")
            out[key] = (type, String(decoding: rest.last ?? [], as: UTF8.self))
        }
        return out
    }

    func line(axesTitle: String? = nil) -> Axes {
        Axes(title: axesTitle, marks: [.line(LineMark(x: [0, 1], y: [0, 1]))])
    }

    func testUntitledFigureTakesItsFirstAxesTitleNeverADash() throws {
        var fig = Figure(width: 200, height: 150, rows: 1, columns: 2, axes: [line(), line(axesTitle: "Loss by step")])
        fig.source = "nnviz test, figure loss"
        var texts = try Self.texts(try fig.render(.png(dpi: 72)))
        XCTAssertEqual(texts["Title"]?.text, "Loss by step")
        XCTAssertEqual(texts["Source"]?.text, "nnviz test, figure loss")
        XCTAssertEqual(texts["Software"]?.text, "nnviz")
        // No title anywhere: the source names the figure.
        fig.axes = [line()]
        texts = try Self.texts(try fig.render(.png(dpi: 72)))
        XCTAssertEqual(texts["Title"]?.text, "nnviz test, figure loss")
        // Nothing at all: no Title or Source chunk rather than a "-".
        fig.source = ""
        texts = try Self.texts(try fig.render(.png(dpi: 72)))
        XCTAssertNil(texts["Title"]); XCTAssertNil(texts["Source"])
        XCTAssertFalse(texts.values.contains { $0.text == "-" })
    }

    func testNonASCIITextIsITXtAndASCIIIsTEXt() throws {
        let title = "‖∂L/∂W‖ for σ: −3 dB, 학습 곡선"
        var fig = Figure(title: title, width: 200, height: 150, axes: [line()])
        fig.source = "nnviz test"
        let texts = try Self.texts(try fig.render(.png(dpi: 72)))
        XCTAssertEqual(texts["Title"]?.type, "iTXt")
        XCTAssertEqual(texts["Title"]?.text, title)
        XCTAssertEqual(texts["Source"]?.type, "tEXt")
        XCTAssertEqual(texts["Source"]?.text, "nnviz test")
        XCTAssertEqual(texts["Software"]?.type, "tEXt")
    }

    func testPDFCarriesTitleAndSubject() throws {
        var fig = Figure(width: 200, height: 150, axes: [line(axesTitle: "Loss by step")])
        fig.source = "nnviz test, figure loss"
        let pdf = String(decoding: try fig.render(.pdf), as: UTF8.self)
        XCTAssertNotNil(pdf.range(of: "/Title (Loss by step)"), "the first axes title is the document title")
        XCTAssertNotNil(pdf.range(of: "/Subject (nnviz test, figure loss)"))
        fig.title = "Gradient norms"
        XCTAssertNotNil(String(decoding: try fig.render(.pdf), as: UTF8.self).range(of: "/Title (Gradient norms)"))
        // Non-ASCII titles are written as UTF-16 hex strings.
        fig.title = "σ′(x)"
        XCTAssertNotNil(String(decoding: try fig.render(.pdf), as: UTF8.self).range(of: "/Title <FEFF03C32032", options: .caseInsensitive),
                        "σ′ as UTF-16BE with a byte-order mark")
    }
}

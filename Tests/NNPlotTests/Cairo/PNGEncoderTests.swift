import CPNG
import Foundation
import NNPlot
import XCTest

/// The PNG encoder writes rows as it converts them; libpng's own reader (the simplified API, an
/// implementation independent of the encoder's row conversion) must get back exactly the pixels
/// of the drawn surface, as `Figure.rasterize` reads them.
final class PNGEncoderTests: XCTestCase {
    /// RGBA bytes of a PNG, decoded by libpng.
    func decode(_ png: Data) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        let begun = png.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        XCTAssertNotEqual(begun, 0, "libpng reads the header")
        image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)   // PNG_FORMAT_RGBA
        var out = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 4)
        let done = png.withUnsafeBytes { _ in png_image_finish_read(&image, nil, &out, 0, nil) }
        XCTAssertNotEqual(done, 0, "libpng decodes the image")
        return (Int(image.width), Int(image.height), out)
    }

    /// The colour type byte of the IHDR chunk: 2 is RGB, 6 is RGBA.
    func colorType(_ png: Data) -> UInt8 { [UInt8](png)[25] }

    func testOpaqueFigureDecodesToTheDrawnPixels() throws {
        let (_, fig) = try XCTUnwrap(Gallery.figures().first { $0.name == "contour_path" })
        let png = try fig.render(.png(dpi: 96))
        XCTAssertEqual(colorType(png), 2, "an opaque figure is written as RGB")
        let decoded = try decode(png)
        let drawn = try fig.rasterize(dpi: 96)
        XCTAssertEqual(decoded.width, drawn.width)
        XCTAssertEqual(decoded.height, drawn.height)
        XCTAssertEqual(decoded.rgba, drawn.rgba)
        XCTAssertGreaterThan(drawn.inkFraction, 0.05, "the figure has something drawn")
    }

    func testTranslucentFigureDecodesToTheDrawnPixels() throws {
        var (_, fig) = try XCTUnwrap(Gallery.figures().first { $0.name == "contour_path" })
        fig.theme.background = Color(hex: "FFEEDD", alpha: 0.4)
        let png = try fig.render(.png(dpi: 50))
        XCTAssertEqual(colorType(png), 6, "a translucent figure is written as RGBA")
        let decoded = try decode(png)
        let drawn = try fig.rasterize(dpi: 50)
        XCTAssertEqual(decoded.width, drawn.width)
        XCTAssertEqual(decoded.rgba, drawn.rgba)
        XCTAssertEqual(decoded.rgba[3], 102, "the corner keeps the background's alpha (0.4 x 255)")
    }
}

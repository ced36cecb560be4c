import CCairo
import CPNG
import Foundation

/// Encodes a Cairo image surface as PNG with libpng, recording the resolution (pHYs) and text
/// chunks (Title, Source, Software), which Cairo's own writer does not: a figure pasted into
/// a slide or a word processor then comes in at its intended physical size. Text is written as
/// `tEXt` when it is ASCII and as `iTXt` (UTF-8) otherwise, since `tEXt` is Latin-1.
///
/// Rows are converted from Cairo's premultiplied ARGB words one at a time into a single row
/// buffer and handed to libpng as they are made (`png_write_info`, `png_write_row`,
/// `png_write_end`: what `png_write_png` does with a full image), so no copy of the whole
/// image is allocated and the row being filtered and compressed is still in cache.
enum PNGEncoder {
    /// The surface's pixels as a PNG file with resolution and text chunks.
    static func encode(_ surface: CairoSurface, dpi: Double, title: String?, source: String) throws(RenderError) -> Data {
        cairo_surface_flush(surface.pointer)
        let (w, h) = surface.pixelSize
        guard w > 0, h > 0, let base = cairo_image_surface_get_data(surface.pointer) else {
            throw .png("empty image surface")
        }
        let image = ARGBImage(base: UnsafeRawPointer(base), width: w, height: h, stride: Int(cairo_image_surface_get_stride(surface.pointer)))
        return try write(image, dpi: dpi, title: title, source: source)
    }

    /// Encodes the image as RGB when every pixel is opaque, else as RGBA (see ``PNGStream``).
    private static func write(_ image: ARGBImage, dpi: Double, title: String?, source: String) throws(RenderError) -> Data {
        let opaque = image.isOpaque
        let stream = try PNGStream(width: image.width, height: image.height, opaque: opaque, dpi: dpi, title: title, source: source)
        var row = [UInt8](repeating: 0, count: image.width * (opaque ? 3 : 4) + 4)
        row.withUnsafeMutableBytes { buf in
            guard let out = buf.baseAddress else { return }
            for y in 0..<image.height {
                if opaque { image.rgbRow(y, into: out) } else { image.rgbaRow(y, into: out) }
                stream.write(row: UnsafePointer(out.assumingMemoryBound(to: UInt8.self)))
            }
        }
        return stream.finish()
    }

    /// Cairo's premultiplied ARGB words of rows `rows`, columns `columns` as straight RGB bytes
    /// (3 a pixel) into `out`, an RGB image `width` pixels wide; returns whether every pixel was opaque.
    static func rgb(from base: UnsafeRawPointer, stride: Int, rows: Range<Int>, columns: Range<Int>,
                    into out: UnsafeMutablePointer<UInt8>, width: Int) -> Bool {
        var all: UInt32 = 0xFFFF_FFFF
        for y in rows {
            let row = (base + y * stride).assumingMemoryBound(to: UInt32.self)
            let bytes = out + 3 * (y * width)
            for x in columns {
                let p = row[x]
                all &= p
                bytes[3 * x] = UInt8(truncatingIfNeeded: p >> 16)
                bytes[3 * x + 1] = UInt8(truncatingIfNeeded: p >> 8)
                bytes[3 * x + 2] = UInt8(truncatingIfNeeded: p)
            }
        }
        return all >> 24 == 0xFF
    }
}

/// A PNG written row by row with libpng: fast deflate, the Sub filter, pHYs at `dpi`, Title,
/// Source and Software text (each only when it has any). The header is written on creation;
/// rows follow top to bottom (`png_write_row`), then ``finish()``.
final class PNGStream {
    private var png: png_structp?
    private var info: png_infop?
    private let sink = ByteSink()

    /// Starts a `width` x `height` PNG: RGB rows (3 bytes a pixel) when `opaque`, else RGBA.
    init(width: Int, height: Int, opaque: Bool, dpi: Double, title: String?, source: String) throws(RenderError) {
        guard let png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, nil, nil) else {
            throw .png("png_create_write_struct failed")
        }
        self.png = png
        info = png_create_info_struct(png)
        guard let info else { throw .png("png_create_info_struct failed") }
        png_set_write_fn(png, Unmanaged.passUnretained(sink).toOpaque(), { p, bytes, n in
            guard let p, let bytes, let io = png_get_io_ptr(p) else { return }
            Unmanaged<ByteSink>.fromOpaque(io).takeUnretainedValue().data.append(bytes, count: n)
        }, nil)
        png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
        let ppm = png_uint_32((dpi / 0.0254).rounded())
        png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER)
        // Plots are flat colours: fast deflate with the Sub filter costs little size and much time.
        png_set_compression_level(png, 2)
        png_set_filter(png, 0, PNG_FILTER_SUB)
        let texts = [("Title", title ?? ""), ("Source", source), ("Software", "nnviz")].filter { !$0.1.isEmpty }
        var cStrings: [UnsafeMutablePointer<CChar>] = []
        defer { cStrings.forEach { free($0) } }
        var chunks: [png_text] = texts.compactMap { key, value in
            guard let k = strdup(key), let v = strdup(value) else { return nil }
            cStrings += [k, v]
            var t = png_text()
            t.key = k
            t.text = v
            if value.utf8.allSatisfy({ $0 < 0x80 }) {
                t.compression = PNG_TEXT_COMPRESSION_NONE
                t.text_length = strlen(v)
            } else {
                t.compression = PNG_ITXT_COMPRESSION_NONE
                t.itxt_length = strlen(v)
            }
            return t
        }
        png_set_text(png, info, &chunks, Int32(chunks.count))
        png_write_info(png, info)
    }

    deinit { png_destroy_write_struct(&png, &info) }

    /// Filters and compresses the next row (3 or 4 bytes a pixel, as created).
    func write(row: UnsafePointer<UInt8>) { png_write_row(png, row) }

    /// Ends the image; returns the file's bytes.
    func finish() -> Data {
        png_write_end(png, info)
        return sink.data
    }
}

/// Cairo's ARGB32 pixels: premultiplied, native-endian (little-endian here) 32-bit words.
private struct ARGBImage {
    let base: UnsafeRawPointer
    let width, height, stride: Int

    private func words(_ y: Int) -> UnsafePointer<UInt32> { (base + y * stride).assumingMemoryBound(to: UInt32.self) }

    /// Whether every pixel has alpha 255 (figures have an opaque background: then RGB is enough).
    var isOpaque: Bool {
        var all: UInt32 = 0xFFFF_FFFF
        for y in 0..<height {
            let row = words(y)
            for x in 0..<width { all &= row[x] }
            if all >> 24 != 0xFF { return false }
        }
        return true
    }

    /// Row `y` as straight RGB bytes (3 a pixel) at `out` (4-byte aligned). The word 0xAARRGGBB
    /// byte-swapped and shifted is 0x00BBGGRR, that is R, G, B stored little-endian; four pixels
    /// are packed into three words.
    func rgbRow(_ y: Int, into out: UnsafeMutableRawPointer) {
        let row = words(y)
        let packed = out.assumingMemoryBound(to: UInt32.self)
        let quads = width / 4
        for q in 0..<quads {
            let c0 = row[4 * q].byteSwapped >> 8, c1 = row[4 * q + 1].byteSwapped >> 8
            let c2 = row[4 * q + 2].byteSwapped >> 8, c3 = row[4 * q + 3].byteSwapped >> 8
            packed[3 * q] = (c0 | c1 << 24).littleEndian
            packed[3 * q + 1] = (c1 >> 8 | c2 << 16).littleEndian
            packed[3 * q + 2] = (c2 >> 16 | c3 << 8).littleEndian
        }
        let bytes = out.assumingMemoryBound(to: UInt8.self)
        for x in (4 * quads)..<width {
            let p = row[x]
            bytes[3 * x] = UInt8(truncatingIfNeeded: p >> 16)
            bytes[3 * x + 1] = UInt8(truncatingIfNeeded: p >> 8)
            bytes[3 * x + 2] = UInt8(truncatingIfNeeded: p)
        }
    }

    /// Row `y` as straight RGBA bytes (4 a pixel), un-premultiplied with rounding.
    func rgbaRow(_ y: Int, into out: UnsafeMutableRawPointer) {
        let row = words(y)
        let bytes = out.assumingMemoryBound(to: UInt8.self)
        for x in 0..<width {
            let p = row[x], o = 4 * x
            let a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
            if a == 255 || a == 0 {
                bytes[o] = UInt8(r); bytes[o + 1] = UInt8(g); bytes[o + 2] = UInt8(b)
            } else {
                bytes[o] = UInt8(min(255, (r * 255 + a / 2) / a))
                bytes[o + 1] = UInt8(min(255, (g * 255 + a / 2) / a))
                bytes[o + 2] = UInt8(min(255, (b * 255 + a / 2) / a))
            }
            bytes[o + 3] = UInt8(a)
        }
    }
}

import CCairo
import CPNG
import Foundation

/// Encodes a Cairo image surface as PNG with libpng, recording the resolution (pHYs) and text
/// chunks (Title, Source, Software), which Cairo's own writer does not: a figure pasted into
/// a slide or a word processor then comes in at its intended physical size. Text is written as
/// `tEXt` when it is ASCII and as `iTXt` (UTF-8) otherwise, since `tEXt` is Latin-1.
enum PNGEncoder {
    /// The surface's pixels as a PNG file with resolution and text chunks.
    static func encode(_ surface: CairoSurface, dpi: Double, title: String?, source: String) throws(RenderError) -> Data {
        var rgba: [UInt8]
        let w: Int, h: Int, opaque: Bool
        (rgba, w, h, opaque) = try pixels(surface)
        return try write(&rgba, width: w, height: h, opaque: opaque, dpi: dpi, title: title, source: source)
    }

    /// The surface's pixels as straight RGB bytes (3 a pixel) when every pixel is opaque, else RGBA (4).
    private static func pixels(_ surface: CairoSurface) throws(RenderError) -> (bytes: [UInt8], width: Int, height: Int, opaque: Bool) {
        cairo_surface_flush(surface.pointer)
        let (w, h) = surface.pixelSize
        guard w > 0, h > 0, let base = cairo_image_surface_get_data(surface.pointer) else {
            throw .png("empty image surface")
        }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        // Cairo ARGB32 is premultiplied, native-endian 32-bit words; PNG wants straight RGB(A)
        // bytes. Figures have an opaque background: one branch-free pass extracts RGB and checks
        // opacity; only a figure with transparent pixels takes the RGBA path.
        var rgba = [UInt8](repeating: 0, count: w * h * 3)
        var opaque = true
        rgba.withUnsafeMutableBufferPointer { out in
            var allOpaque: UInt32 = 0xFF
            for y in 0..<h {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                var o = y * w * 3
                for x in 0..<w {
                    let p = row[x]
                    allOpaque &= p >> 24
                    out[o] = UInt8(truncatingIfNeeded: p >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            }
            opaque = allOpaque == 0xFF
        }
        if !opaque {
            rgba = [UInt8](repeating: 0, count: w * h * 4)
            rgba.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                    var o = y * w * 4
                    for x in 0..<w {
                        let p = row[x]
                        let a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                        if a == 255 || a == 0 {
                            out[o] = UInt8(r); out[o + 1] = UInt8(g); out[o + 2] = UInt8(b)
                        } else {
                            out[o] = UInt8(min(255, (r * 255 + a / 2) / a))
                            out[o + 1] = UInt8(min(255, (g * 255 + a / 2) / a))
                            out[o + 2] = UInt8(min(255, (b * 255 + a / 2) / a))
                        }
                        out[o + 3] = UInt8(a)
                        o += 4
                    }
                }
            }
        }
        return (rgba, w, h, opaque)
    }

    /// Encodes RGB (`opaque`) or RGBA rows with libpng: fast deflate, pHYs at `dpi`, Title, Source and Software text
    /// (each only when it has any).
    private static func write(_ rgba: inout [UInt8], width w: Int, height h: Int, opaque: Bool, dpi: Double, title: String?,
                              source: String) throws(RenderError) -> Data {
        let channels = opaque ? 3 : 4
        guard let png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, nil, nil) else {
            throw .png("png_create_write_struct failed")
        }
        var info = png_create_info_struct(png)
        var pngOpt: png_structp? = png
        defer { png_destroy_write_struct(&pngOpt, &info) }
        guard info != nil else { throw .png("png_create_info_struct failed") }
        let sink = ByteSink()
        png_set_write_fn(png, Unmanaged.passUnretained(sink).toOpaque(), { p, bytes, n in
            guard let p, let bytes, let io = png_get_io_ptr(p) else { return }
            Unmanaged<ByteSink>.fromOpaque(io).takeUnretainedValue().data.append(bytes, count: n)
        }, nil)
        png_set_IHDR(png, info, png_uint_32(w), png_uint_32(h), 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
        let ppm = png_uint_32((dpi / 0.0254).rounded())
        png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER)
        // Plots are flat colours: fast deflate with the Sub filter costs little size and much time.
        png_set_compression_level(png, 2)
        png_set_filter(png, 0, PNG_FILTER_SUB)
        let texts = [("Title", title ?? ""), ("Source", source), ("Software", "nnviz")].filter { !$0.1.isEmpty }
        var cStrings: [UnsafeMutablePointer<CChar>] = []
        defer { cStrings.forEach { free($0) } }
        var chunks: [png_text] = texts.map { key, value in
            let k = strdup(key)!, v = strdup(value)!
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
        rgba.withUnsafeMutableBufferPointer { buf in
            var rows: [png_bytep?] = (0..<h).map { buf.baseAddress! + $0 * w * channels }
            png_set_rows(png, info, &rows)
            png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nil)
        }
        return sink.data
    }
}

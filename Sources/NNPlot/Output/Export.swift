import CCairo
import Foundation

/// A figure file format.
public enum OutputFormat: Equatable, Sendable {
    /// A raster image at `dpi` pixels per inch (the figure's points x dpi / 72 pixels).
    case png(dpi: Double)
    /// Scalable vector graphics (SVG 1.1).
    case svg
    /// Portable document format.
    case pdf

    /// The file extension.
    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .svg: "svg"
        case .pdf: "pdf"
        }
    }

    /// The default PNG resolution: 192 dpi, sharp on HiDPI screens and in print.
    public static let defaultDPI = 192.0
}

/// A rendered figure and what Pango reported about its text.
public struct RenderedFigure: Sendable {
    /// The encoded figure.
    public var data: Data
    /// Glyphs that no installed font had (drawn as boxes): 0 when every character was found.
    public var unknownGlyphs: Int
    /// The texts that had such glyphs, in drawing order.
    public var textsWithUnknownGlyphs: [String]
    /// The tiles a PNG was drawn in, on two threads (1: drawn whole, on one thread; see `TiledRender`).
    public var tiles = 1
}

extension Figure {
    /// The figure encoded in `format`. The same figure value gives the same bytes.
    public func render(_ format: OutputFormat) throws(RenderError) -> Data { try renderChecked(format).data }

    /// The figure encoded in `format`, with the count of glyphs no font had
    /// (`pango_layout_get_unknown_glyphs_count` summed over every text drawn).
    public func renderChecked(_ format: OutputFormat) throws(RenderError) -> RenderedFigure {
        switch format {
        case .png(let dpi):
            guard dpi >= 10, dpi <= 2400 else { throw .invalidFigure("PNG resolution \(dpi) dpi is outside 10...2400") }
            return try TiledRender.png(self, dpi: dpi)
        case .svg, .pdf:
            let surface = try CairoSurface(kind: format == .svg ? .svg : .pdf, width: width, height: height)
            surface.setMetadata(title: documentTitle, subject: source)
            let ctx = try CairoContext(surface)
            let canvas = CairoCanvas(ctx, family: theme.fontFamilies)
            try FigureRenderer(figure: self).draw(on: canvas)
            try ctx.checkStatus("drawing")
            let bytes = try surface.finish()
            let glyphs = canvas.unknownGlyphTexts
            return RenderedFigure(data: format == .svg ? SVGNormalizer.normalize(bytes) : bytes, unknownGlyphs: glyphs.reduce(0) { $0 + $1.count },
                                  textsWithUnknownGlyphs: glyphs.map(\.text))
        }
    }

    /// Writes the figure to `path`, through a temporary file and a rename: a reader sees the old
    /// file or the new one, never a part. The format follows the extension (`.png`, `.svg`,
    /// `.pdf`); PNGs use `dpi`. The file is not synced to disk (matplotlib's `savefig` does not
    /// either): a figure can be drawn again, and the sync Foundation's atomic write makes cost
    /// 1-4 ms a file here, a fifth of drawing W4.
    public func write(to path: String, dpi: Double = OutputFormat.defaultDPI) throws(RenderError) {
        let ext = (path as NSString).pathExtension.lowercased()
        let format: OutputFormat
        switch ext {
        case "png": format = .png(dpi: dpi)
        case "svg": format = .svg
        case "pdf": format = .pdf
        default: throw .write(path: path, reason: "unknown figure format '.\(ext)' (use .png, .svg or .pdf)")
        }
        let data = try render(format)
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch { throw .write(path: path, reason: systemReason(error)) }
        try Self.replace(url.path, with: data)
    }

    /// Writes `data` to a new file beside `path` and renames it over `path`.
    static func replace(_ path: String, with data: Data) throws(RenderError) {
        let name = (path as NSString).lastPathComponent, folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .write(path: path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var done = 0
            while done < bytes.count {
                let n = Foundation.write(fd, base + done, bytes.count - done)
                if n < 0 { if errno == EINTR { continue }; return errno }
                done += n
            }
            return 0
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure != 0 else { return }
        unlink(temporary)
        throw .write(path: path, reason: String(cString: strerror(failure)))
    }

    /// The system's words for a failed write (`No space left on device`): the POSIX error that
    /// Foundation's error wraps, rather than Foundation's own text, which names no cause.
    func systemReason(_ error: any Error) -> String {
        let ns = error as NSError
        let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error
        if let posix = underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let u = underlying.map({ $0 as NSError }), u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(truncatingIfNeeded: u.code))) }
        return ns.localizedDescription
    }

    /// The figure as straight-alpha RGBA pixels at `dpi` (for tests and blank-page checks).
    public func rasterize(dpi: Double = 72) throws(RenderError) -> RasterImage {
        let surface = try CairoSurface(kind: .image(scale: dpi / 72), width: width, height: height)
        let ctx = try CairoContext(surface)
        try FigureRenderer(figure: self).draw(on: CairoCanvas(ctx, family: theme.fontFamilies))
        try ctx.checkStatus("drawing")
        return RasterImage(surface)
    }

    /// What the renderer would draw, without pixels: every text, stroke, fill and image with
    /// its bounding box and role, for layout tests.
    public func layout() throws(RenderError) -> [DrawnItem] {
        let canvas = try RecordingCanvas(family: theme.fontFamilies)
        try FigureRenderer(figure: self).draw(on: canvas)
        return canvas.items
    }
}

/// Makes Cairo's SVG output independent of what else the process drew: Cairo numbers
/// surfaces, glyphs and clips with process-global counters, so ids are renamed in order of
/// first appearance.
enum SVGNormalizer {
    static func normalize(_ data: Data) -> Data {
        guard let text = String(data: data, encoding: .utf8) else { return data }
        let idPattern = try! NSRegularExpression(pattern: #"id="([^"]+)""#)
        var map: [String: String] = [:]
        let ns = text as NSString
        for m in idPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let id = ns.substring(with: m.range(at: 1))
            if map[id] == nil { map[id] = "n\(map.count)" }
        }
        guard !map.isEmpty else { return data }
        let refPattern = try! NSRegularExpression(pattern: #"(id="|#)([A-Za-z_][A-Za-z0-9_.-]*)"#)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var last = 0
        for m in refPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 2))
            guard let new = map[name] else { continue }
            out += ns.substring(with: NSRange(location: last, length: m.range(at: 2).location - last))
            out += new
            last = m.range(at: 2).location + m.range(at: 2).length
        }
        out += ns.substring(from: last)
        return Data(out.utf8)
    }
}

/// Pixels of a rendered figure.
public struct RasterImage: Sendable {
    /// Width and height in pixels.
    public let width, height: Int
    /// Row-major RGBA bytes (straight alpha).
    public let rgba: [UInt8]

    init(_ surface: CairoSurface) {
        cairo_surface_flush(surface.pointer)
        let (w, h) = surface.pixelSize
        width = w; height = h
        var out = [UInt8](repeating: 0, count: w * h * 4)
        if let base = cairo_image_surface_get_data(surface.pointer) {
            let stride = Int(cairo_image_surface_get_stride(surface.pointer))
            for y in 0..<h {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let p = row[x], a = p >> 24
                    let o = (y * w + x) * 4
                    func un(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                    out[o] = un((p >> 16) & 0xFF); out[o + 1] = un((p >> 8) & 0xFF); out[o + 2] = un(p & 0xFF); out[o + 3] = UInt8(a)
                }
            }
        }
        rgba = out
    }

    /// The colour of pixel (x, y).
    public func pixel(_ x: Int, _ y: Int) -> Color {
        let o = (y * width + x) * 4
        return Color(red: Double(rgba[o]) / 255, green: Double(rgba[o + 1]) / 255, blue: Double(rgba[o + 2]) / 255, alpha: Double(rgba[o + 3]) / 255)
    }

    /// The fraction of pixels that differ from the top-left (background) pixel.
    public var inkFraction: Double {
        guard width > 0, height > 0 else { return 0 }
        let bg = Array(rgba[0..<4])
        var n = 0
        for i in stride(from: 0, to: rgba.count, by: 4) where rgba[i] != bg[0] || rgba[i + 1] != bg[1] || rgba[i + 2] != bg[2] { n += 1 }
        return Double(n) / Double(width * height)
    }
}

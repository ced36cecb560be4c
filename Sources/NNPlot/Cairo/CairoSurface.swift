import CCairo
import Foundation

/// Turns a Cairo status into a thrown error naming the call.
func check(_ status: cairo_status_t, _ what: String) throws(RenderError) {
    guard status == CAIRO_STATUS_SUCCESS else {
        throw .cairo(what: what, status: String(cString: cairo_status_to_string(status)))
    }
}

/// A Cairo surface to draw on: an ARGB image (for PNG), or an SVG or PDF stream collected in
/// memory. Owns the `cairo_surface_t` and destroys it on deinit. Not `Sendable`: one surface
/// per task.
final class CairoSurface {
    /// The kind of output.
    enum Kind { case image(scale: Double), svg, pdf }

    let pointer: OpaquePointer
    let kind: Kind
    let widthPoints: Double
    let heightPoints: Double
    /// The bytes a vector surface wrote (filled through Cairo's write callback).
    fileprivate let sink: ByteSink

    /// A surface of `width` x `height` points; images are `scale` pixels per point.
    init(kind: Kind, width: Double, height: Double) throws(RenderError) {
        self.kind = kind
        self.widthPoints = width
        self.heightPoints = height
        self.sink = ByteSink()
        let unmanaged = Unmanaged.passUnretained(sink).toOpaque()
        let s: OpaquePointer?
        switch kind {
        case .image(let scale):
            s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((width * scale).rounded()), Int32((height * scale).rounded()))
        case .svg:
            s = cairo_svg_surface_create_for_stream(byteSinkWrite, unmanaged, width, height)
        case .pdf:
            s = cairo_pdf_surface_create_for_stream(byteSinkWrite, unmanaged, width, height)
        }
        guard let s else { throw .cairo(what: "surface create", status: "no surface") }
        pointer = s
        do {
            try check(cairo_surface_status(s), "surface create")
        } catch {
            cairo_surface_destroy(s)
            throw error
        }
        if case .svg = kind { cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1) }
        if case .pdf = kind {
            // A fixed creation date makes the same figure give the same bytes.
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "nnviz")
        }
    }

    /// An image surface on pixels owned elsewhere (`data`, rows of `stride` bytes), `scale`
    /// pixels per point: another surface's buffer, drawn on by another thread in other tiles.
    init(sharing data: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int, scale: Double) throws(RenderError) {
        kind = .image(scale: scale)
        widthPoints = Double(width) / scale
        heightPoints = Double(height) / scale
        sink = ByteSink()
        guard let s = cairo_image_surface_create_for_data(data.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                          Int32(width), Int32(height), Int32(stride)) else {
            throw .cairo(what: "surface create", status: "no surface")
        }
        pointer = s
        do { try check(cairo_surface_status(s), "surface create") } catch {
            cairo_surface_destroy(s)
            throw error
        }
    }

    deinit { cairo_surface_destroy(pointer) }

    /// Sets the document's title and subject (PDF metadata; Cairo writes non-ASCII text as UTF-16).
    /// Nil or empty values are left out.
    func setMetadata(title: String?, subject: String) {
        guard case .pdf = kind else { return }
        if let title, !title.isEmpty { cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_TITLE, title) }
        if !subject.isEmpty { cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_SUBJECT, subject) }
    }

    /// Finishes the surface (vector output is flushed here; write errors surface here) and
    /// returns the bytes of a vector surface.
    func finish() throws(RenderError) -> Data {
        cairo_surface_flush(pointer)
        cairo_surface_finish(pointer)
        try check(cairo_surface_status(pointer), "surface finish")
        return sink.data
    }

    /// Pixel width and height of an image surface.
    var pixelSize: (width: Int, height: Int) {
        (Int(cairo_image_surface_get_width(pointer)), Int(cairo_image_surface_get_height(pointer)))
    }
}

/// Collects what Cairo writes to a stream.
final class ByteSink {
    var data = Data()
}

private let byteSinkWrite: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}

/// A Cairo drawing context on a surface: paths, colours, text, clipping. Owns its `cairo_t`.
final class CairoContext {
    let cr: OpaquePointer
    let surface: CairoSurface

    init(_ surface: CairoSurface) throws(RenderError) {
        guard let cr = cairo_create(surface.pointer) else { throw .cairo(what: "cairo_create", status: "no context") }
        self.cr = cr
        self.surface = surface
        do { try check(cairo_status(cr), "cairo_create") } catch {
            cairo_destroy(cr)
            throw error
        }
        if case .image(let scale) = surface.kind { cairo_scale(cr, scale, scale) }
        // Hint metrics off: text measured once has the same size on every backend.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    deinit { cairo_destroy(cr) }

    /// The context's status as a thrown error.
    func checkStatus(_ what: String) throws(RenderError) { try check(cairo_status(cr), what) }
}

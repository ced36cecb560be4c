import CCairo
import Foundation

/// PNG rendering on two threads, byte for byte the PNG of one drawing on one thread.
///
/// A pass that draws nothing finds the gaps between panels (``TilePlan``); the tiles between
/// them are drawn by this thread and a worker, each on its own Cairo context over the same
/// pixels, and each band of rows is compressed (on this thread) as soon as its tiles are done,
/// while the other tiles are still being drawn. Deflate is one sequential stream, so this
/// overlap is where the second core helps most.
enum TiledRender {
    /// Whether to draw `width` x `height` pixels in tiles: with a second core, for images of
    /// more than 0.2 megapixels, unless `NNVIZ_RENDER_THREADS=1` asks for one thread.
    static func worthTiling(width: Int, height: Int) -> Bool {
        if let v = getenv("NNVIZ_RENDER_THREADS"), String(cString: v) == "1" { return false }
        return width * height >= 200_000 && cores >= 2
    }

    /// The cores this process may use (Foundation reads the cgroup's files at every ask).
    private static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// The figure as PNG at `dpi`, with the texts that had glyphs no font had.
    static func png(_ figure: Figure, dpi: Double) throws(RenderError) -> RenderedFigure {
        let scale = dpi / 72
        let surface = try CairoSurface(kind: .image(scale: scale), width: figure.width, height: figure.height)
        let ctx = try CairoContext(surface)
        let canvas = CairoCanvas(ctx, family: figure.theme.fontFamilies)
        let renderer = FigureRenderer(figure: figure)
        let (w, h) = surface.pixelSize
        let arrangement = try renderer.arrange(on: canvas)
        var plan: TilePlan?
        if worthTiling(width: w, height: h) {
            // The worker loads its fonts (once per process) and traces the contours while this thread plans the tiles.
            let family = figure.theme.fontFamilies, size = figure.theme.tickSize
            RenderWorker.shared.submit {
                _ = PangoText.forThread(families: family).measure("0", size: size, bold: false)
                renderer.traceContours()
            }
            let extents = ExtentCanvas(measuringWith: canvas)
            var pass = renderer
            pass.marksAsPlotRect = true
            pass.draw(arrangement, on: extents)
            plan = TilePlan(boxes: extents.boxes, scale: scale, width: w, height: h)
        }
        guard let plan, plan.tiles.count > 1, let base = cairo_image_surface_get_data(surface.pointer) else {
            renderer.draw(arrangement, on: canvas)
            try ctx.checkStatus("drawing")
            let data = try PNGEncoder.encode(surface, dpi: dpi, title: figure.documentTitle, source: figure.source)
            return rendered(data, canvas.unknownGlyphTexts, tiles: 1)
        }
        let job = TileJob(plan: plan, renderer: renderer, arrangement: arrangement, family: figure.theme.fontFamilies, base: UnsafeMutableRawPointer(base),
                          stride: Int(cairo_image_surface_get_stride(surface.pointer)), width: w, height: h, scale: scale,
                          opaqueExpected: figure.theme.background.alpha >= 1)
        RenderWorker.shared.submit { job.workerDraws() }
        var data = try job.drawAndEncode(ctx: ctx, canvas: canvas, figure: figure, dpi: dpi)
        cairo_surface_mark_dirty(surface.pointer)
        if data == nil { data = try PNGEncoder.encode(surface, dpi: dpi, title: figure.documentTitle, source: figure.source) }
        return rendered(data ?? Data(), job.glyphs, tiles: plan.tiles.count)
    }

    private static func rendered(_ data: Data, _ glyphs: [(call: Int, text: String, count: Int)], tiles: Int) -> RenderedFigure {
        let sorted = glyphs.sorted { $0.call < $1.call }
        return RenderedFigure(data: data, unknownGlyphs: sorted.reduce(0) { $0 + $1.count }, textsWithUnknownGlyphs: sorted.map(\.text),
                              tiles: tiles)
    }
}

/// One figure's tiles, shared by this thread and the worker: which are claimed and done, the
/// RGB rows they leave for the encoder, and what went wrong.
private final class TileJob: @unchecked Sendable {
    private let lock = NSCondition()
    private let plan: TilePlan
    private let renderer: FigureRenderer
    private let arrangement: FigureRenderer.Arrangement
    private let family: String
    private let base: UnsafeMutableRawPointer
    private let stride, width, height: Int
    private let scale: Double
    /// RGB rows (3 bytes a pixel) when the image is expected to be opaque (an opaque background).
    private let rgb: UnsafeMutablePointer<UInt8>?
    private var next = 0
    private var left: [Int]
    private var opaque = true
    private var failure: RenderError?
    private enum WorkerState { case queued, running, done, cancelled }
    private var worker = WorkerState.queued
    /// Texts with unknown glyphs, from every tile (each counted by one tile).
    private(set) var glyphs: [(call: Int, text: String, count: Int)] = []

    init(plan: TilePlan, renderer: FigureRenderer, arrangement: FigureRenderer.Arrangement, family: String, base: UnsafeMutableRawPointer,
         stride: Int, width: Int, height: Int, scale: Double, opaqueExpected: Bool) {
        self.plan = plan; self.renderer = renderer; self.arrangement = arrangement; self.family = family; self.base = base
        self.stride = stride; self.width = width; self.height = height; self.scale = scale
        left = plan.bands.indices.map { b in plan.tiles.filter { $0.band == b }.count }
        rgb = opaqueExpected ? UnsafeMutablePointer<UInt8>.allocate(capacity: width * height * 3) : nil
    }

    deinit { rgb?.deallocate() }

    /// Draws tiles on this thread and compresses each band once its tiles are done; returns
    /// the PNG, or nil when the image was not opaque after all (the caller encodes it whole).
    /// Returns only when the worker no longer touches the pixels.
    func drawAndEncode(ctx: CairoContext, canvas: CairoCanvas, figure: Figure, dpi: Double) throws(RenderError) -> Data? {
        let stream = rgb == nil ? nil
            : try PNGStream(width: width, height: height, opaque: true, dpi: dpi, title: figure.documentTitle, source: figure.source)
        var encoded = 0
        lock.lock()
        while true {
            if let stream, let rgb, encoded < plan.bands.count, left[encoded] == 0, opaque, failure == nil {
                lock.unlock()
                for y in plan.bands[encoded] { stream.write(row: UnsafePointer(rgb + 3 * width * y)) }
                encoded += 1
                lock.lock()
            } else if next < plan.tiles.count {
                let tile = plan.tiles[next]
                next += 1
                lock.unlock()
                let result = draw(tile, ctx: ctx, canvas: canvas)
                lock.lock()
                finish(tile, result)
            } else if left.allSatisfy({ $0 == 0 }) && (stream == nil || encoded == plan.bands.count || !opaque || failure != nil) {
                break
            } else {
                lock.wait()
            }
        }
        if worker == .queued { worker = .cancelled }
        while worker == .running { lock.wait() }
        glyphs += canvas.unknownGlyphTexts
        let failed = failure, wasOpaque = opaque
        lock.unlock()
        if let failed { throw failed }
        return wasOpaque && encoded == plan.bands.count ? stream?.finish() : nil
    }

    /// The worker's part: tiles on its own surface over the same pixels, until none is left.
    func workerDraws() {
        lock.lock()
        guard worker == .queued else { lock.unlock(); return }
        worker = .running
        var own: (CairoSurface, CairoContext, CairoCanvas)?
        while next < plan.tiles.count {
            let tile = plan.tiles[next]
            next += 1
            lock.unlock()
            let result: Result<Bool, RenderError>
            do throws(RenderError) {
                if own == nil {
                    let s = try CairoSurface(sharing: base, width: width, height: height, stride: stride, scale: scale)
                    let c = try CairoContext(s)
                    own = (s, c, CairoCanvas(c, family: family))
                }
                result = own.map { draw(tile, ctx: $0.1, canvas: $0.2) } ?? .failure(.cairo(what: "surface create", status: "no surface"))
            } catch { result = .failure(error) }
            lock.lock()
            finish(tile, result)
        }
        glyphs += own?.2.unknownGlyphTexts ?? []
        worker = .done
        lock.broadcast()
        lock.unlock()
    }

    /// Records a drawn tile (the lock held).
    private func finish(_ tile: TilePlan.Tile, _ result: Result<Bool, RenderError>) {
        switch result {
        case .success(let tileOpaque): opaque = opaque && tileOpaque
        case .failure(let e): failure = failure ?? e
        }
        left[tile.band] -= 1
        lock.broadcast()
    }

    /// Draws the figure clipped to `tile` (device pixels), then converts the tile to RGB;
    /// returns whether every pixel of the tile is opaque.
    private func draw(_ tile: TilePlan.Tile, ctx: CairoContext, canvas: CairoCanvas) -> Result<Bool, RenderError> {
        let cr = ctx.cr
        let points = Rect(x: Double(tile.columns.lowerBound) / scale, y: Double(tile.rows.lowerBound) / scale,
                          width: Double(tile.columns.count) / scale, height: Double(tile.rows.count) / scale)
        canvas.tile = CanvasTile(points: points, pixels: tile, scale: scale, surfaceWidth: width, surfaceHeight: height)
        var r = renderer
        r.visible = points
        cairo_save(cr)
        cairo_identity_matrix(cr)
        cairo_rectangle(cr, Double(tile.columns.lowerBound), Double(tile.rows.lowerBound), Double(tile.columns.count), Double(tile.rows.count))
        cairo_clip(cr)
        cairo_scale(cr, scale, scale)
        r.draw(arrangement, on: canvas)
        cairo_restore(cr)
        do { try ctx.checkStatus("drawing") } catch { return .failure(error) }
        cairo_surface_flush(ctx.surface.pointer)
        guard let rgb else { return .success(false) }
        return .success(PNGEncoder.rgb(from: base, stride: stride, rows: tile.rows, columns: tile.columns, into: rgb, width: width))
    }
}

/// A thread that draws tiles for every figure of the process. It stays: Pango's default font
/// map is per thread, so a new thread would load the fonts again.
final class RenderWorker: @unchecked Sendable {
    static let shared = RenderWorker()
    private let lock = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    private init() {
        let thread = Thread { [self] in self.run() }
        thread.name = "nnviz-render"
        thread.start()
    }

    /// Runs `job` on the worker, after the jobs before it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        lock.lock()
        jobs.append(job)
        lock.signal()
        lock.unlock()
    }

    private func run() {
        while true {
            lock.lock()
            while jobs.isEmpty { lock.wait() }
            let job = jobs.removeFirst()
            lock.unlock()
            job()
        }
    }
}

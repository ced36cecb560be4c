import Foundation

/// Events folded into per-run series, for analysis and figures, in one pass and bounded memory.
/// Runs shorter than a few thousand steps are kept whole. Beyond, each layer's statistics are
/// min-max decimated (``MinMaxDecimator``: every spike of every bucket survives, with far more
/// buckets than a figure has pixels), histogram sequences are sampled at evenly spaced positions
/// (``HistogramSampler``), and what the diagnoses measure is kept exactly over all events
/// (``LayerSeriesSummary``). Scalar series are kept whole (a smoothed curve and the facts need
/// every value; one scalar point is 32 bytes against the 60 to 200 bytes of its line).
public final class EventStore {
    /// Everything recorded about one run.
    public final class Run {
        public let name: String
        public internal(set) var start: RunStart?
        public internal(set) var end: RunEnd?
        /// Scalar series by name, in step order: (step, epoch, value).
        public internal(set) var scalars: [String: [(step: Int, epoch: Int?, value: Double)]] = [:]
        /// Statistics by layer and quantity, in step order (decimated beyond a few thousand per series).
        public var stats: [String: [Quantity: [LayerStats]]] { published.stats }
        /// Exact summaries of every statistic recorded, by layer and quantity.
        public var statSummaries: [String: [Quantity: LayerSeriesSummary]] { published.summaries }
        /// Histograms by layer and quantity, in step order (evenly sampled beyond a few hundred per series).
        public var histograms: [String: [Quantity: [Histogram]]] { published.histograms }
        /// Each series' reducer and what it keeps, by layer and quantity (one lookup an event).
        var series: [SeriesKey: Series] = [:]
        /// The series as the public dictionaries, made again after the first read that follows an event.
        private var cache: (stats: [String: [Quantity: [LayerStats]]], summaries: [String: [Quantity: LayerSeriesSummary]],
                            histograms: [String: [Quantity: [Histogram]]])?
        /// Points of a 2-D trajectory.
        public internal(set) var trajectory: [TrajectoryPoint] = []
        /// Sampled surfaces (e.g. the loss on a projection plane).
        public internal(set) var surfaces: [Surface] = []
        /// Sampled curves (schema 1.2), in the order recorded.
        public internal(set) var curves: [Curve] = []
        /// Labelled 2-D point sets (schema 1.2), in the order recorded.
        public internal(set) var points: [PointSet] = []
        /// Layer names in model order (from run_start, or as first seen).
        public internal(set) var layerOrder: [String] = []
        init(name: String) { self.name = name }

        /// A scalar series' values.
        public func values(_ name: String) -> [Double] { scalars[name]?.map(\.value) ?? [] }
        /// A scalar series' steps.
        public func steps(_ name: String) -> [Int] { scalars[name]?.map(\.step) ?? [] }
        /// The exact summary of layer `layer`'s statistics of `q` over every recorded event.
        public func summary(_ layer: String, _ q: Quantity) -> LayerSeriesSummary? { statSummaries[layer]?[q] }
        /// The layers that have statistics of `q`, in model order.
        public func layers(with q: Quantity) -> [String] { layerOrder.filter { (series[SeriesKey(layer: $0, quantity: q)]?.summary.count ?? 0) > 0 } }

        /// The series of `layer` and `q`, made (and the layer put in the model order) when new.
        func series(_ layer: String, _ q: Quantity) -> Series {
            let key = SeriesKey(layer: layer, quantity: q)
            if let s = series[key] { return s }
            if !layerOrder.contains(layer) { layerOrder.append(layer) }
            let s = Series()
            series[key] = s
            return s
        }

        func changed() { cache = nil }

        private var published: (stats: [String: [Quantity: [LayerStats]]], summaries: [String: [Quantity: LayerSeriesSummary]],
                                histograms: [String: [Quantity: [Histogram]]]) {
            if let cache { return cache }
            var made: (stats: [String: [Quantity: [LayerStats]]], summaries: [String: [Quantity: LayerSeriesSummary]],
                       histograms: [String: [Quantity: [Histogram]]]) = ([:], [:], [:])
            for (key, s) in series {
                if s.summary.count > 0 {
                    made.stats[key.layer, default: [:]][key.quantity] = s.decimator.keptPoints()
                    made.summaries[key.layer, default: [:]][key.quantity] = s.summary
                }
                if !s.histograms.isEmpty { made.histograms[key.layer, default: [:]][key.quantity] = s.histograms }
            }
            cache = made
            return made
        }
    }

    /// A layer and a quantity: the key of one series.
    struct SeriesKey: Hashable { var layer: String; var quantity: Quantity }

    /// One layer's statistics and histograms of one quantity: what is kept and how.
    final class Series {
        var decimator = MinMaxDecimator()
        var summary = LayerSeriesSummary()
        var histograms: [Histogram] = []
        var sampler = HistogramSampler()
    }

    /// Runs in the order first seen.
    public private(set) var runs: [Run] = []
    private var byName: [String: Run] = [:]

    /// An empty store.
    public init() {}

    /// A store of the given events.
    public convenience init(_ events: [Event]) {
        self.init()
        events.forEach(add)
    }

    /// The run named `name`.
    public subscript(name: String) -> Run? { byName[name] }

    private func run(_ name: String) -> Run {
        if let r = byName[name] { return r }
        let r = Run(name: name)
        byName[name] = r
        runs.append(r)
        return r
    }

    /// Adds one event.
    public func add(_ event: Event) {
        let r = run(event.run)
        switch event {
        case .runStart(let e):
            r.start = e
            r.layerOrder = e.layers.map(\.name)
        case .scalar(let e): r.scalars[e.name, default: []].append((e.step, e.epoch, e.value))
        case .layerStats(let e):
            let s = r.series(e.layer, e.quantity)
            r.changed()
            s.decimator.add(e)
            s.summary.add(e)
        case .histogram(let e):
            let s = r.series(e.layer, e.quantity)
            r.changed()
            s.sampler.add(e, into: &s.histograms)
        case .trajectory(let e): r.trajectory.append(e)
        case .surface(let e): r.surfaces.append(e)
        case .curve(let e): r.curves.append(e)
        case .points(let e): r.points.append(e)
        case .runEnd(let e): r.end = e
        }
    }

    /// Reads event files (streaming) into a store; warnings are returned.
    public static func read(paths: [String]) throws -> (EventStore, warnings: [String]) {
        let store = EventStore()
        var reader = EventReader()
        for p in paths { try reader.forEach(path: p) { store.add($0) } }
        return (store, reader.warnings)
    }

    /// ``read(paths:)``, also measuring the seconds spent adding events to the store (the rest of
    /// the reading is parsing), for `NNVIZ_REPORT_TIMINGS` and the benchmarks.
    public static func readTimed(paths: [String]) throws -> (EventStore, warnings: [String], addSeconds: Double) {
        let store = EventStore()
        var reader = EventReader()
        var nanoseconds: UInt64 = 0
        for p in paths {
            try reader.forEach(path: p) { e in
                let t0 = DispatchTime.now().uptimeNanoseconds
                store.add(e)
                nanoseconds += DispatchTime.now().uptimeNanoseconds - t0
            }
        }
        return (store, reader.warnings, Double(nanoseconds) / 1e9)
    }
}

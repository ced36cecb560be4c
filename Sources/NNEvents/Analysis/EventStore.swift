/// Events folded into per-run series, for analysis and figures. Memory grows with the number
/// of recorded points kept, not with the size of the file they came from.
public final class EventStore {
    /// Everything recorded about one run.
    public final class Run {
        public let name: String
        public internal(set) var start: RunStart?
        public internal(set) var end: RunEnd?
        /// Scalar series by name, in step order: (step, epoch, value).
        public internal(set) var scalars: [String: [(step: Int, epoch: Int?, value: Double)]] = [:]
        /// Statistics by layer and quantity, in step order.
        public internal(set) var stats: [String: [Quantity: [LayerStats]]] = [:]
        /// Histograms by layer and quantity, in step order.
        public internal(set) var histograms: [String: [Quantity: [Histogram]]] = [:]
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
        /// The layers that have statistics of `q`, in model order.
        public func layers(with q: Quantity) -> [String] { layerOrder.filter { stats[$0]?[q]?.isEmpty == false } }
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
            if !r.layerOrder.contains(e.layer) { r.layerOrder.append(e.layer) }
            r.stats[e.layer, default: [:]][e.quantity, default: []].append(e)
        case .histogram(let e):
            if !r.layerOrder.contains(e.layer) { r.layerOrder.append(e.layer) }
            r.histograms[e.layer, default: [:]][e.quantity, default: []].append(e)
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
}

/// One record of the event stream: a line of an `events.jsonl` file.
///
/// See `Sources/NNEvents/EventFormat.md` for every kind and field. Each line is a JSON object with `v` (schema
/// version), `kind`, `run` and the kind's fields.
public enum Event: Sendable, Equatable {
    case runStart(RunStart)
    case scalar(ScalarEvent)
    case layerStats(LayerStats)
    case histogram(Histogram)
    case trajectory(TrajectoryPoint)
    case surface(Surface)
    case curve(Curve)
    case points(PointSet)
    case runEnd(RunEnd)

    /// The run the event belongs to.
    public var run: String {
        switch self {
        case .runStart(let e): e.run
        case .scalar(let e): e.run
        case .layerStats(let e): e.run
        case .histogram(let e): e.run
        case .trajectory(let e): e.run
        case .surface(let e): e.run
        case .curve(let e): e.run
        case .points(let e): e.run
        case .runEnd(let e): e.run
        }
    }

    /// The `kind` field.
    public var kind: String {
        switch self {
        case .runStart: "run_start"
        case .scalar: "scalar"
        case .layerStats: "layer_stats"
        case .histogram: "histogram"
        case .trajectory: "trajectory"
        case .surface: "surface"
        case .curve: "curve"
        case .points: "points"
        case .runEnd: "run_end"
        }
    }
}

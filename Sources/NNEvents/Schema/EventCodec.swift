import Foundation

/// Writes and reads events as JSON lines. Keys come in a fixed order and numbers in their
/// shortest round-trip form, so the same events give the same bytes. JSON has no NaN or
/// infinity: non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity".
public enum EventCodec {
    // MARK: Writing

    /// A number as written in an event line (NaN and ±infinity as quoted strings).
    static func number(_ v: Double) -> String {
        var w = JSONWriter()
        w.number(v)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The event as one line of JSON (no newline).
    public static func encode(_ event: Event) -> String {
        var w = JSONWriter()
        write(event, to: &w) { w, edges in w.array(edges) { $0.number($1) } }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Writes the event's JSON object; `edges` writes a histogram's edges array (``EventEncoder``
    /// copies the text of edges it has written before).
    static func write(_ event: Event, to l: inout JSONWriter, edges: (inout JSONWriter, [Double]) -> Void) {
        l.object { l in
            l.str("v", EventSchema.version)
            l.str("kind", event.kind)
            l.str("run", event.run)
            switch event {
            case .runStart(let e): writeRunStart(e, to: &l)
            case .scalar(let e):
                l.str("name", e.name); l.int("step", e.step)
                if let ep = e.epoch { l.int("epoch", ep) }
                l.num("value", e.value)
            case .layerStats(let e):
                l.int("step", e.step); l.str("layer", e.layer); l.int("index", e.index); l.str("quantity", e.quantity.rawValue)
                l.int("count", e.count); l.num("mean", e.mean); l.num("std", e.std); l.num("min", e.min); l.num("max", e.max)
                l.num("l2", e.l2); l.int("nan", e.nan); l.int("pos_inf", e.posInf); l.int("neg_inf", e.negInf)
                l.num("zero_fraction", e.zeroFraction); l.optNum("dead_fraction", e.deadFraction)
                l.optNum("saturated_fraction", e.saturatedFraction); l.optStr("saturation_rule", e.saturationRule)
                l.optNum("update_ratio", e.updateRatio); l.optNum("distance_from_init", e.distanceFromInit)
            case .histogram(let e):
                l.int("step", e.step); l.str("layer", e.layer); l.int("index", e.index); l.str("quantity", e.quantity.rawValue)
                l.key("edges"); edges(&l, e.edges)
                l.ints("counts", e.counts)
                l.int("underflow", e.underflow); l.int("overflow", e.overflow); l.int("nan", e.nan)
            case .trajectory(let e):
                l.int("step", e.step); l.num("x", e.x); l.num("y", e.y); l.optNum("value", e.value)
            case .surface(let e):
                l.str("name", e.name); l.nums("x", e.x); l.nums("y", e.y)
                l.key("values"); l.array(e.values) { $0.array($1) { $0.number($1) } }
                l.str("x_label", e.xLabel); l.str("y_label", e.yLabel)
            case .curve(let e):
                l.str("name", e.name); l.nums("x", e.x); l.nums("y", e.y)
                l.str("x_label", e.xLabel); l.str("y_label", e.yLabel)
            case .points(let e):
                l.str("name", e.name); l.nums("x", e.x); l.nums("y", e.y); l.ints("labels", e.labels)
            case .runEnd(let e):
                l.str("status", e.status); l.int("step", e.step)
                if let ep = e.epoch { l.int("epoch", ep) }
                l.optStr("reason", e.reason); l.optStr("quantity", e.quantity)
            }
        }
    }

    /// `run_start`'s fields after `run`; the objects' keys sorted.
    private static func writeRunStart(_ e: RunStart, to l: inout JSONWriter) {
        l.str("study", e.study)
        l.key("seed"); l.bytes.append(contentsOf: String(e.seed).utf8)
        l.key("layers")
        l.array(e.layers) { o, layer in
            o.object { o in
                o.str("name", layer.name); o.str("kind", layer.kind); o.int("inputs", layer.inputs); o.int("outputs", layer.outputs)
                o.optStr("activation", layer.activation); o.optStr("initializer", layer.initializer); o.int("parameters", layer.parameters)
            }
        }
        l.int("parameter_count", e.parameterCount)
        l.str("optimizer", e.optimizer)
        l.key("optimizer_settings")
        l.object { o in for k in e.optimizerSettings.keys.sorted() { o.key(k); o.number(e.optimizerSettings[k] ?? 0) } }
        l.str("loss", e.loss)
        l.str("dataset", e.dataset)
        l.key("splits")
        l.object { o in for k in e.splits.keys.sorted() { o.key(k); o.integer(Int64(e.splits[k] ?? 0)) } }
        l.int("batch_size", e.batchSize)
        l.str("producer", e.producer)
        l.optStr("label", e.label)
        if !e.settings.isEmpty {
            l.key("settings")
            l.object { o in for k in e.settings.keys.sorted() { o.key(k); o.string(e.settings[k] ?? "") } }
        }
    }

    // MARK: Reading

    /// The fields each kind may have (others are reported as unknown).
    static let knownFields: [String: Set<String>] = [
        "run_start": ["study", "seed", "layers", "parameter_count", "optimizer", "optimizer_settings", "loss", "dataset", "splits", "batch_size",
                      "producer", "label", "settings"],
        "scalar": ["name", "step", "epoch", "value"],
        "layer_stats": ["step", "layer", "index", "quantity", "count", "mean", "std", "min", "max", "l2", "nan", "pos_inf", "neg_inf",
                        "zero_fraction", "dead_fraction", "saturated_fraction", "saturation_rule", "update_ratio", "distance_from_init"],
        "histogram": ["step", "layer", "index", "quantity", "edges", "counts", "underflow", "overflow", "nan"],
        "trajectory": ["step", "x", "y", "value"],
        "surface": ["name", "x", "y", "values", "x_label", "y_label"],
        "curve": ["name", "x", "y", "x_label", "y_label"],
        "points": ["name", "x", "y", "labels"],
        "run_end": ["status", "step", "epoch", "reason", "quantity"],
    ]

    /// A field-level problem in a line.
    struct FieldError: Error { var message: String }

    struct Fields {
        let d: [String: Any]
        func string(_ k: String) throws -> String {
            guard let v = d[k] as? String else { throw FieldError(message: d[k] == nil ? "missing field '\(k)'" : "field '\(k)' must be a string") }
            return v
        }
        func isNull(_ k: String) -> Bool { d[k] == nil || d[k] is JSONLineParser.JSONNull }
        func optString(_ k: String) throws -> String? { isNull(k) ? nil : try string(k) }
        func double(_ k: String) throws -> Double {
            switch d[k] {
            case let n as Double: return n
            case let s as String where ["NaN", "Infinity", "-Infinity"].contains(s): return s == "NaN" ? .nan : (s == "Infinity" ? .infinity : -.infinity)
            case nil: throw FieldError(message: "missing field '\(k)'")
            default: throw FieldError(message: "field '\(k)' must be a number")
            }
        }
        func optDouble(_ k: String) throws -> Double? { isNull(k) ? nil : try double(k) }
        func int(_ k: String) throws -> Int {
            let v = try double(k)
            guard v.isFinite, v == v.rounded(), abs(v) < 9e15 else { throw FieldError(message: "field '\(k)' must be an integer") }
            return Int(v)
        }
        func optInt(_ k: String) throws -> Int? { isNull(k) ? nil : try int(k) }
        func doubles(_ k: String) throws -> [Double] {
            guard let a = d[k] as? [Any] else { throw FieldError(message: d[k] == nil ? "missing field '\(k)'" : "field '\(k)' must be an array") }
            return try a.enumerated().map { i, v in try Fields(d: ["\(k)[\(i)]": v]).double("\(k)[\(i)]") }
        }
        func quantity() throws -> Quantity {
            let q = try string("quantity")
            guard let v = Quantity(rawValue: q) else {
                throw FieldError(message: "field 'quantity' is '\(q)', not one of \(Quantity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
    }

    /// `run_start`'s optional `settings` object as text: strings as they are, numbers in their shortest form, booleans as
    /// `true`/`false`.
    static func settingsText(_ value: Any?) throws -> [String: String] {
        guard let value, !(value is JSONLineParser.JSONNull) else { return [:] }
        guard let d = value as? [String: Any] else { throw FieldError(message: "field 'settings' must be an object") }
        var out: [String: String] = [:]
        for (k, v) in d {
            switch v {
            case let s as String: out[k] = s
            case let b as Bool: out[k] = b ? "true" : "false"
            case let n as Double: out[k] = number(n).replacingOccurrences(of: "\"", with: "")
            default: throw FieldError(message: "field 'settings.\(k)' must be a string, number or boolean")
            }
        }
        return out
    }

    /// Decodes one parsed line. Returns nil for an unknown kind (the caller warns).
    static func decode(_ d: [String: Any]) throws -> Event? {
        let f = Fields(d: d)
        let kind = try f.string("kind")
        let run = try f.string("run")
        switch kind {
        case "run_start":
            let layers = try (d["layers"] as? [[String: Any]] ?? []).map { l -> LayerInfo in
                let g = Fields(d: l)
                return LayerInfo(name: try g.string("name"), kind: try g.string("kind"), inputs: try g.int("inputs"), outputs: try g.int("outputs"),
                                 activation: try g.optString("activation"), initializer: try g.optString("initializer"),
                                 parameters: try g.optInt("parameters") ?? 0)
            }
            var settings: [String: Double] = [:]
            for (k, v) in d["optimizer_settings"] as? [String: Any] ?? [:] { settings[k] = try Fields(d: [k: v]).double(k) }
            var splits: [String: Int] = [:]
            for (k, v) in d["splits"] as? [String: Any] ?? [:] { splits[k] = try Fields(d: [k: v]).int(k) }
            let seed = try f.double("seed")
            guard seed.isFinite, seed >= 0, seed < 1.8e19, seed == seed.rounded() else {
                throw FieldError(message: "field 'seed' must be an integer from 0 to 2^64 - 1")
            }
            return .runStart(RunStart(run: run, study: try f.optString("study") ?? "", seed: UInt64(seed), layers: layers,
                                      parameterCount: try f.optInt("parameter_count") ?? 0, optimizer: try f.optString("optimizer") ?? "",
                                      optimizerSettings: settings, loss: try f.optString("loss") ?? "", dataset: try f.optString("dataset") ?? "",
                                      splits: splits, batchSize: try f.optInt("batch_size") ?? 0, producer: try f.optString("producer") ?? "",
                                      label: try f.optString("label"), settings: try settingsText(d["settings"])))
        case "scalar":
            return .scalar(ScalarEvent(run: run, name: try f.string("name"), step: try f.int("step"), epoch: try f.optInt("epoch"),
                                       value: try f.double("value")))
        case "layer_stats":
            return .layerStats(LayerStats(
                run: run, step: try f.int("step"), layer: try f.string("layer"), index: try f.optInt("index") ?? 0, quantity: try f.quantity(),
                count: try f.int("count"), mean: try f.double("mean"), std: try f.double("std"), min: try f.double("min"), max: try f.double("max"),
                l2: try f.double("l2"), nan: try f.optInt("nan") ?? 0, posInf: try f.optInt("pos_inf") ?? 0, negInf: try f.optInt("neg_inf") ?? 0,
                zeroFraction: try f.optDouble("zero_fraction") ?? 0, deadFraction: try f.optDouble("dead_fraction"),
                saturatedFraction: try f.optDouble("saturated_fraction"), saturationRule: try f.optString("saturation_rule"),
                updateRatio: try f.optDouble("update_ratio"), distanceFromInit: try f.optDouble("distance_from_init")))
        case "histogram":
            let edges = try f.doubles("edges")
            let counts = try f.doubles("counts").map { c -> Int in
                guard c >= 0, c < 9e15, c == c.rounded() else { throw FieldError(message: "field 'counts' must hold non-negative integers") }
                return Int(c)
            }
            guard edges.count == counts.count + 1 else {
                throw FieldError(message: "'edges' must have one more element than 'counts' (\(edges.count) edges, \(counts.count) counts)")
            }
            guard zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else { throw FieldError(message: "'edges' must increase") }
            return .histogram(Histogram(run: run, step: try f.int("step"), layer: try f.string("layer"), index: try f.optInt("index") ?? 0,
                                        quantity: try f.quantity(), edges: edges, counts: counts, underflow: try f.optInt("underflow") ?? 0,
                                        overflow: try f.optInt("overflow") ?? 0, nan: try f.optInt("nan") ?? 0))
        case "trajectory":
            return .trajectory(TrajectoryPoint(run: run, step: try f.int("step"), x: try f.double("x"), y: try f.double("y"), value: try f.optDouble("value")))
        case "surface":
            let x = try f.doubles("x"), y = try f.doubles("y")
            guard let rows = d["values"] as? [Any], rows.count == y.count else {
                throw FieldError(message: "'values' must hold one row per y value (\(y.count))")
            }
            let values = try rows.enumerated().map { j, row -> [Double] in
                let r = try Fields(d: ["values[\(j)]": row]).doubles("values[\(j)]")
                guard r.count == x.count else { throw FieldError(message: "'values[\(j)]' must hold one value per x (\(x.count))") }
                return r
            }
            return .surface(Surface(run: run, name: try f.string("name"), x: x, y: y, values: values,
                                    xLabel: try f.optString("x_label") ?? "", yLabel: try f.optString("y_label") ?? ""))
        case "curve", "points":
            return try decodeSeries(kind, run: run, f)
        case "run_end":
            let status = try f.string("status")
            guard ["completed", "stopped_early", "diverged"].contains(status) else {
                throw FieldError(message: "field 'status' is '\(status)', not completed, stopped_early or diverged")
            }
            return .runEnd(RunEnd(run: run, status: status, step: try f.int("step"), epoch: try f.optInt("epoch"),
                                  reason: try f.optString("reason"), quantity: try f.optString("quantity")))
        default:
            return nil
        }
    }

    /// `curve` and `points`: named series of x, y (and labels).
    static func decodeSeries(_ kind: String, run: String, _ f: Fields) throws -> Event {
        let x = try f.doubles("x"), y = try f.doubles("y")
        guard x.count == y.count else { throw FieldError(message: "'x' and 'y' must have as many values (\(x.count) and \(y.count))") }
        if kind == "curve" {
            return .curve(Curve(run: run, name: try f.string("name"), x: x, y: y, xLabel: try f.optString("x_label") ?? "",
                                yLabel: try f.optString("y_label") ?? ""))
        }
        let labels = try f.doubles("labels").map { v -> Int in
            guard v == v.rounded(), abs(v) < 1e9 else { throw FieldError(message: "field 'labels' must hold integers") }
            return Int(v)
        }
        guard labels.count == x.count else { throw FieldError(message: "'labels' must have one value per point (\(x.count))") }
        return .points(PointSet(run: run, name: try f.string("name"), x: x, y: y, labels: labels))
    }
}

import Foundation
import NNEvents

/// The event encoder as it was before lines were written as bytes (nnviz 0949e1a): each field a
/// `String`, numbers through `Double.description`, joined with commas. Kept here as the oracle
/// of the byte encoder: the same event must give the same bytes.
enum LegacyEventEncoding {
    struct Line {
        var parts: [String] = []
        mutating func raw(_ key: String, _ json: String) { parts.append("\"\(key)\":\(json)") }
        mutating func str(_ key: String, _ v: String) { raw(key, quote(v)) }
        mutating func num(_ key: String, _ v: Double) { raw(key, number(v)) }
        mutating func int(_ key: String, _ v: Int) { raw(key, String(v)) }
        mutating func optNum(_ key: String, _ v: Double?) { if let v { num(key, v) } }
        mutating func optStr(_ key: String, _ v: String?) { if let v { str(key, v) } }
        var text: String { "{" + parts.joined(separator: ",") + "}" }
    }

    static func number(_ v: Double) -> String {
        if v.isNaN { return "\"NaN\"" }
        if v.isInfinite { return v > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func object(_ d: [String: Double]) -> String {
        "{" + d.keys.sorted().map { "\(quote($0)):\(number(d[$0]!))" }.joined(separator: ",") + "}"
    }

    static func list(_ xs: [Double]) -> String { "[" + xs.map(number).joined(separator: ",") + "]" }

    static func encode(_ event: Event) -> String {
        var l = Line()
        l.str("v", EventSchema.version); l.str("kind", event.kind); l.str("run", event.run)
        switch event {
        case .runStart(let e):
            l.str("study", e.study); l.raw("seed", String(e.seed))
            l.raw("layers", "[" + e.layers.map { layer -> String in
                var o = Line()
                o.str("name", layer.name); o.str("kind", layer.kind); o.int("inputs", layer.inputs); o.int("outputs", layer.outputs)
                o.optStr("activation", layer.activation); o.optStr("initializer", layer.initializer); o.int("parameters", layer.parameters)
                return o.text
            }.joined(separator: ",") + "]")
            l.int("parameter_count", e.parameterCount); l.str("optimizer", e.optimizer); l.raw("optimizer_settings", object(e.optimizerSettings))
            l.str("loss", e.loss); l.str("dataset", e.dataset)
            l.raw("splits", "{" + e.splits.keys.sorted().map { "\(quote($0)):\(e.splits[$0]!)" }.joined(separator: ",") + "}")
            l.int("batch_size", e.batchSize); l.str("producer", e.producer); l.optStr("label", e.label)
            if !e.settings.isEmpty {
                l.raw("settings", "{" + e.settings.keys.sorted().map { "\(quote($0)):\(quote(e.settings[$0] ?? ""))" }.joined(separator: ",") + "}")
            }
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
            l.raw("edges", list(e.edges)); l.raw("counts", "[" + e.counts.map(String.init).joined(separator: ",") + "]")
            l.int("underflow", e.underflow); l.int("overflow", e.overflow); l.int("nan", e.nan)
        case .trajectory(let e):
            l.int("step", e.step); l.num("x", e.x); l.num("y", e.y); l.optNum("value", e.value)
        case .surface(let e):
            l.str("name", e.name); l.raw("x", list(e.x)); l.raw("y", list(e.y))
            l.raw("values", "[" + e.values.map(list).joined(separator: ",") + "]")
            l.str("x_label", e.xLabel); l.str("y_label", e.yLabel)
        case .curve(let e):
            l.str("name", e.name); l.raw("x", list(e.x)); l.raw("y", list(e.y)); l.str("x_label", e.xLabel); l.str("y_label", e.yLabel)
        case .points(let e):
            l.str("name", e.name); l.raw("x", list(e.x)); l.raw("y", list(e.y))
            l.raw("labels", "[" + e.labels.map(String.init).joined(separator: ",") + "]")
        case .runEnd(let e):
            l.str("status", e.status); l.int("step", e.step)
            if let ep = e.epoch { l.int("epoch", ep) }
            l.optStr("reason", e.reason); l.optStr("quantity", e.quantity)
        }
        return l.text
    }
}

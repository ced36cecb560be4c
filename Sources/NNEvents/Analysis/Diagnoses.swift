import Foundation

/// The verdict of one rule on one run: whether it fired, the rule and its threshold, the value
/// measured, and where — written so a student can check it against the figures by eye. The
/// texts are in the language current when the rule ran (``Language/current``; `diagnoses.*.yaml`).
public struct Diagnosis: Sendable, Equatable {
    /// The rule's stable name, the same in every language: `vanishing`, `dead_relus`, ...
    public var id: String
    /// What the rule detects, e.g. `vanishing gradients`.
    public var name: String
    /// `fired`, `did not fire`, or `not measured` (the run lacks the data).
    public var status: Status
    /// The rule with its threshold.
    public var rule: String
    /// The measured value, when there is one.
    public var value: Double?
    /// The measured value in words, with units.
    public var measured: String
    /// Where: run, layer, steps.
    public var location: String

    /// A rule's verdict.
    public enum Status: String, Sendable {
        case fired = "fired", clear = "did not fire", notMeasured = "not measured"

        /// The verdict in the current language.
        public var text: String { DiagnosisText.text("status." + (self == .notMeasured ? "not_measured" : self == .fired ? "fired" : "clear")) }
    }
    /// Whether the rule fired.
    public var fired: Bool { status == .fired }

    /// A verdict whose name comes from the rule's texts.
    init(_ id: String, _ status: Status, rule: String, value: Double? = nil, measured: String, location: String) {
        self.id = id
        self.name = DiagnosisText.text("\(id).name")
        self.status = status; self.rule = rule; self.value = value; self.measured = measured; self.location = location
    }
}

/// The diagnosis rules and their thresholds.
public enum Diagnoses {
    /// Vanishing: mean first-layer weight-gradient norm / mean last-hidden-layer norm below this.
    public static let vanishingRatio = 1e-2
    /// Exploding: that ratio above this, or any weight-gradient norm above `explodingNorm`.
    public static let explodingRatio = 1e2
    public static let explodingNorm = 1e3
    /// Saturation: a sigmoid/tanh layer with more than this fraction of saturated outputs.
    public static let saturatedFraction = 0.5
    /// Dead ReLUs: a ReLU layer with more than this fraction of units zero for a whole batch.
    public static let deadFraction = 0.5
    /// Collapsed activations: the last hidden layer's activation std below this.
    public static let collapsedStd = 0.02
    /// Update-to-weight ratio: healthy between these (about 1e-3).
    public static let updateRatioRange = 1e-4...1e-2
    /// Loss not decreasing: the last 10 % of batch losses average at least this fraction of the first 10 %.
    public static let stallFraction = 0.95
    /// Overfitting: validation loss this much above its minimum at the end, while training loss fell.
    public static let overfitRise = 0.05

    static func fmt(_ v: Double) -> String {
        guard v.isFinite else { return "\(v)" }
        if v == 0 { return "0" }
        return abs(v) >= 1e-3 && abs(v) < 1e5 ? String(format: "%.4g", v) : String(format: "%.3e", v)
    }

    static func median(_ v: [Double]) -> Double {
        let s = v.filter(\.isFinite).sorted()
        return s.isEmpty ? .nan : s[s.count / 2]
    }

    static func mean(_ v: [Double]) -> Double {
        let f = v.filter(\.isFinite)
        return f.isEmpty ? .nan : f.reduce(0, +) / Double(f.count)
    }

    /// Layers with weights, in model order, without the output layer when there are hidden ones.
    static func hiddenWeightLayers(_ r: EventStore.Run) -> [String] {
        let all = r.layers(with: .weightGradient)
        return all.count > 2 ? Array(all.dropLast()) : all
    }

    /// Why a rule on activations of the kinds `activations` has nothing to measure: the run has no
    /// such layers (by its `run_start`), or it has them but recorded no activation statistics.
    static func missingActivations(_ r: EventStore.Run, of activations: Set<String>, named: String) -> String {
        let values = ["named": named]
        guard let layers = r.start?.layers else { return DiagnosisText.text("activations.no_statistics", values) }
        if layers.contains(where: { activations.contains($0.activation ?? "") }) {
            return DiagnosisText.text("activations.not_recorded", values)
        }
        return DiagnosisText.text("activations.no_layers", values)
    }

    /// Every rule on one run.
    public static func all(_ r: EventStore.Run) -> [Diagnosis] {
        [vanishing(r), exploding(r), saturation(r), deadReLUs(r), collapsed(r), updateRatio(r), stalled(r), overfitting(r), divergence(r)]
    }

    /// The rules' texts in every language (`diagnoses.<language>.yaml`), for tests and tools.
    public static var texts: TextCatalog { DiagnosisText.catalog }

    /// A text of the rule texts.
    static func t(_ key: String, _ values: [String: String] = [:]) -> String { DiagnosisText.text(key, values) }

    /// Vanishing gradients: the first layer's gradient norm far below the last hidden layer's.
    public static func vanishing(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("vanishing.rule", ["threshold": fmt(vanishingRatio)])
        let layers = hiddenWeightLayers(r)
        guard let first = layers.first, let last = layers.last, first != last,
              let a = r.summary(first, .weightGradient), let b = r.summary(last, .weightGradient) else {
            return Diagnosis("vanishing", .notMeasured, rule: rule, measured: t("vanishing.needs"), location: r.name)
        }
        // Exact over every event, also when the series is decimated (the same sums, in recorded order).
        let ratio = a.l2Mean / b.l2Mean
        let location = t("vanishing.location", ["run": r.name, "first": first, "last": last, "from": "\(a.firstStep)", "to": "\(a.lastStep)"])
        return Diagnosis("vanishing", ratio < vanishingRatio ? .fired : .clear, rule: rule, value: ratio,
                         measured: t("vanishing.measured", ["ratio": fmt(ratio)]), location: location)
    }

    /// Exploding gradients: that ratio far above 1, or any huge gradient norm.
    public static func exploding(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("exploding.rule", ["ratio": fmt(explodingRatio), "norm": fmt(explodingNorm)])
        let layers = r.layers(with: .weightGradient)
        guard !layers.isEmpty else { return Diagnosis("exploding", .notMeasured, rule: rule, measured: t("exploding.needs"), location: r.name) }
        // The scan `for s in stats where s.l2 > worst || !s.l2.isFinite { worst = s }` over the layers in
        // order, from each layer's exact summary: after a non-finite norm only what follows it counts.
        var worst = (0.0, "", 0)
        for l in layers {
            guard let s = r.summary(l, .weightGradient) else { continue }
            if let w = s.worstAfterNonFinite { worst = (w.l2, l, w.step) } else if let m = s.largest, m.l2 > worst.0 { worst = (m.l2, l, m.step) }
        }
        let hidden = hiddenWeightLayers(r)
        func meanNorm(_ l: String) -> Double { r.summary(l, .weightGradient)?.l2Mean ?? .nan }
        let ratio = hidden.count >= 2 ? meanNorm(hidden.first!) / meanNorm(hidden.last!) : 1
        let fired = ratio > explodingRatio || worst.0 > explodingNorm || !worst.0.isFinite
        return Diagnosis("exploding", fired ? .fired : .clear, rule: rule, value: worst.0,
                         measured: t("exploding.measured", ["largest": fmt(worst.0), "ratio": fmt(ratio)]),
                         location: t("exploding.location", ["run": r.name, "layer": worst.1, "step": "\(worst.2)"]))
    }

    /// Saturation: a sigmoid or tanh layer with most outputs near its limits.
    public static func saturation(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("saturation.rule", ["threshold": fmt(saturatedFraction)])
        var worst: (Double, String)?
        for l in r.layerOrder {
            guard let s = r.summary(l, .activation), s.firstHasSaturation else { continue }
            let m = s.saturationMean
            if worst == nil || m > worst!.0 { worst = (m, l) }
        }
        guard let w = worst else {
            return Diagnosis("saturation", .notMeasured, rule: rule,
                             measured: missingActivations(r, of: ["sigmoid", "tanh"], named: t("saturation.layers")), location: r.name)
        }
        return Diagnosis("saturation", w.0 > saturatedFraction ? .fired : .clear, rule: rule, value: w.0,
                         measured: t("saturation.measured", ["percent": fmt(w.0 * 100)]),
                         location: t("saturation.location", ["run": r.name, "layer": w.1]))
    }

    /// Dead ReLUs: a ReLU layer most of whose units output 0 for a whole batch.
    public static func deadReLUs(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("dead_relus.rule", ["percent": fmt(deadFraction * 100)])
        var worst: (Double, String, Int)?
        for l in r.layerOrder {
            guard let last = r.stats[l]?[.activation]?.last, let d = last.deadFraction else { continue }
            if worst == nil || d > worst!.0 { worst = (d, l, last.step) }
        }
        guard let w = worst else {
            return Diagnosis("dead_relus", .notMeasured, rule: rule,
                             measured: missingActivations(r, of: ["relu", "leaky_relu"], named: t("dead_relus.layers")), location: r.name)
        }
        return Diagnosis("dead_relus", w.0 > deadFraction ? .fired : .clear, rule: rule, value: w.0,
                         measured: t("dead_relus.measured", ["percent": fmt(w.0 * 100)]),
                         location: t("dead_relus.location", ["run": r.name, "layer": w.1, "step": "\(w.2)"]))
    }

    /// Collapsed activations: the last hidden layer's outputs barely vary.
    public static func collapsed(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("collapsed.rule", ["threshold": fmt(collapsedStd)])
        let hidden = r.layers(with: .activation).filter { l in r.start?.layers.first { $0.name == l }?.activation != "identity" }
        guard let last = hidden.last, let s = r.summary(last, .activation) else {
            return Diagnosis("collapsed", .notMeasured, rule: rule, measured: t("collapsed.needs"), location: r.name)
        }
        let m = median(s.stds)
        return Diagnosis("collapsed", m < collapsedStd ? .fired : .clear, rule: rule, value: m,
                         measured: t("collapsed.measured", ["std": fmt(m)]), location: t("collapsed.location", ["run": r.name, "layer": last]))
    }

    /// Update-to-weight ratio: a layer's steps far from about a thousandth of its weights.
    public static func updateRatio(_ r: EventStore.Run) -> Diagnosis {
        let range = "\(fmt(updateRatioRange.lowerBound))–\(fmt(updateRatioRange.upperBound))"
        let rule = t("update_ratio.rule", ["range": range])
        var worst: (Double, String)?
        for l in r.layers(with: .update) {
            guard let s = r.summary(l, .update), s.logUpdateRatioCount > 0 else { continue }
            let g = exp(s.logUpdateRatioSum / Double(s.logUpdateRatioCount))
            let off = abs(log10(g) + 3)
            if worst == nil || off > abs(log10(worst!.0) + 3) { worst = (g, l) }
        }
        guard let w = worst else {
            return Diagnosis("update_ratio", .notMeasured, rule: rule, measured: t("update_ratio.needs"), location: r.name)
        }
        return Diagnosis("update_ratio", updateRatioRange.contains(w.0) ? .clear : .fired, rule: rule, value: w.0,
                         measured: t("update_ratio.measured", ["ratio": fmt(w.0)]),
                         location: t("update_ratio.location", ["run": r.name, "layer": w.1]))
    }

    /// Loss not decreasing: the last tenth of the batch losses no lower than the first tenth.
    public static func stalled(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("stalled.rule", ["fraction": fmt(stallFraction)])
        let v = r.values("train/batch_loss").filter(\.isFinite)
        guard v.count >= 10 else { return Diagnosis("stalled", .notMeasured, rule: rule, measured: t("stalled.needs"), location: r.name) }
        let k = max(1, v.count / 10)
        let first = mean(Array(v.prefix(k))), last = mean(Array(v.suffix(k)))
        let f = last / first
        return Diagnosis("stalled", f >= stallFraction ? .fired : .clear, rule: rule, value: f,
                         measured: t("stalled.measured", ["last": fmt(last), "first": fmt(first), "ratio": fmt(f)]),
                         location: t("stalled.location", ["run": r.name]))
    }

    /// Overfitting: the validation loss rose above its minimum while the training loss fell.
    public static func overfitting(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("overfitting.rule", ["rise": fmt(overfitRise)])
        // Validation points with the training loss at the same step: the epoch mean when the run
        // has epochs, else the smoothed batch loss at that step.
        let valSeries = r.scalars["val/loss"] ?? []
        var train: [Double] = r.values("train/loss")
        if train.count != valSeries.count {
            let steps = r.steps("train/batch_loss"), sm = Smoothing.exponential(r.values("train/batch_loss"), weight: 0.9)
            train = valSeries.map { v in steps.lastIndex { $0 <= v.step }.map { sm[$0] } ?? .nan }
        }
        let val = valSeries.map(\.value)
        guard val.count >= 3, train.count == val.count else {
            return Diagnosis("overfitting", .notMeasured, rule: rule, measured: t("overfitting.needs"), location: r.name)
        }
        let best = val.indices.min { val[$0] < val[$1] }!
        let rise = val.last! / val[best] - 1
        let fired = rise > overfitRise && train.last! < train[best]
        return Diagnosis("overfitting", fired ? .fired : .clear, rule: rule, value: rise,
                         measured: t("overfitting.measured", ["percent": fmt(rise * 100)]),
                         location: t("overfitting.location", ["run": r.name, "step": "\(valSeries[best].step)", "last": "\(valSeries.last!.step)"]))
    }

    /// Divergence: the run ended because a loss or parameter became NaN or infinite.
    public static func divergence(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("divergence.rule")
        guard let end = r.end else { return Diagnosis("divergence", .notMeasured, rule: rule, measured: t("divergence.needs"), location: r.name) }
        let fired = end.status == "diverged"
        let measured = fired ? t("divergence.measured", ["quantity": quantityText(end.quantity), "step": "\(end.step)"])
            : t("divergence.run_status", ["status": statusText(end.status)])
        return Diagnosis("divergence", fired ? .fired : .clear, rule: rule, value: fired ? Double(end.step) : nil, measured: measured,
                         location: "\(r.name)")
    }

    /// What became non-finite (`loss`, `parameter <name>`), in the current language.
    public static func quantityText(_ q: String?) -> String {
        guard let q else { return t("divergence.a_quantity") }
        if q == "loss" { return t("divergence.loss") }
        if q.hasPrefix("parameter ") { return t("divergence.parameter", ["name": String(q.dropFirst("parameter ".count))]) }
        return q
    }

    /// A `run_end` status (`completed`, `stopped_early`, `diverged`) in the current language.
    public static func statusText(_ status: String) -> String {
        let key = "run_status.\(status)"
        let text = DiagnosisText.text(key)
        return text == key ? status : text
    }
}

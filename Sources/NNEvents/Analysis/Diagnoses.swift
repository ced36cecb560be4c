import Foundation

/// The verdict of one rule on one run: whether it fired, the rule and its threshold, the value
/// measured, and where — written so a student can check it against the figures by eye.
public struct Diagnosis: Sendable, Equatable {
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
    public enum Status: String, Sendable { case fired = "fired", clear = "did not fire", notMeasured = "not measured" }
    public var fired: Bool { status == .fired }
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
        guard let layers = r.start?.layers else { return "no \(named) activation statistics in this run" }
        if layers.contains(where: { activations.contains($0.activation ?? "") }) {
            return "it has \(named) layers, but this run recorded no activation statistics"
        }
        return "no \(named) layers"
    }

    /// Every rule on one run.
    public static func all(_ r: EventStore.Run) -> [Diagnosis] {
        [vanishing(r), exploding(r), saturation(r), deadReLUs(r), collapsed(r), updateRatio(r), stalled(r), overfitting(r), divergence(r)]
    }

    public static func vanishing(_ r: EventStore.Run) -> Diagnosis {
        let rule = "mean ‖∇W‖ of the first layer ÷ mean ‖∇W‖ of the last hidden layer < \(fmt(vanishingRatio))"
        let layers = hiddenWeightLayers(r)
        guard let first = layers.first, let last = layers.last, first != last,
              let a = r.stats[first]?[.weightGradient], let b = r.stats[last]?[.weightGradient] else {
            return Diagnosis(name: "vanishing gradients", status: .notMeasured, rule: rule,
                             measured: "needs weight-gradient statistics of two or more layers", location: r.name)
        }
        let ratio = mean(a.map(\.l2)) / mean(b.map(\.l2))
        return Diagnosis(name: "vanishing gradients", status: ratio < vanishingRatio ? .fired : .clear, rule: rule, value: ratio,
                         measured: "ratio \(fmt(ratio))", location: "\(r.name): \(first) vs \(last), steps \(a.first!.step)–\(a.last!.step)")
    }

    public static func exploding(_ r: EventStore.Run) -> Diagnosis {
        let rule = "first ÷ last hidden layer mean ‖∇W‖ > \(fmt(explodingRatio)), or any ‖∇W‖ > \(fmt(explodingNorm))"
        let layers = r.layers(with: .weightGradient)
        guard !layers.isEmpty else {
            return Diagnosis(name: "exploding gradients", status: .notMeasured, rule: rule, measured: "no weight-gradient statistics", location: r.name)
        }
        var worst = (0.0, "", 0)
        for l in layers { for s in r.stats[l]![.weightGradient]! where s.l2 > worst.0 || !s.l2.isFinite { worst = (s.l2, l, s.step) } }
        let hidden = hiddenWeightLayers(r)
        let ratio = hidden.count >= 2 ? mean(r.stats[hidden.first!]![.weightGradient]!.map(\.l2)) / mean(r.stats[hidden.last!]![.weightGradient]!.map(\.l2)) : 1
        let fired = ratio > explodingRatio || worst.0 > explodingNorm || !worst.0.isFinite
        return Diagnosis(name: "exploding gradients", status: fired ? .fired : .clear, rule: rule, value: worst.0,
                         measured: "largest ‖∇W‖ \(fmt(worst.0)); first/last ratio \(fmt(ratio))", location: "\(r.name): \(worst.1) at step \(worst.2)")
    }

    public static func saturation(_ r: EventStore.Run) -> Diagnosis {
        let rule = "a sigmoid/tanh layer with mean saturated fraction > \(fmt(saturatedFraction)) (sigmoid: y < 0.03 or y > 0.97; tanh: |y| > 0.97)"
        var worst: (Double, String)?
        for l in r.layerOrder {
            guard let s = r.stats[l]?[.activation], s.first?.saturatedFraction != nil else { continue }
            let m = mean(s.compactMap(\.saturatedFraction))
            if worst == nil || m > worst!.0 { worst = (m, l) }
        }
        guard let w = worst else {
            return Diagnosis(name: "saturation", status: .notMeasured, rule: rule,
                             measured: missingActivations(r, of: ["sigmoid", "tanh"], named: "sigmoid or tanh"), location: r.name)
        }
        return Diagnosis(name: "saturation", status: w.0 > saturatedFraction ? .fired : .clear, rule: rule, value: w.0,
                         measured: "\(fmt(w.0 * 100)) % saturated", location: "\(r.name): \(w.1) (most saturated layer)")
    }

    public static func deadReLUs(_ r: EventStore.Run) -> Diagnosis {
        let rule = "a ReLU layer with more than \(fmt(deadFraction * 100)) % of its units 0 for every sample of the last recorded batch"
        var worst: (Double, String, Int)?
        for l in r.layerOrder {
            guard let last = r.stats[l]?[.activation]?.last, let d = last.deadFraction else { continue }
            if worst == nil || d > worst!.0 { worst = (d, l, last.step) }
        }
        guard let w = worst else {
            return Diagnosis(name: "dead ReLUs", status: .notMeasured, rule: rule,
                             measured: missingActivations(r, of: ["relu", "leaky_relu"], named: "ReLU"), location: r.name)
        }
        return Diagnosis(name: "dead ReLUs", status: w.0 > deadFraction ? .fired : .clear, rule: rule, value: w.0,
                         measured: "\(fmt(w.0 * 100)) % dead units", location: "\(r.name): \(w.1) at step \(w.2)")
    }

    public static func collapsed(_ r: EventStore.Run) -> Diagnosis {
        let rule = "median activation std of the last hidden layer < \(fmt(collapsedStd))"
        let hidden = r.layers(with: .activation).filter { l in r.start?.layers.first { $0.name == l }?.activation != "identity" }
        guard let last = hidden.last, let s = r.stats[last]?[.activation] else {
            return Diagnosis(name: "collapsed activations", status: .notMeasured, rule: rule,
                             measured: "no hidden-layer activation statistics", location: r.name)
        }
        let m = median(s.map(\.std))
        return Diagnosis(name: "collapsed activations", status: m < collapsedStd ? .fired : .clear, rule: rule, value: m,
                         measured: "std \(fmt(m))", location: "\(r.name): \(last)")
    }

    public static func updateRatio(_ r: EventStore.Run) -> Diagnosis {
        let range = "\(fmt(updateRatioRange.lowerBound))–\(fmt(updateRatioRange.upperBound))"
        let rule = "geometric mean of ‖ΔW‖ / ‖W‖ of a layer outside \(range) (healthy: about 1e-3)"
        var worst: (Double, String)?
        for l in r.layers(with: .update) {
            let v = r.stats[l]![.update]!.compactMap(\.updateRatio).filter { $0 > 0 && $0.isFinite }
            guard !v.isEmpty else { continue }
            let g = exp(v.map { log($0) }.reduce(0, +) / Double(v.count))
            let off = abs(log10(g) + 3)
            if worst == nil || off > abs(log10(worst!.0) + 3) { worst = (g, l) }
        }
        guard let w = worst else {
            return Diagnosis(name: "update-to-weight ratio", status: .notMeasured, rule: rule, measured: "no update statistics", location: r.name)
        }
        return Diagnosis(name: "update-to-weight ratio", status: updateRatioRange.contains(w.0) ? .clear : .fired, rule: rule, value: w.0,
                         measured: "ratio \(fmt(w.0))", location: "\(r.name): \(w.1) (farthest from 1e-3)")
    }

    public static func stalled(_ r: EventStore.Run) -> Diagnosis {
        let rule = "mean batch loss of the last 10 % of steps ≥ \(fmt(stallFraction)) × that of the first 10 %"
        let v = r.values("train/batch_loss").filter(\.isFinite)
        guard v.count >= 10 else {
            return Diagnosis(name: "loss not decreasing", status: .notMeasured, rule: rule, measured: "fewer than 10 recorded batch losses", location: r.name)
        }
        let k = max(1, v.count / 10)
        let first = mean(Array(v.prefix(k))), last = mean(Array(v.suffix(k)))
        let f = last / first
        return Diagnosis(name: "loss not decreasing", status: f >= stallFraction ? .fired : .clear, rule: rule, value: f,
                         measured: "last ÷ first = \(fmt(last)) ÷ \(fmt(first)) = \(fmt(f))", location: "\(r.name): train/batch_loss")
    }

    public static func overfitting(_ r: EventStore.Run) -> Diagnosis {
        let rule = "final validation loss > (1 + \(fmt(overfitRise))) × its minimum, while the training loss fell after that minimum"
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
            return Diagnosis(name: "overfitting", status: .notMeasured, rule: rule, measured: "needs 3 or more validation points", location: r.name)
        }
        let best = val.indices.min { val[$0] < val[$1] }!
        let rise = val.last! / val[best] - 1
        let fired = rise > overfitRise && train.last! < train[best]
        return Diagnosis(name: "overfitting", status: fired ? .fired : .clear, rule: rule, value: rise,
                         measured: "validation loss \(fmt(rise * 100)) % above its minimum",
                         location: "\(r.name): minimum at step \(valSeries[best].step) of \(valSeries.last!.step)")
    }

    public static func divergence(_ r: EventStore.Run) -> Diagnosis {
        let rule = "the loss or a parameter became NaN or infinite"
        guard let end = r.end else {
            return Diagnosis(name: "divergence", status: .notMeasured, rule: rule, measured: "the run has no run_end event", location: r.name)
        }
        let fired = end.status == "diverged"
        return Diagnosis(name: "divergence", status: fired ? .fired : .clear, rule: rule, value: fired ? Double(end.step) : nil,
                         measured: fired ? "\(end.quantity ?? "a quantity") non-finite at step \(end.step)" : "run \(end.status)",
                         location: "\(r.name)")
    }
}

import Foundation

/// Rules for what the second half of the course shows: overfitting as a gap between training
/// and validation accuracy, a learning rate too small to move the loss, and a net that only
/// learns with batch normalisation. (Divergence is ``Diagnoses/divergence(_:)``.)
extension Diagnoses {
    /// Overfitting gap: final training accuracy minus final validation accuracy above this.
    public static let gapThreshold = 0.10
    /// Learning rate too small: the last 10 % of batch losses average at least this fraction of the first 10 %.
    public static let slowFraction = 0.9
    /// Batch-norm rescue: the net without batch norm ends at or below this accuracy (chance is 0.1 for 10 classes) …
    public static let rescueFailed = 0.15
    /// … while the net with batch norm reaches at least this one.
    public static let rescueLearned = 0.5

    /// The rules of this extension that apply to one run (the pair rule needs two runs).
    public static func training(_ r: EventStore.Run) -> [Diagnosis] { [generalizationGap(r), learningRateTooSmall(r)] }

    /// Overfitting read off the accuracies: the training samples fit much better than the validation samples.
    public static func generalizationGap(_ r: EventStore.Run) -> Diagnosis {
        let rule = "final training accuracy − final validation accuracy > \(fmt(gapThreshold * 100)) points"
        guard let train = r.scalars["train/accuracy"]?.last, let val = r.scalars["val/accuracy"]?.last else {
            return Diagnosis(name: "overfitting (train − validation gap)", status: .notMeasured, rule: rule,
                             measured: "needs training and validation accuracy", location: r.name)
        }
        let gap = train.value - val.value
        return Diagnosis(name: "overfitting (train − validation gap)", status: gap > gapThreshold ? .fired : .clear, rule: rule, value: gap,
                         measured: "training \(fmt(train.value * 100)) %, validation \(fmt(val.value * 100)) %: gap \(fmt(gap * 100)) points",
                         location: "\(r.name): evaluation at step \(val.step)")
    }

    /// A loss that barely moved, in a run that did not diverge: the steps are too small.
    public static func learningRateTooSmall(_ r: EventStore.Run) -> Diagnosis {
        let rule = "mean batch loss of the last 10 % of steps ≥ \(fmt(slowFraction)) × that of the first 10 %, every loss finite"
        let all = r.values("train/batch_loss")
        guard all.count >= 10 else {
            return Diagnosis(name: "learning rate too small (loss barely moving)", status: .notMeasured, rule: rule,
                             measured: "fewer than 10 recorded batch losses", location: r.name)
        }
        let finite = all.allSatisfy(\.isFinite) && r.end?.status != "diverged"
        let k = max(1, all.count / 10)
        let first = mean(Array(all.prefix(k))), last = mean(Array(all.suffix(k)))
        let f = last / first
        let fired = finite && f >= slowFraction
        return Diagnosis(name: "learning rate too small (loss barely moving)", status: fired ? .fired : .clear, rule: rule, value: f,
                         measured: finite ? "last ÷ first = \(fmt(last)) ÷ \(fmt(first)) = \(fmt(f))" : "the loss became non-finite (divergence)",
                         location: "\(r.name): train/batch_loss, \(all.count) steps")
    }

    /// A net that learns only with batch normalisation: same weights and batches, the one without
    /// it stays near chance (or diverges), the one with it learns. Compares the last training accuracies.
    public static func batchNormRescue(withBatchNorm bn: EventStore.Run, without plain: EventStore.Run) -> Diagnosis {
        let rule = "without batch norm: final training accuracy ≤ \(fmt(rescueFailed * 100)) % or diverged; "
            + "with it: ≥ \(fmt(rescueLearned * 100)) %"
        guard let b = bn.values("train/accuracy").last else {
            return Diagnosis(name: "batch-norm rescue", status: .notMeasured, rule: rule, measured: "needs training accuracy",
                             location: "\(bn.name) vs \(plain.name)")
        }
        let diverged = plain.end?.status == "diverged"
        let p = plain.values("train/accuracy").last ?? .nan
        let failed = diverged || p <= rescueFailed
        let fired = failed && b >= rescueLearned
        let without = diverged ? "diverged at step \(plain.end?.step ?? 0)" : "\(fmt(p * 100)) %"
        return Diagnosis(name: "batch-norm rescue", status: fired ? .fired : .clear, rule: rule, value: b - (p.isFinite ? p : 0),
                         measured: "with batch norm \(fmt(b * 100)) %, without \(without)", location: "\(bn.name) vs \(plain.name)")
    }
}

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
        let rule = t("gap.rule", ["threshold": fmt(gapThreshold * 100)])
        guard let train = r.scalars["train/accuracy"]?.last, let val = r.scalars["val/accuracy"]?.last else {
            return Diagnosis("gap", .notMeasured, rule: rule, measured: t("gap.needs"), location: r.name)
        }
        let gap = train.value - val.value
        return Diagnosis("gap", gap > gapThreshold ? .fired : .clear, rule: rule, value: gap,
                         measured: t("gap.measured", ["train": fmt(train.value * 100), "val": fmt(val.value * 100), "gap": fmt(gap * 100)]),
                         location: t("gap.location", ["run": r.name, "step": "\(val.step)"]))
    }

    /// A loss that barely moved, in a run that did not diverge: the steps are too small.
    public static func learningRateTooSmall(_ r: EventStore.Run) -> Diagnosis {
        let rule = t("slow_lr.rule", ["fraction": fmt(slowFraction)])
        let all = r.values("train/batch_loss")
        guard all.count >= 10 else { return Diagnosis("slow_lr", .notMeasured, rule: rule, measured: t("slow_lr.needs"), location: r.name) }
        let finite = all.allSatisfy(\.isFinite) && r.end?.status != "diverged"
        let k = max(1, all.count / 10)
        let first = mean(Array(all.prefix(k))), last = mean(Array(all.suffix(k)))
        let f = last / first
        let measured = finite ? t("slow_lr.measured", ["last": fmt(last), "first": fmt(first), "ratio": fmt(f)]) : t("slow_lr.diverged")
        return Diagnosis("slow_lr", finite && f >= slowFraction ? .fired : .clear, rule: rule, value: f, measured: measured,
                         location: t("slow_lr.location", ["run": r.name, "steps": "\(all.count)"]))
    }

    /// A net that learns only with batch normalisation: same weights and batches, the one without
    /// it stays near chance (or diverges), the one with it learns. Compares the last training accuracies.
    public static func batchNormRescue(withBatchNorm bn: EventStore.Run, without plain: EventStore.Run) -> Diagnosis {
        let rule = t("bn_rescue.rule", ["failed": fmt(rescueFailed * 100), "learned": fmt(rescueLearned * 100)])
        let location = t("bn_rescue.location", ["bn": bn.name, "plain": plain.name])
        guard let b = bn.values("train/accuracy").last else {
            return Diagnosis("bn_rescue", .notMeasured, rule: rule, measured: t("bn_rescue.needs"), location: location)
        }
        let diverged = plain.end?.status == "diverged"
        let p = plain.values("train/accuracy").last ?? .nan
        let fired = (diverged || p <= rescueFailed) && b >= rescueLearned
        let without = diverged ? t("bn_rescue.without_diverged", ["step": "\(plain.end?.step ?? 0)"])
            : t("bn_rescue.without_accuracy", ["accuracy": fmt(p * 100)])
        return Diagnosis("bn_rescue", fired ? .fired : .clear, rule: rule, value: b - (p.isFinite ? p : 0),
                         measured: t("bn_rescue.measured", ["with": fmt(b * 100), "without": without]), location: location)
    }
}

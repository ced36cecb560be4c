import NNEvents

/// How TensorBoard tags become nnviz names.
enum TagNames {
    /// The nnviz scalar name of `tag` in a run's `split` part, and whether its step counts epochs.
    ///
    /// Tags of a plain run folder keep their names. In Keras's layout, `train/epoch_loss` becomes `train/loss`
    /// and `validation/epoch_accuracy` `val/accuracy` (the names nnviz's train/validation curves read, the step
    /// being the epoch); other tags get the part's prefix: `train/batch_loss`, `val/evaluation_loss_vs_iterations`.
    static func scalar(_ tag: String, split: RunSplit) -> (name: String, perEpoch: Bool) {
        let prefix: String
        switch split {
        case .plain: return (tag, false)
        case .train: prefix = "train/"
        case .validation: prefix = "val/"
        }
        if tag.hasPrefix("epoch_"), tag.count > 6 { return (prefix + tag.dropFirst(6), true) }
        return (prefix + tag, false)
    }

    /// The nnviz layer name of a histogram's `tag`: the tag itself, or `validation/<tag>` in a validation part.
    static func layer(_ tag: String, split: RunSplit) -> String { split == .validation ? "validation/" + tag : tag }

    /// The quantity a histogram's tag most likely shows, from the words writers use: gradients (`grad`),
    /// activations (`activation`, `output`, `act`), pre-activations (`preact`, `logit`); weights otherwise
    /// (`weight`, `kernel`, `bias` and any other name).
    static func quantity(_ tag: String) -> Quantity {
        let words = tag.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if words.contains(where: { $0.hasPrefix("grad") }) { return .weightGradient }
        if words.contains(where: { $0.hasPrefix("preact") || $0.hasPrefix("logit") }) { return .preactivation }
        if words.contains(where: { $0.hasPrefix("activation") || $0 == "act" || $0 == "acts" || $0.hasPrefix("output") }) {
            return .activation
        }
        return .weight
    }
}

extension Dataset {
    /// Train / validation / test parts holding each class in the same proportions as the whole
    /// set: every class's samples are shuffled with `seed` and cut by the fractions (rounded per
    /// class), then each part is shuffled so its classes are mixed. No sample is in two parts.
    public func stratifiedSplit(validation: Double, test: Double, seed: UInt64) throws(ModelError)
        -> (train: Dataset, validation: Dataset, test: Dataset) {
        guard validation >= 0, test >= 0, validation + test < 1 else {
            throw .invalidSetting("validation (\(validation)) and test (\(test)) fractions must be >= 0 and sum below 1")
        }
        var rng = SeededGenerator(seed: seed, stream: "stratified-split")
        var parts: [[Int]] = [[], [], []]
        for c in 0..<classes {
            var members = labels.indices.filter { labels[$0] == c }
            members.shuffle(using: &rng)
            let nTest = Int((Double(members.count) * test).rounded()), nVal = Int((Double(members.count) * validation).rounded())
            parts[2] += members.prefix(nTest)
            parts[1] += members.dropFirst(nTest).prefix(nVal)
            parts[0] += members.dropFirst(nTest + nVal)
        }
        for k in parts.indices { parts[k].shuffle(using: &rng) }
        guard !parts[0].isEmpty else { throw .invalidSetting("the split leaves no training samples") }
        return (subset(parts[0]), subset(parts[1]), subset(parts[2]))
    }
}

/// Why a histogram could not be taken.
public enum HistogramProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// No buckets (an empty tensor).
    case empty
    /// More buckets than ``HistogramBins/maximumBuckets``.
    case tooManyBuckets(Int)
    /// Buckets of the wrong shape.
    case malformed(String)
    /// An edge is infinite or NaN.
    case nonFiniteEdge
    /// A count is negative, not finite or too large.
    case badCount(Double)

    /// What is wrong, in a few words.
    public var description: String {
        switch self {
        case .empty: "no buckets (an empty tensor)"
        case .tooManyBuckets(let n): "\(n) buckets, more than the limit of \(HistogramBins.maximumBuckets)"
        case .malformed(let what): "malformed buckets: \(what)"
        case .nonFiniteEdge: "a bucket edge is not finite"
        case .badCount(let c): "bucket count \(c) is not a count (finite, 0 or more, below 9e15)"
        }
    }
}

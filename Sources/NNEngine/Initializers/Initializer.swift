/// How a dense layer's weight matrix (fan-in x fan-out) is drawn. Biases start at zero.
///
/// The book's Xavier and He use the fan-in alone; Glorot's (Keras' "glorot") use fan-in and
/// fan-out. They are different cases with different names, so they cannot be confused:
///
/// | case | distribution |
/// |---|---|
/// | `.normal(std:)` | N(0, std²) |
/// | `.uniform(limit:)` | U(-limit, limit) |
/// | `.bookXavier` | N(0, 1/n_in), "Deep Learning from Scratch" ch. 6 |
/// | `.bookHe` | N(0, 2/n_in), the book's He |
/// | `.glorotNormal` | N(0, 2/(n_in+n_out)) (untruncated) |
/// | `.glorotUniform` | U(±sqrt(6/(n_in+n_out))) |
/// | `.heUniform` | U(±sqrt(6/n_in)) |
/// | `.zeros`, `.constant(c)` | every weight the same |
public enum Initializer: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// N(0, std²).
    case normal(std: Double)
    /// U(-limit, limit).
    case uniform(limit: Double)
    /// The book's "Xavier": N(0, 1/n_in).
    case bookXavier
    /// The book's "He": N(0, 2/n_in).
    case bookHe
    /// Glorot & Bengio 2010, normal: N(0, 2/(n_in + n_out)).
    case glorotNormal
    /// Glorot & Bengio 2010, uniform: U(±sqrt(6/(n_in + n_out))).
    case glorotUniform
    /// He et al. 2015, uniform: U(±sqrt(6/n_in)).
    case heUniform
    /// All zeros (breaks symmetry never: a teaching counter-example).
    case zeros
    /// Every weight equal to the value.
    case constant(Double)

    /// The name used in configs and events, e.g. `xavier_book`, `std=0.01`.
    public var description: String {
        switch self {
        case .normal(let s): "std=\(s.formatted)"
        case .uniform(let l): "uniform(\(l.formatted))"
        case .bookXavier: "xavier_book"
        case .bookHe: "he_book"
        case .glorotNormal: "glorot_normal"
        case .glorotUniform: "glorot_uniform"
        case .heUniform: "he_uniform"
        case .zeros: "zeros"
        case .constant(let c): "constant(\(c.formatted))"
        }
    }

    /// Parses the names written by `description` (also `xavier`, `he` for the book's).
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: " ", with: "")
        switch n {
        case "xavier_book", "xavier", "bookxavier": self = .bookXavier
        case "he_book", "he", "bookhe": self = .bookHe
        case "glorot_normal": self = .glorotNormal
        case "glorot_uniform": self = .glorotUniform
        case "he_uniform": self = .heUniform
        case "zeros": self = .zeros
        default:
            if n.hasPrefix("std="), let v = Double(n.dropFirst(4)), v >= 0 { self = .normal(std: v) }
            else if n.hasPrefix("normal("), n.hasSuffix(")"), let v = Double(n.dropFirst(7).dropLast()) { self = .normal(std: v) }
            else if n.hasPrefix("uniform("), n.hasSuffix(")"), let v = Double(n.dropFirst(8).dropLast()) { self = .uniform(limit: v) }
            else if n.hasPrefix("constant("), n.hasSuffix(")"), let v = Double(n.dropFirst(9).dropLast()) { self = .constant(v) }
            else { return nil }
        }
    }

    /// The standard deviation of the weights this initialiser draws for the given fans.
    public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
        let nIn = Double(fanIn), nOut = Double(fanOut)
        switch self {
        case .normal(let s): return s
        case .uniform(let l): return l / 3.0.squareRoot()
        case .bookXavier: return (1 / nIn).squareRoot()
        case .bookHe: return (2 / nIn).squareRoot()
        case .glorotNormal: return (2 / (nIn + nOut)).squareRoot()
        case .glorotUniform: return (6 / (nIn + nOut)).squareRoot() / 3.0.squareRoot()
        case .heUniform: return (6 / nIn).squareRoot() / 3.0.squareRoot()
        case .zeros, .constant: return 0
        }
    }

    /// A fan-in x fan-out weight matrix.
    public func weights<Scalar: Real>(fanIn: Int, fanOut: Int, using rng: inout SeededGenerator) -> Matrix<Scalar> {
        let nIn = Double(fanIn), nOut = Double(fanOut)
        switch self {
        case .normal, .bookXavier, .bookHe, .glorotNormal:
            return .normal(rows: fanIn, cols: fanOut, std: standardDeviation(fanIn: fanIn, fanOut: fanOut), using: &rng)
        case .uniform(let l):
            return .uniform(rows: fanIn, cols: fanOut, low: -l, high: l, using: &rng)
        case .glorotUniform:
            let l = (6 / (nIn + nOut)).squareRoot()
            return .uniform(rows: fanIn, cols: fanOut, low: -l, high: l, using: &rng)
        case .heUniform:
            let l = (6 / nIn).squareRoot()
            return .uniform(rows: fanIn, cols: fanOut, low: -l, high: l, using: &rng)
        case .zeros:
            return Matrix(rows: fanIn, cols: fanOut)
        case .constant(let c):
            return Matrix(rows: fanIn, cols: fanOut, repeating: Scalar(c))
        }
    }
}

extension Double {
    /// The shortest decimal that reads back as this value, without a trailing `.0`.
    var formatted: String {
        let s = "\(self)"
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
}

/// Small 2-D classification sets for teaching, after TensorFlow Playground (circle, xor,
/// gauss, spiral) and scikit-learn (two moons). Labels are 0 and 1; every draw is seeded.
public enum SyntheticSet: String, CaseIterable, Sendable {
    /// The Playground's circle, xor, gauss and spiral sets, and scikit-learn's two moons.
    case circle, xor, gauss, spiral, moons

    /// `count` samples with noise in [0, 1] (the Playground's 0-50 % slider as a fraction).
    public func generate<Scalar: Real>(count: Int, noise: Double, seed: UInt64,
                                       as: Scalar.Type = Scalar.self) throws(ShapeError) -> Dataset<Scalar> {
        var rng = SeededGenerator(seed: seed, stream: "synthetic-\(rawValue)")
        func u(_ a: Double, _ b: Double) -> Double { a + (b - a) * rng.nextUniform() }
        var points: [(Double, Double, Int)] = []
        let half = count / 2
        switch self {
        case .circle:
            let radius = 5.0
            for i in 0..<count {
                let inside = i < half
                let r = inside ? u(0, radius * 0.5) : u(radius * 0.7, radius)
                let angle = u(0, 2 * .pi)
                let x = r * _sin(angle), y = r * _cos(angle)
                let nx = u(-radius, radius) * noise, ny = u(-radius, radius) * noise
                let label = ((x + nx) * (x + nx) + (y + ny) * (y + ny)).squareRoot() < radius * 0.5 ? 1 : 0
                points.append((x, y, label))
            }
        case .xor:
            for _ in 0..<count {
                var x = u(-5, 5), y = u(-5, 5)
                let padding = 0.3
                x += x > 0 ? padding : -padding
                y += y > 0 ? padding : -padding
                let nx = u(-5, 5) * noise, ny = u(-5, 5) * noise
                points.append((x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0))
            }
        case .gauss:
            let variance = 0.5 + 3.5 * noise
            for i in 0..<count {
                let c = i < half ? 2.0 : -2.0
                points.append((c + rng.nextNormal() * variance.squareRoot(), c + rng.nextNormal() * variance.squareRoot(), i < half ? 1 : 0))
            }
        case .spiral:
            for (delta, label) in [(0.0, 1), (Double.pi, 0)] {
                for i in 0..<(label == 1 ? half : count - half) {
                    let r = Double(i) / Double(half) * 5
                    let t = 1.75 * Double(i) / Double(half) * 2 * .pi + delta
                    points.append((r * _sin(t) + u(-1, 1) * noise, r * _cos(t) + u(-1, 1) * noise, label))
                }
            }
        case .moons:
            for i in 0..<count {
                let upper = i < half
                let t = u(0, .pi)
                let x = upper ? _cos(t) : 1 - _cos(t)
                let y = upper ? _sin(t) : 0.5 - _sin(t)
                points.append((x + rng.nextNormal() * noise * 0.3, y + rng.nextNormal() * noise * 0.3, upper ? 0 : 1))
            }
        }
        let x = try Matrix<Scalar>(rows: points.count, cols: 2, points.flatMap { [Scalar($0.0), Scalar($0.1)] })
        return try Dataset(name: rawValue, x: x, labels: points.map(\.2), classes: 2)
    }
}

import Foundation
import NNEngine
import NNEvents

/// The projection of a network's weight path on the two principal directions of the path
/// (Li, Xu, Taylor, Studer & Goldstein 2018, "Visualizing the Loss Landscape of Neural Nets", §7):
/// with snapshots W_0 … W_T and M_t = W_t − W_T, the directions are the top two principal
/// components of the rows of M (centred on their mean, as PCA and the authors' code do), and the
/// loss is evaluated on the plane W_T + a·d₁ + b·d₂.
public enum WeightProjection {
    /// Principal directions of the snapshots' differences to the last one.
    public struct Result: Sendable {
        /// Each snapshot's coordinates on (d₁, d₂); the last snapshot is at (0, 0).
        public var coordinates: [(Double, Double)]
        /// Unit directions in parameter space.
        public var d1: [Double]
        public var d2: [Double]
        /// Fractions of the path's variance (about its mean point) along d₁ and d₂.
        public var explained: (Double, Double)
    }

    /// PCA through the T x T Gram matrix of the centred differences (cheap when T ≪ P).
    public static func principalDirections(_ snapshots: [[Double]]) -> Result? {
        guard snapshots.count >= 3, let final = snapshots.last else { return nil }
        let differences = snapshots.map { s in zip(s, final).map { $0 - $1 } }
        var mean = [Double](repeating: 0, count: final.count)
        for row in differences { for p in mean.indices { mean[p] += row[p] } }
        mean = mean.map { $0 / Double(differences.count) }
        let m = differences.map { row in zip(row, mean).map { $0 - $1 } }
        let t = m.count
        var g = [[Double]](repeating: [Double](repeating: 0, count: t), count: t)
        for i in 0..<t { for j in i..<t { let v = dot(m[i], m[j]); g[i][j] = v; g[j][i] = v } }
        let trace = (0..<t).reduce(0.0) { $0 + g[$1][$1] }
        guard trace > 0 else { return nil }
        let (values, vectors) = jacobiEigen(g)
        let order = values.indices.sorted { values[$0] > values[$1] }
        func direction(_ k: Int) -> [Double] {
            let idx = order[k], lambda = max(values[idx], 1e-300)
            var d = [Double](repeating: 0, count: final.count)
            for (row, u) in zip(m, (0..<t).map { vectors[$0][idx] }) { for p in d.indices { d[p] += u * row[p] } }
            let scale = 1 / lambda.squareRoot()
            return d.map { $0 * scale }
        }
        let d1 = direction(0), d2 = direction(1)
        let coords = snapshots.map { s -> (Double, Double) in
            let diff = zip(s, final).map { $0 - $1 }
            return (dot(diff, d1), dot(diff, d2))
        }
        return Result(coordinates: coords, d1: d1, d2: d2, explained: (values[order[0]] / trace, values[order[1]] / trace))
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    /// Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations.
    static func jacobiEigen(_ a0: [[Double]]) -> ([Double], [[Double]]) {
        var a = a0
        let n = a.count
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<n { off += a[i][j] * a[i][j] } }
            if off < 1e-22 * max(1, (0..<n).reduce(0.0) { $0 + a[$1][$1] * a[$1][$1] }) { break }
            for p in 0..<n {
                for q in (p + 1)..<n where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0][$0] }, v)
    }

    /// All parameters of a model as one vector.
    static func flatten(_ model: Sequential<Float>) -> [Double] { model.parameters.flatMap { $0.value.storage.map(Double.init) } }

    /// Sets all parameters from one vector.
    static func assign(_ model: Sequential<Float>, _ w: [Double]) {
        var o = 0
        for p in model.parameters {
            for i in 0..<p.value.count { p.value.storage[i] = Float(w[o + i]) }
            o += p.value.count
        }
    }

    /// Trajectory and surface events for `snapshots` of `model` (left at the last snapshot).
    static func events(run: String, model: Sequential<Float>, snapshots: [(step: Int, weights: [Double])], data: Samples,
                       grid: Int) throws -> [Event] {
        guard let r = principalDirections(snapshots.map(\.weights)), let final = snapshots.last?.weights else { return [] }
        func loss(_ a: Double, _ b: Double) throws -> Double {
            assign(model, zip(final, zip(r.d1, r.d2)).map { $0 + a * $1.0 + b * $1.1 })
            return try model.evaluate(data.x, data.y)["loss"] ?? .nan
        }
        var out: [Event] = []
        for (s, c) in zip(snapshots, r.coordinates) {
            // The loss under the projected point (on the plane), and the network's own loss with
            // the weights it had at that step (off the plane, in general): not the same thing.
            out.append(.trajectory(TrajectoryPoint(run: run, step: s.step, x: c.0, y: c.1, value: try loss(c.0, c.1))))
            assign(model, s.weights)
            let own = try model.evaluate(data.x, data.y)["loss"] ?? .nan
            out.append(.scalar(ScalarEvent(run: run, name: "projection/network_loss", step: s.step, value: own)))
        }
        func axis(_ values: [Double]) -> [Double] {
            let lo = min(values.min() ?? 0, 0), hi = max(values.max() ?? 0, 0)
            let pad = max((hi - lo) * 0.3, 1e-3)
            return (0..<grid).map { lo - pad + (hi - lo + 2 * pad) * Double($0) / Double(grid - 1) }
        }
        let xs = axis(r.coordinates.map(\.0)), ys = axis(r.coordinates.map(\.1))
        let values = try ys.map { b in try xs.map { a in try loss(a, b) } }
        assign(model, final)
        out.append(.surface(Surface(run: run, name: "loss", x: xs, y: ys, values: values,
                                    xLabel: String(format: "PC1 (%.1f %% of the path's variance)", r.explained.0 * 100),
                                    yLabel: String(format: "PC2 (%.1f %%)", r.explained.1 * 100))))
        return out
    }
}

// Element-wise and reduction kernels. Each is one tight loop over contiguous buffers,
// prespecialised for Float and Double so that it auto-vectorises even when called from
// generic layer code.

extension Matrix {
    /// Runs `body` over the source and a fresh destination of the same shape.
    @inline(__always)
    func unary(_ body: (UnsafeBufferPointer<Scalar>, UnsafeMutableBufferPointer<Scalar>) -> Void) -> Matrix {
        var out = Matrix(uninitializedRows: rows, cols: cols)
        storage.withUnsafeBufferPointer { s in out.storage.withUnsafeMutableBufferPointer { d in body(s, d) } }
        return out
    }

    /// Runs `body` over two same-shaped sources and a fresh destination.
    @inline(__always)
    func binary(_ other: Matrix,
                _ body: (UnsafeBufferPointer<Scalar>, UnsafeBufferPointer<Scalar>, UnsafeMutableBufferPointer<Scalar>) -> Void) -> Matrix {
        precondition(rows == other.rows && cols == other.cols, "shape \(shape) vs \(other.shape)")
        var out = Matrix(uninitializedRows: rows, cols: cols)
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                out.storage.withUnsafeMutableBufferPointer { d in body(a, b, d) }
            }
        }
        return out
    }

    // MARK: Products

    /// `op(a) * op(b)` through BLAS, where `op` transposes when asked.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func product(_ a: Matrix, _ b: Matrix, transposeA: Bool = false,
                               transposeB: Bool = false) -> Matrix {
        var c = Matrix(rows: 0, cols: 0)
        multiply(a, b, transposeA: transposeA, transposeB: transposeB, into: &c)
        return c
    }

    /// `c = op(a) * op(b)`, or `c += op(a) * op(b)` when `accumulating` (then c must already
    /// have the product's shape: a dense layer fills it with the bias rows first, which saves
    /// a separate pass to add the bias). Without `accumulating`, c gets a fresh buffer: reusing
    /// the old one would copy it first whenever an observer still holds it (the event
    /// recorder does, while it summarises the last step on its own queue).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func multiply(_ a: Matrix, _ b: Matrix, transposeA: Bool = false,
                                transposeB: Bool = false, into c: inout Matrix, accumulating: Bool = false) {
        let m = transposeA ? a.cols : a.rows
        let k = transposeA ? a.rows : a.cols
        let kb = transposeB ? b.cols : b.rows
        let n = transposeB ? b.rows : b.cols
        precondition(k == kb, "product of \(a.shape)\(transposeA ? "ᵀ" : "") and \(b.shape)\(transposeB ? "ᵀ" : "")")
        if accumulating {
            precondition(c.rows == m && c.cols == n, "accumulating \(m)x\(n) product into \(c.shape)")
        } else {
            // An empty inner dimension gives zeros, which BLAS is not called to write.
            c = k == 0 ? Matrix(rows: m, cols: n) : Matrix(uninitializedRows: m, cols: n)
        }
        if m == 0 || n == 0 || k == 0 { return }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    Scalar.gemm(transA: transposeA, transB: transposeB, m: m, n: n, k: k, alpha: 1,
                                a: pa.baseAddress!, lda: a.cols, b: pb.baseAddress!, ldb: b.cols,
                                beta: accumulating ? 1 : 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    // MARK: Broadcasting and reductions

    /// Adds a `1 x cols` row to every row, in place (the bias of a dense layer).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func addRow(_ row: Matrix) {
        precondition(row.rows == 1 && row.cols == cols, "addRow \(row.shape) to \(shape)")
        let c = cols
        row.storage.withUnsafeBufferPointer { b in
            storage.withUnsafeMutableBufferPointer { d in
                guard var p = d.baseAddress, let q = b.baseAddress else { return }
                // Pointer arithmetic keeps overflow checks out of the inner loop, so it vectorises.
                for _ in 0..<rows {
                    for j in 0..<c { p[j] += q[j] }
                    p += c
                }
            }
        }
    }

    /// Sets this matrix to `count` copies of a `1 x n` row (a dense layer's bias, before the
    /// product is accumulated onto it), in a fresh buffer.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func setRows(repeating row: Matrix, count: Int) {
        precondition(row.rows == 1, "setRows(repeating:) needs a single row, got \(row.shape)")
        let c = row.cols
        self = Matrix(uninitializedRows: count, cols: c)
        row.storage.withUnsafeBufferPointer { b in
            storage.withUnsafeMutableBufferPointer { d in
                guard var p = d.baseAddress, let q = b.baseAddress else { return }
                for _ in 0..<count {
                    p.update(from: q, count: c)
                    p += c
                }
            }
        }
    }

    /// The `1 x cols` row of column sums (the bias gradient of a dense layer).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func columnSums() -> Matrix {
        // The kernel zeroes the sums before adding; with no rows it is not called.
        var out = rows == 0 ? Matrix(rows: 1, cols: cols) : Matrix(uninitializedRows: 1, cols: cols)
        storage.withUnsafeBufferPointer { s in
            out.storage.withUnsafeMutableBufferPointer { d in
                guard let p = s.baseAddress, let q = d.baseAddress else { return }
                Scalar.columnSums(p, rows: rows, cols: cols, into: q)
            }
        }
        return out
    }

    /// The `1 x cols` row of column means.
    public func columnMeans() -> Matrix {
        columnSums().scaled(by: rows == 0 ? 0 : 1 / Scalar(rows))
    }

    /// Sum of all elements (accumulated in Double for accuracy).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum() -> Double {
        storage.withUnsafeBufferPointer { s in
            var acc = 0.0
            for v in s { acc += Double(v) }
            return acc
        }
    }

    /// Sum of squares of all elements (accumulated in Double).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sumOfSquares() -> Double {
        storage.withUnsafeBufferPointer { s in
            guard let p = s.baseAddress else { return 0 }
            return Scalar.sumOfSquares(p, count: s.count)
        }
    }

    /// The Frobenius (L2) norm.
    public func norm() -> Double { sumOfSquares().squareRoot() }

    /// Index of the largest element of each row.
    public func argmaxRows() -> [Int] {
        (0..<rows).map { i in
            var best = 0
            var bestValue = -Scalar.infinity
            for j in 0..<cols where storage[i * cols + j] > bestValue {
                bestValue = storage[i * cols + j]
                best = j
            }
            return best
        }
    }

    /// True when every element is finite.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func allFinite() -> Bool {
        storage.withUnsafeBufferPointer { s in
            var acc: Scalar = 0
            for v in s { acc += v * 0 }   // NaN and ±Inf poison the sum; finite values add 0
            return acc == 0
        }
    }

    // MARK: Arithmetic

    /// Element-wise sum.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        a.binary(b) { x, y, d in for i in 0..<d.count { d[i] = x[i] + y[i] } }
    }

    /// Element-wise difference.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        a.binary(b) { x, y, d in for i in 0..<d.count { d[i] = x[i] - y[i] } }
    }

    /// Element-wise (Hadamard) product.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        a.binary(b) { x, y, d in for i in 0..<d.count { d[i] = x[i] * y[i] } }
    }

    /// Every element times `factor`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func scaled(by factor: Scalar) -> Matrix {
        unary { s, d in for i in 0..<d.count { d[i] = s[i] * factor } }
    }

    /// `self += alpha * x`, in place (BLAS axpy semantics).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func add(_ x: Matrix, times alpha: Scalar = 1) {
        precondition(x.rows == rows && x.cols == cols, "add \(x.shape) to \(shape)")
        x.storage.withUnsafeBufferPointer { s in
            storage.withUnsafeMutableBufferPointer { d in
                guard let y = d.baseAddress, let p = s.baseAddress else { return }
                Scalar.axpy(y, p, alpha: alpha, count: d.count)
            }
        }
    }

    // MARK: Activations and their derivatives

    /// `1 / (1 + e^-x)`, computed without overflow for large |x|.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sigmoid() -> Matrix {
        unary { s, d in
            for i in 0..<d.count {
                let x = s[i]
                if x >= 0 { d[i] = 1 / (1 + Scalar.exp(-x)) } else { let e = Scalar.exp(x); d[i] = e / (1 + e) }
            }
        }
    }

    /// tanh(x).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func tanh() -> Matrix { unary { s, d in for i in 0..<d.count { d[i] = Scalar.tanh(s[i]) } } }

    /// max(0, x).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func relu() -> Matrix { leakyRelu(alpha: 0) }

    /// x for x > 0, alpha x otherwise.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func leakyRelu(alpha: Scalar) -> Matrix {
        unary { s, d in
            guard let y = d.baseAddress, let x = s.baseAddress else { return }
            Scalar.leakyRelu(y, x, alpha: alpha, count: d.count)
        }
    }

    /// 1 for x > 0, else 0 (the perceptron's step unit).
    public func step() -> Matrix { unary { s, d in for i in 0..<d.count { d[i] = s[i] > 0 ? 1 : 0 } } }

    /// -1, 0 or 1 by the sign of x.
    public func sign() -> Matrix {
        unary { s, d in for i in 0..<d.count { d[i] = s[i] > 0 ? 1 : (s[i] < 0 ? -1 : 0) } }
    }

    /// `dy * y * (1 - y)`: the sigmoid derivative written through its output `y = self`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sigmoidBackward(_ dy: Matrix) -> Matrix {
        binary(dy) { y, g, d in for i in 0..<d.count { d[i] = g[i] * y[i] * (1 - y[i]) } }
    }

    /// `dy * (1 - y^2)`: the tanh derivative written through its output `y = self`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func tanhBackward(_ dy: Matrix) -> Matrix {
        binary(dy) { y, g, d in for i in 0..<d.count { d[i] = g[i] * (1 - y[i] * y[i]) } }
    }

    /// `dy` where the input `x = self` was positive, `alpha * dy` elsewhere (alpha 0: ReLU).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func leakyReluBackward(_ dy: Matrix, alpha: Scalar) -> Matrix {
        binary(dy) { x, g, d in
            guard let dx = d.baseAddress, let xp = x.baseAddress, let gp = g.baseAddress else { return }
            Scalar.leakyReluBackward(dx, xp, gp, alpha: alpha, count: d.count)
        }
    }

    /// Row-wise softmax, shifted by each row's maximum so that large logits do not overflow.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func softmaxRows() -> Matrix {
        let c = cols
        return unary { s, d in
            for i in 0..<rows {
                let base = i * c
                var m = -Scalar.infinity
                for j in 0..<c { m = Swift.max(m, s[base + j]) }
                var total: Scalar = 0
                for j in 0..<c { let e = Scalar.exp(s[base + j] - m); d[base + j] = e; total += e }
                let inv = 1 / total
                for j in 0..<c { d[base + j] *= inv }
            }
        }
    }
}

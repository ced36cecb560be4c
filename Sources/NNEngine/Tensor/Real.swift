import CNNKernels
import COpenBLAS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A floating-point scalar the engine can train with: `Float` for speed, `Double` for
/// gradient checks and the worked examples.
///
/// Besides the maths functions, the protocol carries the engine's whole-buffer kernels.
/// Generic layer code calls them once per matrix (not once per element), and each
/// conforming type's witness calls BLAS or a vectorised C kernel (`CNNKernels`, compiled for
/// AVX2 and baseline x86-64), so generic layers run at the speed of hand-written `Float` code.
public protocol Real: BinaryFloatingPoint, Sendable, Codable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// e^x.
    static func exp(_ x: Self) -> Self
    /// Natural logarithm.
    static func log(_ x: Self) -> Self
    /// Hyperbolic tangent.
    static func tanh(_ x: Self) -> Self
    /// `C = alpha * op(A) * op(B) + beta * C` on row-major buffers (BLAS `?gemm`).
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// `y += alpha * x` over `n` elements.
    static func axpy(_ y: UnsafeMutablePointer<Self>, _ x: UnsafePointer<Self>, alpha: Self, count n: Int)
    /// `y = x > 0 ? x : alpha * x` over `n` elements (alpha 0: ReLU).
    static func leakyRelu(_ y: UnsafeMutablePointer<Self>, _ x: UnsafePointer<Self>, alpha: Self, count n: Int)
    /// `dx = x > 0 ? dy : alpha * dy` over `n` elements.
    static func leakyReluBackward(_ dx: UnsafeMutablePointer<Self>, _ x: UnsafePointer<Self>,
                                  _ dy: UnsafePointer<Self>, alpha: Self, count n: Int)
    /// Column sums of a `rows x cols` row-major buffer into `sums` (`cols` elements).
    static func columnSums(_ x: UnsafePointer<Self>, rows: Int, cols: Int, into sums: UnsafeMutablePointer<Self>)
    /// Σ x², accumulated in Double.
    static func sumOfSquares(_ x: UnsafePointer<Self>, count n: Int) -> Double
}

extension Float: Real {
    /// e^x from the C library.
    @inlinable public static func exp(_ x: Float) -> Float { expf(x) }
    /// The natural logarithm from the C library.
    @inlinable public static func log(_ x: Float) -> Float { logf(x) }
    /// The hyperbolic tangent from the C library.
    @inlinable public static func tanh(_ x: Float) -> Float { tanhf(x) }
    /// OpenBLAS `?gemm`, row-major.
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k),
                    alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
    /// The vectorised C kernel `nn_axpy`.
    public static func axpy(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, alpha: Float, count n: Int) {
        nn_axpy_f32(y, x, alpha, n)
    }
    /// The vectorised C kernel `nn_leaky_relu`.
    public static func leakyRelu(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, alpha: Float, count n: Int) {
        nn_leaky_relu_f32(y, x, alpha, n)
    }
    /// The vectorised C kernel `nn_leaky_relu_backward`.
    public static func leakyReluBackward(_ dx: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>,
                                         _ dy: UnsafePointer<Float>, alpha: Float, count n: Int) {
        nn_leaky_relu_backward_f32(dx, x, dy, alpha, n)
    }
    /// The vectorised C kernel `nn_column_sums`.
    public static func columnSums(_ x: UnsafePointer<Float>, rows: Int, cols: Int, into sums: UnsafeMutablePointer<Float>) {
        nn_column_sums_f32(x, rows, cols, sums)
    }
    /// The vectorised C kernel `nn_sum_of_squares`.
    public static func sumOfSquares(_ x: UnsafePointer<Float>, count n: Int) -> Double { nn_sum_of_squares_f32(x, n) }
}

extension Double: Real {
    /// e^x from the C library.
    @inlinable public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    /// The natural logarithm from the C library.
    @inlinable public static func log(_ x: Double) -> Double { Glibc.log(x) }
    /// The hyperbolic tangent from the C library.
    @inlinable public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    /// OpenBLAS `?gemm`, row-major.
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k),
                    alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
    /// The vectorised C kernel `nn_axpy`.
    public static func axpy(_ y: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, alpha: Double, count n: Int) {
        nn_axpy_f64(y, x, alpha, n)
    }
    /// The vectorised C kernel `nn_leaky_relu`.
    public static func leakyRelu(_ y: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, alpha: Double, count n: Int) {
        nn_leaky_relu_f64(y, x, alpha, n)
    }
    /// The vectorised C kernel `nn_leaky_relu_backward`.
    public static func leakyReluBackward(_ dx: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>,
                                         _ dy: UnsafePointer<Double>, alpha: Double, count n: Int) {
        nn_leaky_relu_backward_f64(dx, x, dy, alpha, n)
    }
    /// The vectorised C kernel `nn_column_sums`.
    public static func columnSums(_ x: UnsafePointer<Double>, rows: Int, cols: Int, into sums: UnsafeMutablePointer<Double>) {
        nn_column_sums_f64(x, rows, cols, sums)
    }
    /// The vectorised C kernel `nn_sum_of_squares`.
    public static func sumOfSquares(_ x: UnsafePointer<Double>, count n: Int) -> Double { nn_sum_of_squares_f64(x, n) }
}

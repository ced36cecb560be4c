#ifndef NN_KERNELS_H
#define NN_KERNELS_H
#include <stddef.h>

// Statistics kernels (nn_kernels.c): the event recorder's summaries.

/// Summary of a tensor gathered in one vectorised pass (finite values only when finite == count).
typedef struct {
    double sum, sum_of_squares, min, max;
    long zeros, saturated;
    /// 1 when every value is finite; 0 means the caller must count NaN/Inf itself.
    int all_finite;
} nn_summary;

/// One pass over x[0..<n]: sums, extremes, exact zeros, and values with |x - centre| > half.
void nn_summarize_f32(const float *x, size_t n, float centre, float half, nn_summary *out);
void nn_summarize_f64(const double *x, size_t n, double centre, double half, nn_summary *out);

/// Sum over columns of |x| for a rows x cols row-major matrix, into mass[0..<cols] (zeroed first).
void nn_column_abs_sums_f32(const float *x, size_t rows, size_t cols, float *mass);
void nn_column_abs_sums_f64(const double *x, size_t rows, size_t cols, double *mass);

/// Sum of (a - b)^2.
double nn_squared_distance_f32(const float *a, const float *b, size_t n);
double nn_squared_distance_f64(const double *a, const double *b, size_t n);

/// Counts of x over `bins` equal bins between edges[0] and edges[bins] (bin k is
/// [edges[k], edges[k+1]), the last includes its upper edge), added to counts[0..<bins];
/// values below, above and NaN are added to *under, *over and *nan.
void nn_histogram_uniform_f32(const float *x, size_t n, const double *edges, size_t bins,
                              long *counts, long *under, long *over, long *nan);
void nn_histogram_uniform_f64(const double *x, size_t n, const double *edges, size_t bins,
                              long *counts, long *under, long *over, long *nan);
/// The same counts for a prefix of x, in AVX2 lanes where the processor has them (nn_histogram.c);
/// returns the prefix's length (0: none), the rest is left to the caller.
size_t nn_histogram_uniform_f32_fast(const float *x, size_t n, const double *edges, size_t bins,
                                     long *counts, long *under, long *over, long *nan);

// Engine kernels (nn_tensor_kernels.c): the training loop's element-wise passes.

/// y += alpha * x.
void nn_axpy_f32(float *y, const float *x, float alpha, size_t n);
void nn_axpy_f64(double *y, const double *x, double alpha, size_t n);

/// y = x where x > 0, alpha * x elsewhere (alpha 0: ReLU).
void nn_leaky_relu_f32(float *y, const float *x, float alpha, size_t n);
void nn_leaky_relu_f64(double *y, const double *x, double alpha, size_t n);

/// dx = dy where x > 0, alpha * dy elsewhere.
void nn_leaky_relu_backward_f32(float *dx, const float *x, const float *dy, float alpha, size_t n);
void nn_leaky_relu_backward_f64(double *dx, const double *x, const double *dy, double alpha, size_t n);

/// sums[c] = sum over rows of x[r][c], each column summed in row order.
void nn_column_sums_f32(const float *x, size_t rows, size_t cols, float *sums);
void nn_column_sums_f64(const double *x, size_t rows, size_t cols, double *sums);

/// Sum of x[i]^2, accumulated in double over 4 lanes.
double nn_sum_of_squares_f32(const float *x, size_t n);
double nn_sum_of_squares_f64(const double *x, size_t n);

#endif

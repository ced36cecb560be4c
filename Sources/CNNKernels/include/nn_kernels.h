#ifndef NN_KERNELS_H
#define NN_KERNELS_H
#include <stddef.h>

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

#endif

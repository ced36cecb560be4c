// Vectorised statistics kernels for the event recorder. Each function is compiled twice
// (AVX2 and baseline x86-64) and the loader picks the one the processor supports. Clang's vector extensions give plain
// SIMD code with no fast-math flags: each lane keeps IEEE semantics, and the lanes' partial
// sums are added in double at the end of every block.
#include "nn_kernels.h"
#include <math.h>
#include <string.h>

#if defined(__x86_64__) && defined(__clang__) && defined(__ELF__)
#define NN_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define NN_CLONES
#endif

// The summary's loop. Sums, squares and extremes are kept per lane in T within blocks of 2048
// values and added in double (lane order) at each block's end; zeros and saturated values are
// counted per lane in the comparison's own integer type (CT: int for float, long for double), so
// counting costs one subtraction a vector, and summed into long at each block's end (a lane counts
// at most 2048 / LANES per block). WITH_SAT is a constant: without a band no test is made.
#define SUMMARY_LOOP(T, SUFFIX, LANES, WITH_SAT)                                                   \
    while (i < vend) {                                                                            \
        size_t end = i + 2048 < vend ? i + 2048 : vend;                                           \
        vec_##SUFFIX s = 0, q = 0;                                                                \
        cvec_##SUFFIX zb = 0, sb = 0;                                                             \
        for (; i < end; i += LANES) {                                                             \
            vec_##SUFFIX v;                                                                       \
            memcpy(&v, x + i, sizeof v);                                                          \
            s += v;                                                                               \
            q += v * v;                                                                           \
            lo = __builtin_elementwise_min(lo, v);                                                \
            hi = __builtin_elementwise_max(hi, v);                                                \
            probe += v - v;                                                                       \
            zb -= (v == 0);                                                                       \
            if (WITH_SAT) sb -= (__builtin_elementwise_abs(v - centre) > half);                   \
        }                                                                                         \
        for (int k = 0; k < LANES; k++) { sum += s[k]; sq += (double)q[k]; z += zb[k]; st += sb[k]; } \
    }

#define DEFINE_KERNELS(T, SUFFIX, LANES, CT)                                                      \
typedef T vec_##SUFFIX __attribute__((ext_vector_type(LANES)));                                    \
typedef CT cvec_##SUFFIX __attribute__((ext_vector_type(LANES)));                                  \
                                                                                                  \
NN_CLONES \
void nn_summarize_##SUFFIX(const T *x, size_t n, T centre, T half, nn_summary *out) {             \
    vec_##SUFFIX lo = (T)INFINITY, hi = -(T)INFINITY, probe = 0;                                   \
    double sum = 0, sq = 0;                                                                       \
    long z = 0, st = 0;                                                                           \
    size_t i = 0, vend = n - n % LANES;                                                           \
    if (half < (T)INFINITY) { SUMMARY_LOOP(T, SUFFIX, LANES, 1) } else { SUMMARY_LOOP(T, SUFFIX, LANES, 0) } \
    T mn = (T)INFINITY, mx = -(T)INFINITY, pr = 0;                                                \
    for (int k = 0; k < LANES; k++) {                                                             \
        mn = lo[k] < mn ? lo[k] : mn; mx = hi[k] > mx ? hi[k] : mx;                              \
        pr += probe[k];                                                                           \
    }                                                                                             \
    for (; i < n; i++) {                                                                          \
        T v = x[i];                                                                               \
        pr += v - v; sum += v; sq += (double)v * v;                                               \
        mn = v < mn ? v : mn; mx = v > mx ? v : mx;                                               \
        z += v == 0; st += fabs((double)(v - centre)) > half;                                     \
    }                                                                                             \
    out->sum = sum; out->sum_of_squares = sq; out->min = mn; out->max = mx;                       \
    out->zeros = z; out->saturated = st; out->all_finite = (pr == 0);                             \
}                                                                                                 \
                                                                                                  \
NN_CLONES \
void nn_column_abs_sums_##SUFFIX(const T *x, size_t rows, size_t cols, T *mass) {                 \
    memset(mass, 0, cols * sizeof(T));                                                            \
    for (size_t r = 0; r < rows; r++) {                                                           \
        const T *row = x + r * cols;                                                              \
        for (size_t c = 0; c < cols; c++) mass[c] += fabs((double)row[c]) > 0 ? (T)1 : (T)0;      \
    }                                                                                             \
}                                                                                                 \
                                                                                                  \
NN_CLONES \
double nn_squared_distance_##SUFFIX(const T *a, const T *b, size_t n) {                           \
    double total = 0;                                                                             \
    size_t i = 0, vend = n - n % LANES;                                                           \
    while (i < vend) {                                                                            \
        size_t end = i + 2048 < vend ? i + 2048 : vend;                                           \
        vec_##SUFFIX acc = 0;                                                                     \
        for (; i < end; i += LANES) {                                                             \
            vec_##SUFFIX u, w;                                                                    \
            memcpy(&u, a + i, sizeof u); memcpy(&w, b + i, sizeof w);                             \
            vec_##SUFFIX d = u - w; acc += d * d;                                                 \
        }                                                                                         \
        for (int k = 0; k < LANES; k++) total += acc[k];                                          \
    }                                                                                             \
    for (; i < n; i++) { double d = (double)a[i] - b[i]; total += d * d; }                        \
    return total;                                                                                 \
}

// The scalar loop; FAST counts a prefix of the values first and returns its length
// (nn_histogram.c: float values in AVX2 lanes, with the same counts).
#define DEFINE_HISTOGRAM(T, SUFFIX, FAST)                                                          \
void nn_histogram_uniform_##SUFFIX(const T *x, size_t n, const double *edges, size_t bins,          \
                                   long *counts, long *under, long *over, long *nan) {            \
    const double lo = edges[0], hi = edges[bins], scale = (double)bins / (hi - lo);               \
    const long last = (long)bins - 1;                                                             \
    long u = 0, o = 0, q = 0;                                                                     \
    for (size_t i = FAST(x, n, edges, bins, counts, &u, &o, &q); i < n; i++) {                    \
        double d = x[i];                                                                          \
        if (d != d) { q++; continue; }                                                            \
        if (d < lo) { u++; continue; }                                                            \
        if (d > hi) { o++; continue; }                                                            \
        long k = (long)((d - lo) * scale);                                                        \
        if (k > last) k = last;                                                                   \
        if (k > 0 && d < edges[k]) k--; else if (k < last && d >= edges[k + 1]) k++;             \
        counts[k]++;                                                                              \
    }                                                                                             \
    *under += u; *over += o; *nan += q;                                                           \
}

#define NO_FAST_PATH(x, n, edges, bins, counts, u, o, q) 0
DEFINE_HISTOGRAM(float, f32, nn_histogram_uniform_f32_fast)
DEFINE_HISTOGRAM(double, f64, NO_FAST_PATH)

DEFINE_KERNELS(float, f32, 8, int)
DEFINE_KERNELS(double, f64, 4, long)

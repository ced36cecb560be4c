// Element-wise and reduction kernels for the engine's training loop (NNEngine's `Real`
// witnesses call them). Compiled for AVX2 and baseline x86-64; the loader picks one. Each
// lane keeps IEEE semantics (no fast-math), and no kernel reorders a sum across rows, so the
// AVX2 and baseline versions give identical results.
#include "nn_kernels.h"
#include <string.h>

#if defined(__x86_64__) && defined(__clang__) && defined(__ELF__)
#define NN_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define NN_CLONES
#endif

#define DEFINE_TENSOR_KERNELS(T, SUFFIX, LANES)                                                   \
typedef T tvec_##SUFFIX __attribute__((ext_vector_type(LANES)));                                   \
                                                                                                  \
NN_CLONES                                                                                         \
void nn_axpy_##SUFFIX(T *restrict y, const T *restrict x, T alpha, size_t n) {                     \
    size_t i = 0;                                                                                 \
    for (; i + LANES <= n; i += LANES) {                                                          \
        tvec_##SUFFIX u, v;                                                                       \
        memcpy(&u, x + i, sizeof u); memcpy(&v, y + i, sizeof v);                                 \
        v += alpha * u;                                                                           \
        memcpy(y + i, &v, sizeof v);                                                              \
    }                                                                                             \
    for (; i < n; i++) y[i] += alpha * x[i];                                                      \
}                                                                                                 \
                                                                                                  \
NN_CLONES                                                                                         \
void nn_leaky_relu_##SUFFIX(T *restrict y, const T *restrict x, T alpha, size_t n) {               \
    size_t i = 0;                                                                                 \
    for (; i + LANES <= n; i += LANES) {                                                          \
        tvec_##SUFFIX u;                                                                          \
        memcpy(&u, x + i, sizeof u);                                                              \
        tvec_##SUFFIX v = u > 0 ? u : alpha * u;                                                  \
        memcpy(y + i, &v, sizeof v);                                                              \
    }                                                                                             \
    for (; i < n; i++) y[i] = x[i] > 0 ? x[i] : alpha * x[i];                                     \
}                                                                                                 \
                                                                                                  \
NN_CLONES                                                                                         \
void nn_leaky_relu_backward_##SUFFIX(T *restrict dx, const T *restrict x, const T *restrict dy,   \
                                     T alpha, size_t n) {                                         \
    size_t i = 0;                                                                                 \
    for (; i + LANES <= n; i += LANES) {                                                          \
        tvec_##SUFFIX u, g;                                                                       \
        memcpy(&u, x + i, sizeof u); memcpy(&g, dy + i, sizeof g);                                \
        tvec_##SUFFIX v = u > 0 ? g : alpha * g;                                                  \
        memcpy(dx + i, &v, sizeof v);                                                             \
    }                                                                                             \
    for (; i < n; i++) dx[i] = x[i] > 0 ? dy[i] : alpha * dy[i];                                  \
}                                                                                                 \
                                                                                                  \
NN_CLONES                                                                                         \
void nn_column_sums_##SUFFIX(const T *restrict x, size_t rows, size_t cols, T *restrict sums) {   \
    memset(sums, 0, cols * sizeof(T));                                                            \
    for (size_t r = 0; r < rows; r++) {                                                           \
        const T *row = x + r * cols;                                                              \
        for (size_t c = 0; c < cols; c++) sums[c] += row[c];                                      \
    }                                                                                             \
}                                                                                                 \
                                                                                                  \
NN_CLONES                                                                                         \
double nn_sum_of_squares_##SUFFIX(const T *x, size_t n) {                                         \
    typedef double dvec __attribute__((ext_vector_type(4)));                                      \
    dvec acc = 0;                                                                                 \
    size_t i = 0;                                                                                 \
    for (; i + 4 <= n; i += 4) {                                                                  \
        dvec d = { x[i], x[i + 1], x[i + 2], x[i + 3] };                                          \
        acc += d * d;                                                                             \
    }                                                                                             \
    double total = (acc[0] + acc[1]) + (acc[2] + acc[3]);                                         \
    for (; i < n; i++) total += (double)x[i] * x[i];                                              \
    return total;                                                                                 \
}

DEFINE_TENSOR_KERNELS(float, f32, 8)
DEFINE_TENSOR_KERNELS(double, f64, 4)

// The recorder's histograms of float tensors in AVX2 lanes, giving the counts of the scalar loop
// in nn_kernels.c (nn_histogram_uniform_f32): that loop finds the bin k with
// edges[k] <= x < edges[k + 1] (the last bin also holds its upper edge) from an estimate
// corrected by one bin where rounding put it across an edge.
//
// Here the estimate t = (x - lo) * scale is computed in float for 8 values at a time. Its error,
// measured in bins, is bounded by `delta` (below) from the float roundings of lo, scale, the
// subtraction and the product, and by how far the edges may be from exactly equal spacing (the
// caller's uniformity test allows 1e-9 of the range per bin). A value whose t lies more than
// delta from an integer is then certainly in bin trunc(t); a group of 8 with a value nearer to an
// edge, or with any value out of the range (NaN, below, above), is left to the scalar loop's
// exact comparisons. So the counts are the scalar loop's, value for value, and the vector lanes
// take the common case: values inside the range, away from the edges.
#include "nn_kernels.h"
#include <math.h>
#include <string.h>

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>

/// One value as the scalar loop counts it.
static inline void count_exactly(double d, const double *edges, size_t bins, double scale, long *counts, long *u, long *o, long *q) {
    const double lo = edges[0], hi = edges[bins];
    const long last = (long)bins - 1;
    if (d != d) { (*q)++; return; }
    if (d < lo) { (*u)++; return; }
    if (d > hi) { (*o)++; return; }
    long k = (long)((d - lo) * scale);
    if (k > last) k = last;
    if (k > 0 && d < edges[k]) k--; else if (k < last && d >= edges[k + 1]) k++;
    counts[k]++;
}

/// The float bounds and estimate of a histogram (see `float_estimate`).
typedef struct { float low, top, lof, scalef, delta; int exact_lo; } float_bins;

/// Counts x[0..<end] (a multiple of 8): a group of 8 whose values in the range are all clear of
/// the edges into 8 sub-histograms of bins + 1 counters, one per lane, the last counter taking
/// the lanes out of the range (counted by masks); any other group value by value, into `counts`.
__attribute__((target("avx2")))
static void histogram_groups_avx2(const float *x, size_t end, const double *edges, size_t bins, float_bins f, long *sub,
                                  long *counts, long *u, long *o, long *q) {
    const double scale = (double)bins / (edges[bins] - edges[0]);
    const __m256 vlow = _mm256_set1_ps(f.low), vtop = _mm256_set1_ps(f.top), vlof = _mm256_set1_ps(f.lof);
    const __m256 vscale = _mm256_set1_ps(f.scalef), vdelta = _mm256_set1_ps(f.delta), vupper = _mm256_set1_ps(1 - f.delta);
    const __m256 vexact = _mm256_castsi256_ps(_mm256_set1_epi32(f.exact_lo ? -1 : 0));
    const __m256i vlast = _mm256_set1_epi32((int)bins - 1), vspare = _mm256_set1_epi32((int)bins);
    const __m256i base = _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32((int)bins + 1));
    __m256i uv = _mm256_setzero_si256(), ov = uv, qv = uv;
    int idx[8];
    for (size_t i = 0; i < end; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 nan_ = _mm256_cmp_ps(v, v, _CMP_UNORD_Q), below = _mm256_cmp_ps(v, vlow, _CMP_LT_OQ);
        __m256 above = _mm256_andnot_ps(below, _mm256_cmp_ps(v, vtop, _CMP_GT_OQ));
        __m256 outside = _mm256_or_ps(nan_, _mm256_or_ps(below, above));
        __m256 t = _mm256_mul_ps(_mm256_sub_ps(v, vlof), vscale);
        __m256 whole = _mm256_round_ps(t, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
        __m256 frac = _mm256_sub_ps(t, whole);
        __m256i k = _mm256_cvttps_epi32(whole);
        __m256 clear = _mm256_and_ps(_mm256_cmp_ps(frac, vdelta, _CMP_GE_OQ), _mm256_cmp_ps(frac, vupper, _CMP_LE_OQ));
        // t = 0 exactly when lo is a float: the value is lo itself, in bin 0 (fixed edges from 0 and a ReLU's zeros).
        clear = _mm256_or_ps(clear, _mm256_and_ps(vexact, _mm256_cmp_ps(t, _mm256_setzero_ps(), _CMP_EQ_OQ)));
        clear = _mm256_andnot_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(k, vlast)), clear);
        if (_mm256_movemask_ps(_mm256_or_ps(outside, clear)) != 0xFF) {
            for (int l = 0; l < 8; l++) count_exactly(x[i + l], edges, bins, scale, counts, u, o, q);
            continue;
        }
        qv = _mm256_sub_epi32(qv, _mm256_castps_si256(nan_));
        uv = _mm256_sub_epi32(uv, _mm256_castps_si256(below));
        ov = _mm256_sub_epi32(ov, _mm256_castps_si256(above));
        k = _mm256_blendv_epi8(k, vspare, _mm256_castps_si256(outside));
        _mm256_storeu_si256((__m256i *)idx, _mm256_add_epi32(k, base));
        sub[idx[0]]++; sub[idx[1]]++; sub[idx[2]]++; sub[idx[3]]++;
        sub[idx[4]]++; sub[idx[5]]++; sub[idx[6]]++; sub[idx[7]]++;
    }
    int a[8], b[8], c[8];
    _mm256_storeu_si256((__m256i *)a, uv); _mm256_storeu_si256((__m256i *)b, ov); _mm256_storeu_si256((__m256i *)c, qv);
    for (int l = 0; l < 8; l++) { *u += a[l]; *o += b[l]; *q += c[l]; }
}

/// The float range and estimate for `edges`, or 0 when the vector lanes cannot count them exactly
/// (an edge that is not a finite float, an empty range, more than 255 bins, or a bound on the
/// estimate's error that is not small).
static int float_estimate(const double *edges, size_t bins, float_bins *f) {
    const double lo = edges[0], hi = edges[bins], scale = (double)bins / (hi - lo);
    if (bins == 0 || bins > 255 || !(hi > lo) || !isfinite(scale) || !(fabs(lo) <= 1e38) || !(fabs(hi) <= 1e38)) return 0;
    // low: the smallest float >= lo; top: the largest float <= hi. For a float x (exact as a double),
    // x >= lo exactly when x >= low, and x <= hi exactly when x <= top.
    float l = (float)lo, h = (float)hi;
    if ((double)l < lo) l = nextafterf(l, INFINITY);
    if ((double)h > hi) h = nextafterf(h, -INFINITY);
    f->low = l; f->top = h;
    f->lof = (float)lo;
    f->exact_lo = (double)f->lof == lo;
    f->scalef = (float)scale;
    // Error of t in bins: lo rounded to float, the subtraction (relative 2^-24 of |x| + |lo|),
    // scale rounded twice and the product (relative 2^-24 each of t <= bins), and edges up to
    // bins * 1e-9 of the range from equal spacing; then a margin.
    double err = (fabs(lo - (double)f->lof) + 0x1p-23 * (fabs(lo) + fabs(hi))) * scale + (double)bins * 0x1p-21
        + (double)bins * (double)bins * 1e-9;
    double d = 2 * err + 1e-6;
    if (!(d < 0.05)) return 0;
    f->delta = (float)d;
    if ((double)f->delta < d) f->delta = nextafterf(f->delta, INFINITY);
    return 1;
}

size_t nn_histogram_uniform_f32_fast(const float *x, size_t n, const double *edges, size_t bins, long *counts,
                                     long *under, long *over, long *nan) {
    float_bins f;
    // Lane counters are ints: at most 2^31 - 1 values in a call.
    if (n < 64 || n > 0x7FFFFFF8u || !__builtin_cpu_supports("avx2") || !float_estimate(edges, bins, &f)) return 0;
    long sub[8 * 256];
    const size_t stride = bins + 1, end = n - n % 8;
    memset(sub, 0, 8 * stride * sizeof(long));
    histogram_groups_avx2(x, end, edges, bins, f, sub, counts, under, over, nan);
    for (size_t b = 0; b < bins; b++) {
        long s = 0;
        for (int l = 0; l < 8; l++) s += sub[l * stride + b];
        counts[b] += s;
    }
    return end;
}

#else

size_t nn_histogram_uniform_f32_fast(const float *x, size_t n, const double *edges, size_t bins, long *counts,
                                     long *under, long *over, long *nan) {
    (void)x; (void)n; (void)edges; (void)bins; (void)counts; (void)under; (void)over; (void)nan;
    return 0;
}

#endif

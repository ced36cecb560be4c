"""Statistics and histograms of tensors as the nnviz schema defines them (numpy)."""
import numpy as np

SIGMOID_RULE = "sigmoid: y < 0.03 or y > 0.97"
TANH_RULE = "tanh: |y| > 0.97"


def tensor_stats(x, activation=None, units_axis=-1):
    """The `layer_stats` fields of array `x`: count, mean, population std, min, max and L2 norm of
    its finite elements, the counts of NaN and infinities, the fraction of exact zeros. For layer
    outputs pass the layer's `activation` name: `relu` adds `dead_fraction` (units that are 0 for
    every sample of the batch), `sigmoid`/`tanh` add `saturated_fraction` and its rule."""
    a = np.asarray(x, dtype=np.float64)
    finite = a[np.isfinite(a)]
    n = int(a.size)
    out = {"count": n,
           "mean": float(finite.mean()) if finite.size else float("nan"),
           "std": float(finite.std()) if finite.size else float("nan"),
           "min": float(finite.min()) if finite.size else float("nan"),
           "max": float(finite.max()) if finite.size else float("nan"),
           "l2": float(np.sqrt(np.sum(finite * finite))),
           "nan": int(np.isnan(a).sum()), "pos_inf": int(np.isposinf(a).sum()), "neg_inf": int(np.isneginf(a).sum()),
           "zero_fraction": float((a == 0).sum() / n) if n else 0.0}
    if activation == "relu" and a.ndim >= 2:
        units = np.moveaxis(a, units_axis, -1).reshape(-1, a.shape[units_axis])
        out["dead_fraction"] = float(np.all(units == 0, axis=0).mean())
    elif activation == "sigmoid":
        out["saturated_fraction"] = float(((a < 0.03) | (a > 0.97)).sum() / n) if n else 0.0
        out["saturation_rule"] = SIGMOID_RULE
    elif activation == "tanh":
        out["saturated_fraction"] = float((np.abs(a) > 0.97).sum() / n) if n else 0.0
        out["saturation_rule"] = TANH_RULE
    return out


def histogram_edges(x, bins=40, margin=0.25):
    """Fixed edges for a run's histograms of a tensor, chosen from its first recorded values: `bins`
    bins over their range widened by `margin` of it on each side (values that later leave the
    range are counted as under- or overflow). For non-negative tensors (ReLU outputs) the first
    bin is a narrow one around 0 that holds the exact zeros (inactive units) alone, and the other
    `bins - 1` cover the positive values, so a report can show or leave out the zeros."""
    a = np.asarray(x, dtype=np.float64)
    finite = a[np.isfinite(a)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    span = hi - lo if hi > lo else max(abs(hi), 1.0)
    if lo >= 0:
        top = hi + margin * span
        eps = top * 1e-9
        return np.concatenate([[-eps], np.linspace(eps, top, bins)])
    return np.linspace(lo - margin * span, hi + margin * span, bins + 1)


def histogram(x, edges):
    """(counts, underflow, overflow, nan) of `x` in the bins of `edges` (bin k is [e_k, e_k+1), the last
    includes its upper edge; infinities count as under- or overflow)."""
    a = np.asarray(x, dtype=np.float64).ravel()
    edges = np.asarray(edges, dtype=np.float64)
    nan = int(np.isnan(a).sum())
    a = a[~np.isnan(a)]
    under, over = int((a < edges[0]).sum()), int((a > edges[-1]).sum())
    counts, _ = np.histogram(a[(a >= edges[0]) & (a <= edges[-1])], bins=edges)
    return [int(c) for c in counts], under, over, nan

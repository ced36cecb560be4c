#!/usr/bin/env python3
"""W6 peer for nnviz-bench: what a TensorBoard user runs to get the figures of a long run.

  w6_tensorboard_peer.py check                                    exit 0 when the packages are there
  w6_tensorboard_peer.py convert --events RUN.jsonl --logdir DIR  the run as TensorBoard event files (tensorboardX; once)
  w6_tensorboard_peer.py load --logdir DIR --out FIGURES           EventAccumulator (default size guidance) + matplotlib

`load` is what W6 times: TensorBoard's EventAccumulator reading the event files with its default
size guidance (reservoir sampling, 10000 scalars per tag), then matplotlib (Agg) drawing the
curves nnviz's report draws for the run: the batch loss (raw and smoothed as TensorBoard
smooths), the validation loss and accuracy, the weight-gradient norm and the activation spread
of every layer (log axes), as PNG at 100 dpi. It prints one JSON line with its split.
Packages: tensorboard, tensorboardX, matplotlib, numpy (pip, in a virtual environment).
"""
import argparse
import json
import os
import sys
import time


def check():
    import matplotlib  # noqa: F401
    import tensorboard  # noqa: F401
    import tensorboardX  # noqa: F401


def convert(events, logdir):
    """Writes the run's scalars, per-layer statistics and histograms with tensorboardX, once per input."""
    stamp = os.path.join(logdir, "converted-from")
    source = f"{os.path.abspath(events)} {os.path.getsize(events)}"
    if os.path.exists(stamp) and open(stamp).read() == source:
        return
    import shutil
    shutil.rmtree(logdir, ignore_errors=True)
    from tensorboardX import SummaryWriter
    w = SummaryWriter(logdir, max_queue=10000, flush_secs=3600)
    tags = {"weight_grad": ("grad_l2", "l2"), "activation": ("activation_std", "std"), "update": ("update_ratio", "update_ratio")}
    with open(events) as f:
        for line in f:
            e = json.loads(line)
            kind = e["kind"]
            if kind == "scalar":
                w.add_scalar(e["name"], e["value"], e["step"])
            elif kind == "layer_stats" and e["quantity"] in tags:
                prefix, field = tags[e["quantity"]]
                w.add_scalar(f"{prefix}/{e['layer']}", e[field], e["step"])
            elif kind == "histogram":
                edges, counts = e["edges"], e["counts"]
                mids = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
                w.add_histogram_raw(f"{e['quantity']}/{e['layer']}", min=edges[0], max=edges[-1], num=sum(counts),
                                    sum=sum(c * m for c, m in zip(counts, mids)), sum_squares=sum(c * m * m for c, m in zip(counts, mids)),
                                    bucket_limits=edges[1:], bucket_counts=counts, global_step=e["step"])
    w.close()
    with open(stamp, "w") as f:
        f.write(source)


def smooth(values, weight=0.9):
    """TensorBoard's debiased exponential moving average (as nnviz's Smoothing.exponential)."""
    out, last, n = [], 0.0, 0
    for v in values:
        last = last * weight + (1 - weight) * v
        n += 1
        out.append(last / (1 - weight ** n))
    return out


def load(logdir, out):
    t0 = time.perf_counter()
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    t_import = time.perf_counter()
    acc = EventAccumulator(logdir)  # default size guidance
    acc.Reload()
    tags = acc.Tags()["scalars"]
    series = {t: ([s.step for s in acc.Scalars(t)], [s.value for s in acc.Scalars(t)]) for t in tags}
    t_load = time.perf_counter()
    os.makedirs(out, exist_ok=True)
    steps, loss = series["train/batch_loss"]
    fig, ax = plt.subplots(figsize=(6.2, 3.4), dpi=100)
    ax.plot(steps, loss, lw=0.8, alpha=0.22, color="C0")
    ax.plot(steps, smooth(loss), lw=1.8, color="C0", label="long")
    ax.set_xlabel("step"); ax.set_ylabel("batch loss"); ax.legend()
    fig.savefig(os.path.join(out, "loss.png")); plt.close(fig)
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), dpi=100)
    for ax, metric in zip(axes, ["loss", "accuracy"]):
        if f"val/{metric}" in series:
            ax.plot(*series[f"val/{metric}"], marker="o", lw=1.6, label="validation")
        ax.set_title(metric); ax.set_xlabel("step"); ax.legend()
    fig.savefig(os.path.join(out, "train_validation.png")); plt.close(fig)
    for prefix in ["grad_l2", "activation_std"]:
        fig, ax = plt.subplots(figsize=(9, 3.2), dpi=100)
        layers = sorted(t for t in tags if t.startswith(prefix + "/"))
        for k, t in enumerate(layers):
            ax.plot(*series[t], lw=1.1, color=plt.cm.viridis(0.9 * k / max(1, len(layers) - 1)), label=t.split("/")[1])
        ax.set_yscale("log"); ax.set_xlabel("step"); ax.set_ylabel(prefix); ax.legend()
        fig.savefig(os.path.join(out, f"{prefix}.png")); plt.close(fig)
    t_draw = time.perf_counter()
    print(json.dumps({"import_s": round(t_import - t0, 3), "load_s": round(t_load - t_import, 3), "draw_s": round(t_draw - t_load, 3),
                      "scalars_kept": sum(len(v[0]) for v in series.values()), "loadavg_1m": os.getloadavg()[0],
                      "vmhwm_mb": vmhwm_mb()}))


def vmhwm_mb():
    """This process's own peak resident memory (VmHWM of its address space). Not ru_maxrss: Linux
    carries the parent's peak into a child started by posix_spawn (vfork), so every child of a
    large parent reports at least the parent's peak there."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["check", "convert", "load"])
    p.add_argument("--events")
    p.add_argument("--logdir")
    p.add_argument("--out")
    a = p.parse_args()
    if a.command == "check":
        check()
    elif a.command == "convert":
        convert(a.events, a.logdir)
    else:
        load(a.logdir, a.out)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks `nnviz import tensorboard` against TensorBoard's own reader, on logs written by real writers.

    scripts/check-tensorboard-import.py NNVIZ              the check (run by `make test`)
    scripts/check-tensorboard-import.py NNVIZ --bench MB   reading speed on a log of about MB megabytes
    scripts/check-tensorboard-import.py --fixture DIR      writes the small log Tests/Fixtures/tensorboard holds

It creates (once) a virtual environment, by default .build/venv-tb (or $NNVIZ_TB_VENV), with pinned tensorboardX,
tensorboard and numpy from PyPI (on Debian without python3-venv it installs that through apt when run as root),
then writes log directories with tensorboardX (v1 scalars and histograms, several runs, an
image and a text to be skipped) and with TensorBoard's own protobuf summaries (v2 scalars and `[k, 3]`
histograms of the scalars and histograms plugins, hparams; Keras's <run>/train + <run>/validation layout), runs
`nnviz import tensorboard` on them and checks every scalar and every histogram's counts against TensorBoard's
`EventAccumulator` (size guidance 0: keep everything). Then it renders `nnviz report LOGDIR` and checks its figures.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

PINS = ["tensorboardX==2.6.5", "tensorboard==2.21.0", "numpy==2.4.6"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_venv():
    """Re-runs this script inside the venv with the pinned packages, creating it when missing."""
    if os.environ.get("NNVIZ_TB_IN_VENV") == "1":
        return
    venv = os.environ.get("NNVIZ_TB_VENV", os.path.join(ROOT, ".build", "venv-tb"))
    python = os.path.join(venv, "bin", "python")
    stamp = os.path.join(venv, "nnviz-pins.txt")
    if not (os.path.exists(stamp) and open(stamp).read() == "\n".join(PINS)):
        if subprocess.call([sys.executable, "-m", "venv", "--clear", venv]) != 0:
            if os.geteuid() == 0 and subprocess.call(["sh", "-c", "apt-get update -qq && apt-get install -y -qq python3-venv"]) == 0:
                subprocess.check_call([sys.executable, "-m", "venv", "--clear", venv])
            else:
                sys.exit("check-tensorboard-import: cannot create a venv; install python3-venv (apt-get install python3-venv)")
        subprocess.check_call([python, "-m", "pip", "install", "-q", "--disable-pip-version-check"] + PINS)
        open(stamp, "w").write("\n".join(PINS))
    env = dict(os.environ, NNVIZ_TB_IN_VENV="1")
    sys.exit(subprocess.call([python, os.path.abspath(__file__)] + sys.argv[1:], env=env))


def write_logs(logdir, steps=40, every=10, size=1.0):
    """Writes the test's log directory; `size` scales the histograms' tensors (for the speed measurement)."""
    import numpy as np
    from tensorboardX import SummaryWriter
    from tensorboard.compat.proto import summary_pb2, tensor_pb2, tensor_shape_pb2, types_pb2
    from tensorboard.plugins.scalar import summary_v2 as scalar_v2
    from tensorboard.plugins.histogram import summary_v2 as histogram_v2
    from tensorboard.plugins.hparams import summary_v2 as hparams_v2

    from tensorboardX.proto import summary_pb2 as tbx_summary_pb2

    def add(writer, summary, step):
        """Writes a Summary built with TensorBoard's protos through tensorboardX's event file writer."""
        writer.file_writer.add_summary(tbx_summary_pb2.Summary.FromString(summary.SerializeToString()), step)

    rng = np.random.default_rng(7)
    n = max(10, int(2000 * size))
    # Two tensorboardX runs: v1 scalars and histograms (TensorFlow's default buckets and numpy's bins).
    for run, lr in (("sgd", 0.1), ("adam", 0.001)):
        w = SummaryWriter(os.path.join(logdir, run))
        for step in range(steps):
            w.add_scalar("loss", float(2.3 * np.exp(-lr * 20 * step / steps) + 0.05 * rng.random()), step)
            w.add_scalar("accuracy", float(0.1 + 0.8 * step / steps), step)
            if step % every == 0:
                w.add_histogram("fc1/weight", rng.normal(0, 1 + step / steps, n), step)
                w.add_histogram("fc1/weight_grad", rng.normal(0, 0.01, n) * (1 - step / steps), step, bins="auto")
                w.add_histogram("fc2/activation", np.maximum(0, rng.normal(0.2, 1, n)), step, bins="fd")
        if run == "adam":
            for step in range(0, steps, every):
                add(w, scalar_v2.scalar_pb("v2/lr", np.float32(lr * 0.5 ** (step // every))), step)
            w.add_image("inputs", rng.random((3, 8, 8)), 0)
            w.add_text("notes", "an adam run", 0)
            add(w, hparams_v2.hparams_pb({"learning_rate": lr, "optimizer": "adam", "batch_size": 32,
                                                              "nesterov": False}), 0)
        w.close()
    # Keras's layout, with TensorBoard's own v2 summaries (as Keras writes them through tf.summary).
    for split in ("train", "validation"):
        w = SummaryWriter(os.path.join(logdir, "keras_mlp", split))
        for epoch in range(steps // every):
            add(w, scalar_v2.scalar_pb("epoch_loss", np.float32(1.5 / (epoch + 1) + (0.1 if split == "validation" else 0))), epoch)
            add(w, scalar_v2.scalar_pb("epoch_accuracy", np.float32(0.5 + 0.1 * epoch)), epoch)
            if split == "validation":
                add(w, scalar_v2.scalar_pb("evaluation_loss_vs_iterations", np.float32(1.6 / (epoch + 1))), 100 * epoch)
            else:
                add(w, histogram_v2.histogram_pb("dense/kernel/histogram", rng.normal(0, 0.05 * (epoch + 1), n), buckets=30), epoch)
                add(w, histogram_v2.histogram_pb("dense/bias/histogram", np.full(8, 0.25 * epoch)), epoch)
                # A double-precision scalar (tf.summary.scalar of a float64), built from TensorBoard's protos.
                t = tensor_pb2.TensorProto(dtype=types_pb2.DT_DOUBLE, tensor_shape=tensor_shape_pb2.TensorShapeProto(),
                                           double_val=[0.01 / (epoch + 1)])
                md = summary_pb2.SummaryMetadata(plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"))
                add(w, summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="epoch_learning_rate", tensor=t, metadata=md)]), epoch)
        w.close()


def accumulate(folder):
    from tensorboard.backend.event_processing import event_accumulator as ea
    acc = ea.EventAccumulator(folder, size_guidance={k: 0 for k in (ea.SCALARS, ea.HISTOGRAMS, ea.TENSORS, ea.IMAGES, ea.AUDIO,
                                                                     ea.COMPRESSED_HISTOGRAMS)})
    acc.Reload()
    return acc


def load_nnviz(path):
    runs = {}
    for line in open(path):
        e = json.loads(line)
        r = runs.setdefault(e["run"], {"scalars": {}, "histograms": {}, "stats": {}, "start": None})
        if e["kind"] == "scalar":
            r["scalars"].setdefault(e["name"], []).append((e["step"], e["value"], e.get("epoch")))
        elif e["kind"] == "histogram":
            r["histograms"].setdefault(e["layer"], []).append(e)
        elif e["kind"] == "layer_stats":
            r["stats"].setdefault(e["layer"], []).append(e)
        elif e["kind"] == "run_start":
            r["start"] = e
    return runs


def check_bins(where, h, lefts, rights, counts):
    """nnviz's bins hold TensorBoard's buckets: same total, and the same count below every nnviz edge."""
    edges, got = h["edges"], h["counts"]
    assert all(a < b for a, b in zip(edges, edges[1:])), f"{where}: edges do not increase"
    assert sum(got) + h["underflow"] + h["overflow"] + h["nan"] == round(sum(counts)), f"{where}: total {sum(got)} != {sum(counts)}"
    cumulative = 0
    for k, c in enumerate(got):
        cumulative += c
        below = sum(n for r, n in zip(rights, counts) if r <= edges[k + 1])
        assert cumulative == round(below), f"{where}: {cumulative} values below {edges[k + 1]}, TensorBoard has {below}"
    widths = [(a, b) for a, b, n in zip(lefts, rights, counts) if b > a]
    for a, b in widths:
        assert b in edges or b >= edges[-1], f"{where}: bucket edge {b} lost"
    return 1


def split_name(tag, split):
    if split == "plain":
        return tag, False
    prefix = "train/" if split == "train" else "val/"
    return (prefix + tag[6:], True) if tag.startswith("epoch_") else (prefix + tag, False)


def compare(logdir, imported):
    """Every scalar and histogram EventAccumulator reads is in nnviz's import, with the same values and counts."""
    import numpy as np
    from tensorboard.util import tensor_util
    runs, checked = load_nnviz(imported), {"scalars": 0, "histograms": 0, "stats": 0}
    for folder, _, files in sorted(os.walk(logdir)):
        if not any(f.startswith("events.out.tfevents.") for f in files):
            continue
        rel = os.path.relpath(folder, logdir)
        split = os.path.basename(rel) if os.path.basename(rel) in ("train", "validation") else "plain"
        run = os.path.dirname(rel) if split != "plain" else rel
        r = runs[run if run not in ("", ".") else os.path.basename(logdir)]
        acc = accumulate(folder)
        tags = acc.Tags()
        for tag in tags["scalars"]:
            name, per_epoch = split_name(tag, split)
            want = [(e.step, e.value) for e in acc.Scalars(tag)]
            assert [(s, v) for s, v, _ in r["scalars"][name]] == want, f"{run} {name}: {r['scalars'][name][:3]} != {want[:3]}"
            checked["scalars"] += len(want)
        for tag in tags["histograms"]:
            layer = tag if split != "validation" else "validation/" + tag
            got, want = r["histograms"][layer], acc.Histograms(tag)
            assert len(got) == len(want), f"{run} {tag}: {len(got)} histograms, TensorBoard {len(want)}"
            for h, e in zip(got, want):
                v = e.histogram_value
                assert h["step"] == e.step
                lefts, rights = [v.min] + list(v.bucket_limit[:-1]), list(v.bucket_limit[:-1]) + [v.max]
                checked["histograms"] += check_bins(f"{run} {tag} step {e.step}", h, lefts, rights, list(v.bucket))
            for s, e in zip(r["stats"][layer], want):
                v = e.histogram_value
                assert s["count"] == v.num and abs(s["mean"] - v.sum / v.num) <= 1e-9 * (1 + abs(v.sum / v.num)), f"{run} {tag} stats"
                assert s["min"] == v.min and s["max"] == v.max and abs(s["l2"] - v.sum_squares ** 0.5) <= 1e-9 * (1 + s["l2"])
                checked["stats"] += 1
        for tag in tags["tensors"]:
            plugin = acc.SummaryMetadata(tag).plugin_data.plugin_name
            events = acc.Tensors(tag)
            if plugin == "scalars":
                name, per_epoch = split_name(tag, split)
                want = [(e.step, float(tensor_util.make_ndarray(e.tensor_proto))) for e in events]
                got = r["scalars"][name]
                assert [(s, v) for s, v, _ in got] == want, f"{run} {name}: {got[:3]} != {want[:3]}"
                assert all((ep == s) if per_epoch else ep is None for s, _, ep in got), f"{run} {name}: epochs"
                checked["scalars"] += len(want)
            elif plugin == "histograms":
                got = r["histograms"][tag]
                assert len(got) == len(events), f"{run} {tag}: {len(got)} histograms, TensorBoard {len(events)}"
                for h, e in zip(got, events):
                    rows = np.asarray(tensor_util.make_ndarray(e.tensor_proto), dtype=float)
                    checked["histograms"] += check_bins(f"{run} {tag} step {e.step}", h, list(rows[:, 0]), list(rows[:, 1]), list(rows[:, 2]))
            elif plugin == "hparams" and tag == "_hparams_/session_start_info":
                settings = r["start"]["optimizer_settings"]
                assert settings == {"learning_rate": 0.001, "batch_size": 32, "nesterov": 0}, settings
                assert r["start"]["optimizer"] == "adam", r["start"]
    return checked


def nnviz(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"check-tensorboard-import: nnviz {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p


def check(binary):
    with tempfile.TemporaryDirectory(prefix="nnviz-tb-") as tmp:
        logdir = os.path.join(tmp, "logs")
        write_logs(logdir)
        out = os.path.join(tmp, "imported.events.jsonl")
        p = nnviz(binary, "import", "tensorboard", logdir, "--out", out)
        assert "1 image ('inputs')" in p.stderr and "plugin 'text'" in p.stderr, p.stderr
        assert "checksum" not in p.stderr and "offset" not in p.stderr, p.stderr
        checked = compare(logdir, out)
        # What write_logs wrote: 2 runs x 40 steps x 2 v1 scalars + 4 v2 + Keras's 2 parts x 4 epochs x 3 tags;
        # 2 runs x 4 steps x 3 v1 histograms + 4 epochs x 2 v2 ones; a layer's statistics per v1 histogram.
        assert checked == {"scalars": 188, "histograms": 32, "stats": 24}, checked
        report = os.path.join(tmp, "report")
        nnviz(binary, "report", logdir, "--out", report)
        figures = sorted(f for f in os.listdir(os.path.join(report, "figures")) if f.endswith(".png"))
        assert os.path.exists(os.path.join(report, "index.html")) and os.path.exists(os.path.join(report, "data", "tensorboard.events.jsonl"))
        assert any("train_validation" in f for f in figures), figures
        keep = os.environ.get("NNVIZ_TB_KEEP")
        if keep:
            subprocess.check_call(["rm", "-rf", keep])
            subprocess.check_call(["cp", "-r", tmp, keep])
        print(f"check-tensorboard-import: ok: {checked['scalars']} scalars, {checked['histograms']} histograms, "
              f"{checked['stats']} layer statistics equal TensorBoard's EventAccumulator; report figures: {len(figures)}")


def bench(binary, megabytes):
    with tempfile.TemporaryDirectory(prefix="nnviz-tb-bench-") as tmp:
        logdir = os.path.join(tmp, "logs")
        write_logs(logdir, steps=max(20, int(40 * megabytes)), every=1)   # about 25 kB a step
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(logdir) for f in fs) / 1e6
        # Wall time and CPU time (user + system): on a loaded machine the CPU time is the fairer measure.
        import resource
        before, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        nnviz(binary, "import", "tensorboard", logdir, "--out", os.path.join(tmp, "x.jsonl"), "--quiet")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        ours, ours_cpu = time.perf_counter() - t, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        t, c = time.perf_counter(), time.process_time()
        for folder, _, files in os.walk(logdir):
            if any(f.startswith("events.out.tfevents.") for f in files):
                accumulate(folder)
        theirs, theirs_cpu = time.perf_counter() - t, time.process_time() - c
        load = open("/proc/loadavg").read().split()[:3]
        print(f"{size:.1f} MB of tfevents: nnviz import (incl. writing its JSON) {ours:.2f} s wall, {ours_cpu:.2f} s CPU "
              f"({size / ours:.1f} MB/s wall, {size / ours_cpu:.1f} MB/s CPU); EventAccumulator {theirs:.2f} s wall, {theirs_cpu:.2f} s CPU "
              f"({size / theirs:.2f} MB/s wall, {size / theirs_cpu:.2f} MB/s CPU); load average {' '.join(load)} on {os.cpu_count()} cores")


def main():
    args = sys.argv[1:]
    ensure_venv()
    if args[:1] == ["--fixture"]:
        write_logs(args[1], steps=20, every=10, size=0.01)
    elif len(args) == 3 and args[1] == "--bench":
        bench(os.path.abspath(args[0]), float(args[2]))
    elif len(args) == 1:
        check(os.path.abspath(args[0]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

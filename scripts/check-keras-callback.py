#!/usr/bin/env python3
"""Trains a small MLP with Keras 3 (JAX backend, CPU) on the shipped MNIST subset with
`NNVizCallback`, renders its event file with `nnviz report`, and checks what the report and the
events say against what Keras itself returned. `make test` runs it.

    scripts/check-keras-callback.py [.build/release/nnviz]

The first run makes a virtual environment, .build/venv-keras, with the pinned versions below and
the repository's python/ package (690 MB installed, jaxlib most of it; 5 to 6 minutes to install on a loaded two-core machine); later runs
reuse it and take well under a minute. Checks:
- the report has the Keras run's figures (PNG) and the HTML;
- per epoch, loss, accuracy, val_loss and val_accuracy in the event file and in the report's data
  CSV equal `History.history` exactly;
- the recovered per-batch losses average to Keras's epoch loss (batch-size weighted);
- at the last step, on the probe batch, the recorded weight-gradient norms equal a numpy backprop
  of the same weights (closed form for dense ReLU layers and softmax cross-entropy), and the
  recorded activation means and kernel norms equal a numpy forward pass."""
import csv
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

PINS = ["keras==3.15.1", "jax[cpu]==0.10.2", "numpy==2.4.6"]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
venv = os.path.join(root, ".build", "venv-keras")
python = os.path.join(venv, "bin", "python")


def ensure_venv():
    stamp = os.path.join(venv, "pins.txt")
    want = "\n".join(PINS)
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    print(f"check-keras-callback: creating {venv} ({', '.join(PINS)})", flush=True)
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", *PINS], check=True)
    with open(stamp, "w") as f:
        f.write(want)


if os.environ.get("NNVIZ_KERAS_CHILD") != "1":
    nnviz = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/nnviz"))
    ensure_venv()
    # The package is installed from the checkout each time (it is small): what is tested is what is here.
    # From a copy, so that setuptools' build/ and egg-info folders are not left in the checkout.
    copy = os.path.join(tempfile.mkdtemp(prefix="nnviz-pkg-"), "python")
    shutil.copytree(os.path.join(root, "python"), copy, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", copy], check=True)
    shutil.rmtree(os.path.dirname(copy))
    env = dict(os.environ, NNVIZ_KERAS_CHILD="1", KERAS_BACKEND="jax", JAX_PLATFORMS="cpu", NNVIZ_BIN=nnviz)
    sys.exit(subprocess.run([python, os.path.abspath(__file__)], env=env).returncode)

# ---- in the venv -------------------------------------------------------------------------------
import numpy as np  # noqa: E402
import keras  # noqa: E402
from nnviz_events import NNVizCallback  # noqa: E402

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def idx(path):
    data = gzip.open(path).read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], "big") for k in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


res = os.path.join(root, "Sources/NNEngine/Resources/mnist5k")
images = idx(os.path.join(res, "mnist5k-images-idx3-ubyte.gz")).reshape(-1, 784).astype("float32") / 255
labels = idx(os.path.join(res, "mnist5k-labels-idx1-ubyte.gz")).astype("int32")
order = np.random.default_rng(7).permutation(len(labels))  # shuffled with a fixed seed before the split
images, labels = images[order], labels[order]
x_train, y_train, x_val, y_val = images[:4000], labels[:4000], images[4000:], labels[4000:]
probe = (x_val[:256], y_val[:256])

keras.utils.set_random_seed(7)
model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(64, activation="relu", name="dense_1"),
                          keras.layers.Dense(32, activation="relu", name="dense_2"),
                          keras.layers.Dense(10, activation="softmax", name="output")])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
scratch = tempfile.mkdtemp(prefix="nnviz-keras-")
events = os.path.join(scratch, "events.jsonl")
epochs, batch, every = 3, 128, 5
callback = NNVizCallback(events, every=every, probe=probe, run="mlp", label="MLP 784-64-32-10", dataset="mnist5k",
                         splits={"train": 4000, "validation": 1000}, batch_size=batch, seed=7, settings={"probe": 256})
history = model.fit(x_train, y_train, batch_size=batch, epochs=epochs, validation_data=(x_val, y_val), callbacks=[callback],
                    verbose=0, shuffle=True)
steps = callback.step
check(steps == epochs * 32, f"{steps} steps recorded for {epochs} epochs of 32 batches")

lines = [json.loads(line) for line in open(events, encoding="utf-8")]
scalars = {}
for e in lines:
    if e["kind"] == "scalar":
        scalars.setdefault(e["name"], []).append(e)
for key, name in [("loss", "train/loss"), ("accuracy", "train/accuracy"), ("val_loss", "val/loss"), ("val_accuracy", "val/accuracy")]:
    got = [e["value"] for e in scalars.get(name, [])]
    check(got == [float(v) for v in history.history[key]], f"events {name} == History['{key}'] {history.history[key]}")
batch_losses = [e["value"] for e in scalars["train/batch_loss"]]
sizes = [batch] * 31 + [4000 - 31 * batch]
for ep in range(epochs):
    part = batch_losses[32 * ep:32 * (ep + 1)]
    mean = sum(v * w for v, w in zip(part, sizes)) / 4000
    check(abs(mean - history.history["loss"][ep]) < 1e-5, f"epoch {ep}: recovered batch losses average to {mean:.7f}, Keras {history.history['loss'][ep]:.7f}")

batch_acc = [e["value"] for e in scalars["train/batch_accuracy"]]
hits = [a * w for a, w in zip(batch_acc, sizes * epochs)]
check(max(abs(h - round(h)) for h in hits) < 1e-3, f"recovered batch accuracies are whole counts of hits (worst {max(abs(h - round(h)) for h in hits):.1e})")

# Independent numpy forward and backward pass at the last step (it is a multiple of `every`, so it was recorded).
last = steps - 1
check(last % every == 0, f"the last step {last} was recorded")
(w1, b1, w2, b2, w3, b3) = [np.asarray(w, dtype=np.float64) for w in model.get_weights()]
x, y = probe[0].astype(np.float64), probe[1]
h1 = np.maximum(x @ w1 + b1, 0)
h2 = np.maximum(h1 @ w2 + b2, 0)
z = h2 @ w3 + b3
p = np.exp(z - z.max(axis=1, keepdims=True))
p /= p.sum(axis=1, keepdims=True)
d3 = (p - np.eye(10)[y]) / len(y)
g3 = h2.T @ d3
d2 = (d3 @ w3.T) * (h2 > 0)
g2 = h1.T @ d2
g1 = x.T @ ((d2 @ w2.T) * (h1 > 0))
stats = {(e["layer"], e["quantity"]): e for e in lines if e["kind"] == "layer_stats" and e["step"] == last}
for name, g, w, h in [("dense_1", g1, w1, h1), ("dense_2", g2, w2, h2), ("output", g3, w3, p)]:
    rec = stats.get((name, "weight_grad"), {}).get("l2", float("nan"))
    check(abs(rec - np.linalg.norm(g)) <= 1e-4 * np.linalg.norm(g), f"{name}: ‖∂L/∂W‖ {rec:.6g} == numpy backprop {np.linalg.norm(g):.6g}")
    rec = stats.get((name, "weight"), {}).get("l2", float("nan"))
    check(abs(rec - np.linalg.norm(w)) <= 1e-6 * np.linalg.norm(w), f"{name}: ‖W‖ {rec:.6g} == numpy {np.linalg.norm(w):.6g}")
    rec = stats.get((name, "activation"), {}).get("mean", float("nan"))
    check(abs(rec - h.mean()) <= 1e-5 * max(1, abs(h.mean())), f"{name}: activation mean {rec:.6g} == numpy forward {h.mean():.6g}")
kinds = {e["kind"] for e in lines}
check({"run_start", "scalar", "layer_stats", "histogram", "run_end"} <= kinds, f"event kinds {sorted(kinds)}")

# The report.
out = os.path.join(scratch, "report")
run = subprocess.run([os.environ["NNVIZ_BIN"], "report", events, "--out", out], capture_output=True, text=True)
check(run.returncode == 0, f"nnviz report exits 0 ({run.stderr.strip()[-300:]})")
pngs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(out, "figures", "*.png")))
for want in ["keras_loss", "keras_train_validation", "keras_norms", "keras_activation", "keras_histograms_activation_mlp", "keras_histograms_weight_mlp"]:
    check(f"{want}.png" in pngs, f"figure {want}.png in the report ({len(pngs)} PNGs)")
check(os.path.exists(os.path.join(out, "index.html")), "index.html written")
html = open(os.path.join(out, "index.html"), encoding="utf-8").read() if os.path.exists(os.path.join(out, "index.html")) else ""
check("backend jax" in html and "probe 256" in html, "the run's settings (backend, probe) are in the page's settings table")
table = os.path.join(out, "data", "keras_train_validation.csv")
rows = list(csv.DictReader(open(table, encoding="utf-8"))) if os.path.exists(table) else []
check(bool(rows), f"{table} has rows")
for key, series in [("loss", "train/loss"), ("accuracy", "train/accuracy"), ("val_loss", "val/loss"), ("val_accuracy", "val/accuracy")]:
    got = [float(r["value"]) for r in rows if r["series"] == series]
    check(got == [float(v) for v in history.history[key]], f"report data {series} == History['{key}']")
got = [float(r["value"]) for r in rows if r["series"] == "train/batch_loss"]
check(got == batch_losses, f"report data train/batch_loss == the {len(batch_losses)} recorded batch losses")

# The writer alone: awkward floats come back from nnviz bit for bit; non-finite ones as the schema's strings.
from nnviz_events import EventWriter  # noqa: E402
edge = [0.1, 1 / 3, 2.5e-300, 5e-324, 1e16, 123456789.123, -0.0, float("nan"), float("inf"), 0.30000000000000004]
with EventWriter(os.path.join(scratch, "edge.jsonl"), run="edge") as w:
    w.run_start(study="writer", seed=1, settings={"epochs": 3, "note": "a, b", "flag": True})
    for k, v in enumerate(edge):
        w.scalar("train/batch_loss", k, v)
    w.run_end("completed", len(edge) - 1)
check('"value":"NaN"' in open(os.path.join(scratch, "edge.jsonl")).read(), "NaN written as the string \"NaN\"")
out2 = os.path.join(scratch, "edge-report")
run = subprocess.run([os.environ["NNVIZ_BIN"], "report", os.path.join(scratch, "edge.jsonl"), "--out", out2], capture_output=True, text=True)
check(run.returncode == 0, f"nnviz report of the writer's file exits 0 ({run.stderr.strip()[-300:]})")
path = os.path.join(out2, "data", "writer_loss.csv")
rows = list(csv.DictReader(open(path, encoding="utf-8"))) if os.path.exists(path) else []
got = [r["batch_loss"] for r in rows]
want = [repr(float(v)) if v == v and abs(v) != float("inf") else "" for v in edge]
check(len(got) == len(edge) and all((g == w == "") or (g != "" and w != "" and float(g) == float(w)) for g, w in zip(got, want)),
      f"writer's floats round-trip through nnviz: {got}")
print(f"check-keras-callback: report in {out}")
sys.exit(1 if failures else 0)

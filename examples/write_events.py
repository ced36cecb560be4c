#!/usr/bin/env python3
"""Writes an nnviz event file (JSON Lines, schema 1.0) from a tiny numpy-free training loop,
using only the Python standard library: what another engine (a PyTorch loop, a numpy script)
does to have nnviz render its run.

    python3 examples/write_events.py events.jsonl
    nnviz report events.jsonl --out reports/python

The net is logistic regression on two Gaussian blobs, trained by full-batch gradient descent.
See Sources/NNEvents/EventFormat.md for every event kind and field."""
import json
import math
import random
import sys

V = "1.0"


def event(out, kind, run, **fields):
    out.write(json.dumps({"v": V, "kind": kind, "run": run, **fields}, allow_nan=False) + "\n")
    out.flush()  # one line at a time: a run stopped half-way leaves a readable file


def stats(values):
    n = len(values)
    mean = sum(values) / n
    std = math.sqrt(max(0.0, sum(v * v for v in values) / n - mean * mean))
    return {"count": n, "mean": mean, "std": std, "min": min(values), "max": max(values),
            "l2": math.sqrt(sum(v * v for v in values)), "nan": 0, "pos_inf": 0, "neg_inf": 0,
            "zero_fraction": sum(1 for v in values if v == 0) / n}


def main(path):
    rng = random.Random(0)
    xs = [(rng.gauss(1.5, 1), rng.gauss(1.5, 1), 1) for _ in range(100)] + \
         [(rng.gauss(-1.5, 1), rng.gauss(-1.5, 1), 0) for _ in range(100)]
    w, b, lr, run = [0.0, 0.0], 0.0, 0.5, "python-logreg"
    with open(path, "w") as out:
        event(out, "run_start", run, study="custom", seed=0,
              layers=[{"name": "dense_1", "kind": "dense", "inputs": 2, "outputs": 1,
                       "activation": "sigmoid", "initializer": "zeros", "parameters": 3}],
              parameter_count=3, optimizer="sgd", optimizer_settings={"learning_rate": lr},
              loss="binary_cross_entropy", dataset="two-blobs", splits={"train": len(xs)},
              batch_size=len(xs), producer="examples/write_events.py")
        for step in range(50):
            gw, gb, loss = [0.0, 0.0], 0.0, 0.0
            outs = []
            for x1, x2, t in xs:
                y = 1 / (1 + math.exp(-(w[0] * x1 + w[1] * x2 + b)))
                outs.append(y)
                loss -= t * math.log(max(y, 1e-7)) + (1 - t) * math.log(max(1 - y, 1e-7))
                gw[0] += (y - t) * x1 / len(xs)
                gw[1] += (y - t) * x2 / len(xs)
                gb += (y - t) / len(xs)
            event(out, "scalar", run, name="train/batch_loss", step=step, epoch=step, value=loss / len(xs))
            event(out, "layer_stats", run, step=step, layer="dense_1", index=0, quantity="activation",
                  saturated_fraction=sum(1 for y in outs if y < 0.03 or y > 0.97) / len(outs),
                  saturation_rule="sigmoid: y < 0.03 or y > 0.97", **stats(outs))
            event(out, "layer_stats", run, step=step, layer="dense_1", index=0, quantity="weight_grad", **stats(gw))
            if step % 10 == 0:
                edges = [i / 10 for i in range(11)]
                counts = [0] * 10
                for y in outs:
                    counts[min(9, int(y * 10))] += 1
                event(out, "histogram", run, step=step, layer="dense_1", index=0, quantity="activation",
                      edges=edges, counts=counts, underflow=0, overflow=0, nan=0)
            w = [w[0] - lr * gw[0], w[1] - lr * gw[1]]
            b -= lr * gb
        event(out, "run_end", run, status="completed", step=49, epoch=49)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "events.jsonl")

#!/usr/bin/env python3
"""Replays hand-made metric sequences through Keras 3's own EarlyStopping and ModelCheckpoint
and records what they did, epoch by epoch: the oracle that Tests/NNEngineTests/KerasCallbackTests
replays through nnviz's callbacks. Regenerate with Keras 3 on any backend:

    python3 -m venv /tmp/k && /tmp/k/bin/pip install keras jax
    KERAS_BACKEND=jax /tmp/k/bin/python Tests/Fixtures/keras/make_callback_oracle.py > Tests/Fixtures/keras/callbacks.json
"""
import json
import math
import os
import tempfile

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402

NAN = float("nan")
EARLY = [
    dict(name="rising loss, min_delta 0.05, patience 2", monitor="val_loss", values=[1.00, 1.10, 1.20, 1.30, 1.40, 1.50],
         min_delta=0.05, patience=2),
    dict(name="improvements smaller than min_delta", monitor="val_loss", values=[1.0, 0.98, 0.97, 0.96, 0.95, 0.90, 0.89],
         min_delta=0.05, patience=2),
    dict(name="accuracy, max mode by name, min_delta 0.03", monitor="val_accuracy", values=[0.50, 0.52, 0.58, 0.59, 0.60, 0.61, 0.70],
         min_delta=0.03, patience=2),
    dict(name="baseline never beaten", monitor="val_loss", values=[0.9, 0.85, 0.8, 0.75, 0.74], baseline=0.7, patience=2),
    dict(name="baseline beaten later", monitor="val_loss", values=[0.9, 0.8, 0.65, 0.66, 0.67, 0.68], baseline=0.7, patience=2),
    dict(name="start_from_epoch 2", monitor="val_loss", values=[1, 2, 3, 4, 5, 6], patience=1, start_from_epoch=2),
    dict(name="NaN never improves", monitor="val_loss", values=[1.0, NAN, NAN, 0.9, NAN, NAN], patience=2),
    dict(name="patience 0 on a constant loss", monitor="loss", values=[1.0, 1.0, 1.0], patience=0),
    dict(name="patience 3 on a constant loss (Keras' docstring: 4 epochs)", monitor="loss", values=[1.0] * 10, patience=3),
    dict(name="explicit max mode on a loss", monitor="val_loss", values=[1.0, 0.9, 1.2, 1.1, 1.0], patience=1, mode="max"),
    dict(name="restore best weights", monitor="val_loss", values=[1.0, 0.7, 0.8, 0.9, 0.95], patience=2, restore_best_weights=True),
]
CHECKPOINT = [
    dict(name="default: every epoch", monitor="val_loss", values=[1.0, 1.2, 0.9, 0.9, 0.8]),
    dict(name="best only", monitor="val_loss", values=[1.0, 1.2, 0.9, 0.9, 0.8], save_best_only=True),
    dict(name="best only, max by name", monitor="val_accuracy", values=[0.5, 0.4, 0.6, 0.6, 0.7], save_best_only=True),
    dict(name="best only, initial threshold", monitor="val_loss", values=[1.0, 0.95, 0.85, 0.9, 0.8], save_best_only=True,
         initial_value_threshold=0.9),
]


def model():
    """A tiny model whose metrics are built (Keras infers a metric's direction from them)."""
    import numpy as np
    m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    m.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
    m.fit(np.zeros((4, 2)), np.zeros((4, 1)), epochs=1, verbose=0)
    return m


def early(case):
    kwargs = {k: v for k, v in case.items() if k not in ("name", "values")}
    cb = keras.callbacks.EarlyStopping(**kwargs)
    m = model()
    cb.set_model(m)
    cb.on_train_begin()
    epochs = 0
    for epoch, v in enumerate(case["values"]):
        epochs = epoch + 1
        cb.on_epoch_end(epoch, {case["monitor"]: v})
        if m.stop_training:
            break
    best = float(cb.best)
    return dict(case, values=[None if math.isnan(v) else v for v in case["values"]], epochs_run=epochs,
                stopped=bool(m.stop_training), best=None if math.isinf(best) else best, best_epoch=cb.best_epoch)


def checkpoint(case):
    kwargs = {k: v for k, v in case.items() if k not in ("name", "values")}
    with tempfile.TemporaryDirectory() as d:
        cb = keras.callbacks.ModelCheckpoint(filepath=os.path.join(d, "m_{epoch}.keras"), **kwargs)
        cb.set_model(model())
        cb.on_train_begin()
        for epoch, v in enumerate(case["values"]):
            cb.on_epoch_end(epoch, {case["monitor"]: v})
        saved = sorted(int(f[2:-6]) - 1 for f in os.listdir(d))   # Keras names files by epoch + 1
    return dict(case, saved_epochs=saved)


print(json.dumps({"keras": keras.__version__, "early_stopping": [early(c) for c in EARLY],
                  "model_checkpoint": [checkpoint(c) for c in CHECKPOINT]}, indent=1))

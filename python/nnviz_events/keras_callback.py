"""`NNVizCallback`: records a Keras 3 `fit` as an nnviz event file, for `nnviz report`.

Recorded, in the names nnviz's own runs use (so the report draws train and validation on one chart):

- every step: `train/batch_loss` and `train/batch_<metric>`, the batch's own value. Keras 3 hands
  callbacks running means over the epoch; the batch values are recovered from them
  (`mean_k * W_k - mean_(k-1) * W_(k-1)`, weights `W` in samples), exact up to float32 rounding;
- every epoch: `train/loss`, `train/<metric>` (Keras's epoch means) and `val/loss`, `val/<metric>`
  (exactly the values of `History`), and `lr`;
- every `every` steps, on the fixed `probe` batch: each layer's output statistics and histogram
  (`activation`; `preactivation` too for Dense layers with a non-linear activation), each kernel's
  statistics, histogram and distance from its initial value (`weight`), the step's change to it
  (`update`, with `update_ratio`), and, on the JAX backend, the gradient of the loss on the probe
  batch with respect to it (`weight_grad`).

Gradients need the backend: the JAX backend is supported and tested (`jax.value_and_grad` through
`model.stateless_call`, with the model's compiled loss, regularisation losses left out). With the
TensorFlow and PyTorch backends, which are untested, everything but `weight_grad` is recorded and
a warning says why the gradients are missing.
"""
import math
import warnings

import numpy as np

from .stats import histogram, histogram_edges, tensor_stats
from .writer import EventWriter

try:  # Keras is imported lazily by the class below; this only picks the base class.
    import keras
    _Base = keras.callbacks.Callback
except ImportError:  # pragma: no cover - the writer works without Keras
    keras = None
    _Base = object

KIND = {"Dense": "dense", "Activation": "activation", "BatchNormalization": "batch_norm", "Dropout": "dropout",
        "Flatten": "flatten", "ReLU": "activation", "Softmax": "activation"}
BOUNDED = {"softmax": (0.0, 1.0), "sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
OPTIMIZER = {"SGD": "sgd", "Adam": "adam", "AdamW": "adamw", "RMSprop": "rmsprop", "Adagrad": "adagrad", "Nadam": "nadam"}


def _activation_name(layer):
    act = getattr(layer, "activation", None)
    if act is None:
        return {"ReLU": "relu", "Softmax": "softmax"}.get(type(layer).__name__)
    return getattr(act, "__name__", None) or type(act).__name__.lower()


class NNVizCallback(_Base):
    """Writes the run to `path` (JSON Lines, nnviz schema 1.2) while `model.fit` trains.

    `every`: record the per-layer statistics every N steps (and at step 0). `probe`: a fixed batch,
    `x` or `(x, y)`, on which activations (and, with `y`, gradients) are measured; without it only
    losses, metrics and weights are recorded. `run`, `label`, `study`, `seed`, `dataset`, `splits`,
    `batch_size`: what `run_start` says (`batch_size` and `splits['train']` also make the recovered
    batch values exact for a last, smaller batch). `settings`: other settings (name -> number,
    string or bool) shown as a table in the report. `bins`: histogram bins.
    """

    def __init__(self, path, every=10, probe=None, run="keras", label=None, study="keras", seed=0, dataset="",
                 splits=None, batch_size=None, settings=None, bins=40):
        if keras is None:
            raise ImportError("NNVizCallback needs Keras 3 (pip install keras)")
        super().__init__()
        if not isinstance(every, int) or every < 1:
            raise ValueError("every must be a positive integer")
        self.path, self.every, self.run, self.label, self.study, self.seed = path, every, run, label, study, seed
        self.dataset, self.splits, self.batch_size, self.settings, self.bins = dataset, splits or {}, batch_size, settings, bins
        self.probe_x, self.probe_y = (probe if isinstance(probe, tuple) else (probe, None))
        self.writer, self.step, self.epoch = None, 0, 0
        self._edges, self._initial, self._before, self._means = {}, {}, {}, {}
        self._grad_fn, self._warned = None, False

    # -- run_start / run_end -------------------------------------------------------------------------

    def _layers(self):
        """The model's layers with the schema's fields, and the total count of trainable scalars."""
        out = []
        for layer in self.model.layers:
            shape = getattr(getattr(layer, "output", None), "shape", None) if _has_output(layer) else None
            outputs = int(np.prod([d for d in shape[1:] if d is not None])) if shape else 0
            kernel = getattr(layer, "kernel", None)
            inputs = int(kernel.shape[0]) if kernel is not None and len(kernel.shape) == 2 else outputs
            init = getattr(layer, "kernel_initializer", None)
            out.append({"name": layer.name, "kind": KIND.get(type(layer).__name__, _snake(type(layer).__name__)),
                        "inputs": inputs, "outputs": outputs, "activation": _activation_name(layer),
                        "initializer": _snake(type(init).__name__) if init is not None else None,
                        "parameters": int(sum(int(np.prod(v.shape)) for v in layer.trainable_weights))})
        return [{k: v for k, v in d.items() if v is not None} for d in out]

    def on_train_begin(self, logs=None):
        self.writer = EventWriter(self.path, self.run)
        opt = self.model.optimizer
        config = opt.get_config() if opt is not None else {}
        numbers = {k: float(v) for k, v in config.items()
                   if isinstance(v, (int, float)) and not isinstance(v, bool) and v is not None}
        if not config.get("use_ema"):  # Keras lists the EMA settings even when no EMA is kept
            numbers = {k: v for k, v in numbers.items() if not k.startswith("ema_")}
        numbers["learning_rate"] = float(np.asarray(opt.learning_rate)) if opt is not None else float("nan")
        name = OPTIMIZER.get(type(opt).__name__, _snake(type(opt).__name__))
        if name == "sgd" and numbers.get("momentum", 0) > 0:
            name = "nesterov" if config.get("nesterov") else "momentum"
        loss = self.model.loss
        loss_name = loss if isinstance(loss, str) else getattr(loss, "name", None) or getattr(loss, "__name__", type(loss).__name__)
        settings = {"epochs": self.params.get("epochs"), "steps_per_epoch": self.params.get("steps"), "backend": keras.backend.backend(),
                    "keras": keras.__version__, **(self.settings or {})}
        layers = self._layers()
        self.writer.run_start(study=self.study, seed=int(self.seed), layers=layers,
                              parameter_count=sum(int(np.prod(v.shape)) for v in self.model.trainable_weights),
                              optimizer=name, optimizer_settings=numbers, loss=loss_name, dataset=self.dataset, splits=self.splits,
                              batch_size=self.batch_size or 0, producer=f"nnviz_events NNVizCallback (Keras {keras.__version__})",
                              label=self.label, settings={k: v for k, v in settings.items() if v is not None})
        self._initial = {l.name: np.array(l.kernel) for l in self._kernel_layers()}

    def on_train_end(self, logs=None):
        last = max(self.step - 1, 0)
        losses = [v for k, v in (logs or {}).items() if k == "loss"]
        if losses and not math.isfinite(float(losses[0])):
            self.writer.run_end("diverged", last, epoch=self.epoch, quantity="loss")
        elif self.model.stop_training and self.epoch + 1 < self.params.get("epochs", 0):
            self.writer.run_end("stopped_early", last, epoch=self.epoch, reason="model.stop_training was set by a callback")
        else:
            self.writer.run_end("completed", last, epoch=self.epoch)
        self.writer.close()

    # -- scalars -------------------------------------------------------------------------------------

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch, self._means = epoch, {}

    def _batch_weight(self, batch):
        """Samples in batch `batch` of an epoch (equal batches when the sizes are unknown)."""
        size, total, steps = self.batch_size, self.splits.get("train"), self.params.get("steps")
        if size and total and steps and batch == steps - 1:
            return total - size * (steps - 1)
        return size or 1

    def on_train_batch_begin(self, batch, logs=None):
        if self._recording():
            self._before = {l.name: np.array(l.kernel) for l in self._kernel_layers()}

    def on_train_batch_end(self, batch, logs=None):
        w = self._batch_weight(batch)
        for key, mean in (logs or {}).items():
            mean = float(mean)
            seen, previous = self._means.get(key, (0, 0.0))
            value = mean * (seen + w) - previous * seen if seen else mean
            self._means[key] = (seen + w, mean)
            self.writer.scalar(f"train/batch_{key}", self.step, value / w if seen else value, epoch=self.epoch)
        if self._recording():
            self._record_layers()
        self.step += 1

    def on_epoch_end(self, epoch, logs=None):
        last = self.step - 1
        for key, value in (logs or {}).items():
            name = f"val/{key[4:]}" if key.startswith("val_") else ("lr" if key in ("learning_rate", "lr") else f"train/{key}")
            self.writer.scalar(name, last, float(value), epoch=epoch)
        if not any(k in (logs or {}) for k in ("learning_rate", "lr")) and self.model.optimizer is not None:
            self.writer.scalar("lr", last, float(np.asarray(self.model.optimizer.learning_rate)), epoch=epoch)

    # -- per-layer records ---------------------------------------------------------------------------

    def _recording(self):
        return self.step % self.every == 0

    def _kernel_layers(self):
        return [l for l in self.model.layers if getattr(l, "kernel", None) is not None]

    def _hist(self, key, values, step, layer, index, quantity, activation=None):
        """A histogram of `values`: the edges of the last recording while at most 1 % of the values fall outside them,
        else new ones from these values (bounded activations keep their range: softmax, sigmoid [0, 1], tanh [-1, 1])."""
        if key not in self._edges and activation in BOUNDED:
            lo, hi = BOUNDED[activation]
            self._edges[key] = np.concatenate([[-1e-9], np.linspace(1e-9, hi, self.bins)]) if lo == 0 else np.linspace(lo, hi, self.bins + 1)
        if key not in self._edges:
            self._edges[key] = histogram_edges(values, self.bins)
        counts, under, over, nan = histogram(values, self._edges[key])
        if (under + over) > 0.01 * np.size(values) and activation not in BOUNDED:
            self._edges[key] = histogram_edges(values, self.bins)
            counts, under, over, nan = histogram(values, self._edges[key])
        self.writer.histogram(step, layer, index, quantity, self._edges[key], counts, under, over, nan)

    def _record_layers(self):
        index = {l.name: k for k, l in enumerate(self.model.layers)}
        if self.probe_x is not None:
            for layer, pre, out in self._probe_outputs():
                k, act = index[layer.name], _activation_name(layer)
                if pre is not None:
                    self.writer.layer_stats(self.step, layer.name, k, "preactivation", tensor_stats(pre))
                self.writer.layer_stats(self.step, layer.name, k, "activation", tensor_stats(out, activation=act))
                self._hist((layer.name, "activation"), out, self.step, layer.name, k, "activation", act)
        grads = self._gradients()
        for layer in self._kernel_layers():
            k, w = index[layer.name], np.array(layer.kernel)
            ws = tensor_stats(w)
            ws["distance_from_init"] = float(np.linalg.norm(w - self._initial[layer.name]))
            self.writer.layer_stats(self.step, layer.name, k, "weight", ws)
            self._hist((layer.name, "weight"), w, self.step, layer.name, k, "weight")
            if layer.name in self._before:
                us = tensor_stats(w - self._before[layer.name])
                us["update_ratio"] = us["l2"] / ws["l2"] if ws["l2"] > 0 else float("nan")
                self.writer.layer_stats(self.step, layer.name, k, "update", us)
            if grads is not None and layer.name in grads:
                self.writer.layer_stats(self.step, layer.name, k, "weight_grad", tensor_stats(grads[layer.name]))

    def _probe_outputs(self):
        """(layer, preactivation or None, output) of every layer on the probe batch, in inference mode."""
        x, out = self.probe_x, []
        for layer in self.model.layers:
            pre = None
            act = _activation_name(layer)
            if type(layer).__name__ == "Dense" and act not in (None, "linear"):
                pre = np.array(x) @ np.array(layer.kernel) + (np.array(layer.bias) if layer.use_bias else 0)
            x = layer(x, training=False)
            out.append((layer, pre, np.array(x)))
        return out

    def gradients(self, x, y):
        """The gradient of the model's loss on (x, y) with respect to each layer's kernel, by layer name
        (JAX backend only; None on the others)."""
        if keras.backend.backend() != "jax":
            if not self._warned:
                warnings.warn(f"NNVizCallback: weight gradients need the JAX backend (this is {keras.backend.backend()}); "
                              "they are not recorded", stacklevel=2)
                self._warned = True
            return None
        import jax
        import jax.numpy as jnp
        model = self.model
        loss_fn = keras.losses.get(model.loss) if isinstance(model.loss, str) else model.loss
        trainable = [v.value for v in model.trainable_variables]
        non_trainable = [v.value for v in model.non_trainable_variables]

        def loss_of(tv):
            y_pred, _ = model.stateless_call(tv, non_trainable, x, training=False)
            return jnp.mean(loss_fn(y, y_pred))

        _, g = jax.value_and_grad(loss_of)(trainable)
        position = {id(v): k for k, v in enumerate(model.trainable_variables)}
        return {l.name: np.asarray(g[position[id(l.kernel)]]) for l in self._kernel_layers() if id(l.kernel) in position}

    def _gradients(self):
        if self.probe_y is None or self.probe_x is None:
            return None
        return self.gradients(self.probe_x, self.probe_y)


def _has_output(layer):
    try:
        return layer.output is not None
    except (AttributeError, ValueError):
        return False


def _snake(name):
    return "".join("_" + c.lower() if c.isupper() and k else c.lower() for k, c in enumerate(name))

"""A standard-library writer of the nnviz event schema (Sources/NNEvents/EventFormat.md).

Every event is one line of JSON, flushed as soon as it is written, so a run stopped half-way
leaves a readable file. Floats are written with Python's shortest round-trip form (`repr`), so
nnviz reads back the very same double; NaN and the infinities, which JSON lacks, are written as
the strings "NaN", "Infinity" and "-Infinity", as the schema asks.
"""
import json
import math

SCHEMA_VERSION = "1.2"

QUANTITIES = ("activation", "preactivation", "weight_grad", "weight", "update")


def plain(value):
    """`value` as plain JSON data: non-finite floats as the schema's strings, numpy scalars and
    arrays (anything with `item()` or `tolist()`) as Python numbers and lists."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return plain(value.tolist())
    if hasattr(value, "item"):
        return plain(value.item())
    raise TypeError(f"cannot write {type(value).__name__} as an nnviz event field")


class EventWriter:
    """Writes the events of one run to a JSON Lines file.

    >>> w = EventWriter("events.jsonl", run="mlp")          # doctest: +SKIP
    >>> w.run_start(study="keras", seed=0, label="MLP 64-32")  # doctest: +SKIP
    >>> w.scalar("train/batch_loss", step=0, value=2.31)   # doctest: +SKIP
    >>> w.run_end("completed", step=0)                     # doctest: +SKIP

    `path` is a file name (opened for writing, or appending with `append=True`) or an open text
    file. Use it as a context manager, or call `close()`.
    """

    def __init__(self, path, run, append=False):
        if not isinstance(run, str) or not run:
            raise ValueError("run must be a non-empty string")
        self.run = run
        if hasattr(path, "write"):
            self._file, self._owned = path, False
        else:
            self._file, self._owned = open(path, "a" if append else "w", encoding="utf-8"), True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Closes the file if this writer opened it."""
        if self._owned and not self._file.closed:
            self._file.close()

    def event(self, kind, **fields):
        """Writes one event of `kind` with `fields` (None fields are left out) and flushes."""
        line = {"v": SCHEMA_VERSION, "kind": kind, "run": self.run}
        line.update({k: plain(v) for k, v in fields.items() if v is not None})
        self._file.write(json.dumps(line, allow_nan=False, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._file.flush()

    def run_start(self, study="custom", seed=0, layers=(), parameter_count=0, optimizer="", optimizer_settings=None,
                  loss="", dataset="", splits=None, batch_size=0, producer="nnviz_events", label=None, settings=None):
        """`run_start`: what was trained. `layers` are dicts with `name`, `kind`, `inputs`, `outputs` and
        optionally `activation`, `initializer`, `parameters`. `settings` (name -> number, string or bool)
        are the run's other settings (hyperparameters), shown as a table in the report."""
        if not isinstance(seed, int) or seed < 0:
            raise ValueError("seed must be a non-negative integer")
        self.event("run_start", study=study, seed=seed, layers=list(layers), parameter_count=int(parameter_count),
                   optimizer=optimizer, optimizer_settings={k: float(v) for k, v in (optimizer_settings or {}).items()},
                   loss=loss, dataset=dataset, splits={k: int(v) for k, v in (splits or {}).items()},
                   batch_size=int(batch_size), producer=producer, label=label, settings=settings or None)

    def scalar(self, name, step, value, epoch=None):
        """`scalar`: one value of the series `name` (e.g. `train/batch_loss`, `val/accuracy`) at `step`."""
        self.event("scalar", name=name, step=int(step), epoch=None if epoch is None else int(epoch), value=float(value))

    def layer_stats(self, step, layer, index, quantity, stats):
        """`layer_stats` of one tensor: `stats` holds count, mean, std, min, max, l2, nan, pos_inf, neg_inf,
        zero_fraction and any optional field (see `nnviz_events.stats.tensor_stats`)."""
        if quantity not in QUANTITIES:
            raise ValueError(f"quantity must be one of {', '.join(QUANTITIES)}, not {quantity!r}")
        self.event("layer_stats", step=int(step), layer=layer, index=int(index), quantity=quantity, **stats)

    def histogram(self, step, layer, index, quantity, edges, counts, underflow=0, overflow=0, nan=0):
        """`histogram`: counts in explicit bins; `edges` has one more entry than `counts`."""
        if quantity not in QUANTITIES:
            raise ValueError(f"quantity must be one of {', '.join(QUANTITIES)}, not {quantity!r}")
        edges, counts = [float(e) for e in edges], [int(c) for c in counts]
        if len(edges) != len(counts) + 1:
            raise ValueError(f"histogram needs len(edges) == len(counts) + 1, got {len(edges)} and {len(counts)}")
        self.event("histogram", step=int(step), layer=layer, index=int(index), quantity=quantity, edges=edges,
                   counts=counts, underflow=int(underflow), overflow=int(overflow), nan=int(nan))

    def run_end(self, status, step, epoch=None, reason=None, quantity=None):
        """`run_end`: `completed`, `stopped_early` or `diverged`, at the last `step`."""
        if status not in ("completed", "stopped_early", "diverged"):
            raise ValueError(f"status must be completed, stopped_early or diverged, not {status!r}")
        self.event("run_end", status=status, step=int(step), epoch=None if epoch is None else int(epoch),
                   reason=reason, quantity=quantity)

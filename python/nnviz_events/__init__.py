"""Write nnviz event files from Python (`EventWriter`, standard library only) and record Keras 3 runs
(`NNVizCallback`, needs Keras; imported lazily). Render them with `nnviz report FILE --out DIR`."""
from .writer import SCHEMA_VERSION, EventWriter

__all__ = ["SCHEMA_VERSION", "EventWriter", "NNVizCallback"]


def __getattr__(name):
    if name == "NNVizCallback":
        from .keras_callback import NNVizCallback
        return NNVizCallback
    raise AttributeError(name)

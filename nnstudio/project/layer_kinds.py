"""The one table of layer kinds and their parameters (no Qt).

Every layer type a project can hold is one :class:`LayerKind` in
:data:`LAYER_KINDS`: its parameters (name, default, value type, label,
tooltip, widget hint, limits, whether a change alters the weight shapes,
whether files carry it only when set), a one-line summary, what the summary
line shows for it and how it changes the width and parameter count.
The document (defaults, structural keys), the file format (optional keys),
the lessons loader (value types), the canvas (drop types), ``nnstudio info``
and the parameter limits read it; adding a layer type is one entry here
(plus its engine layer in ``project/build.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a layer kind."""

    name: str
    default: Any
    type: type                       # the Python type a file / lesson gives (int, float, bool, str, list)
    label: str = ""
    tooltip: str = ""
    widget: str = "spin"             # 'spin' | 'float' | 'check' | 'activation' | 'initializer' | 'optional_float' | 'features'
    minimum: float | None = None
    maximum: float | None = None
    structural: bool = False         # a change alters weight shapes (the trained weights are dropped)
    optional: bool = False           # written to a file only when set (older files do not have it)


def _width_input(params: dict, width: int | None) -> int | None:
    size, feats = params.get("size"), params.get("features")
    if isinstance(size, int) and not isinstance(size, bool):
        return size
    return len(feats) if isinstance(feats, list) else width


def _width_dense(params: dict, width: int | None) -> int | None:
    units = params.get("units")
    return units if isinstance(units, int) and not isinstance(units, bool) and units > 0 else 0


def _count_dense(params: dict, width: int | None) -> int:
    units = _width_dense(params, width) or 0
    return (width or 0) * units + (units if params.get("use_bias", True) else 0)


@dataclass(frozen=True)
class LayerKind:
    """A layer type: its parameters and how it shapes the network."""

    name: str
    summary: str
    params: tuple[ParamSpec, ...]
    #: (params, input width) -> output width
    width: Callable[[dict, int | None], int | None] = lambda params, width: width
    #: (params, input width) -> trainable numbers (weights + biases)
    count: Callable[[dict, int | None], int] = lambda params, width: 0
    #: what ``nnstudio info`` shows in its activation column
    caption: Callable[[dict], str] = lambda params: ""
    has_weights: bool = False
    extra: dict = field(default_factory=dict)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(f"{self.name} layer has no parameter {name!r}")


LAYER_KINDS: dict[str, LayerKind] = {
    "Input": LayerKind(
        "Input", "The input features (one neuron per feature).",
        (ParamSpec("size", None, int, "Size", "Input features; empty: follow the dataset.", "spin", 1, 4096,
                   structural=True),
         ParamSpec("features", None, list, "Features", "The input features the network sees (None: the raw "
                   "columns).", "features", structural=True, optional=True)),
        width=_width_input),
    "Dense": LayerKind(
        "Dense", "Fully connected: every neuron sees every input, z = x·W + b, a = f(z).",
        (ParamSpec("units", 8, int, "Units", "Neurons in this layer.", "spin", 1, 4096, structural=True),
         ParamSpec("activation", "relu", str, "Activation", "f in a = f(z).", "activation"),
         ParamSpec("use_bias", True, bool, "Use bias", "Add b in z = x·W + b.", "check", structural=True),
         ParamSpec("kernel_initializer", "glorot_uniform", str, "Kernel init", "How W starts.", "initializer"),
         ParamSpec("bias_initializer", "zeros", str, "Bias init", "How b starts.", "initializer"),
         ParamSpec("l1", 0.0, float, "L1", "Adds l1·Σ|w| to the loss.", "float", 0, 10),
         ParamSpec("l2", 0.0, float, "L2", "Adds l2·Σw² to the loss.", "float", 0, 10),
         ParamSpec("max_norm", None, float, "Max norm", "Caps each neuron's incoming weight norm (None: off).",
                   "optional_float", 0, 1e6)),
        width=_width_dense, count=_count_dense, caption=lambda p: str(p.get("activation", "")), has_weights=True),
    "Dropout": LayerKind(
        "Dropout", "Randomly zeroes inputs while training (regularization); passes them on when predicting.",
        (ParamSpec("rate", 0.5, float, "Rate", "Fraction of inputs zeroed while training.", "float", 0, 0.99),),
        caption=lambda p: f"rate {p.get('rate')}"),
    "Activation": LayerKind(
        "Activation", "Applies an activation function to its input, a = f(x).",
        (ParamSpec("activation", "relu", str, "Activation", "f in a = f(x).", "activation"),),
        caption=lambda p: str(p.get("activation", ""))),
}

LAYER_TYPES: tuple[str, ...] = tuple(LAYER_KINDS)


def kind(name: str) -> LayerKind:
    """The :class:`LayerKind` called ``name`` (ValueError listing the valid ones)."""
    try:
        return LAYER_KINDS[name]
    except KeyError:
        raise ValueError(f"unknown layer type {name!r}; valid types: {', '.join(LAYER_TYPES)}") from None


def walk(layers, n_features: int | None):
    """Yield ``(spec, output width, parameter count)`` along the network (widths as Keras' summary)."""
    width = n_features
    for spec in layers:
        k = LAYER_KINDS.get(spec.type)
        if k is None:
            yield spec, width, 0
            continue
        count = k.count(spec.params, width)
        width = k.width(spec.params, width)
        yield spec, width, count

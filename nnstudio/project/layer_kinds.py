"""The one table of layer kinds and their parameters (no Qt).

Every layer type a project can hold is one :class:`LayerKind` in
:data:`LAYER_KINDS`: its parameters (name, default, value type, the
inspector's label, tooltip, widget hint and objectName, limits, the check
the validator runs with its problem and fix, whether a change alters the
weight shapes, whether files carry it only when set), a one-line summary,
the palette's line, icon and block colour, the canvas block's detail line,
how it changes the width and parameter count and how the engine layer is
built. The document (defaults, structural keys), the file format (optional
keys), the lessons loader (value types), the inspector (its layer rows), the
palette, the canvas (drop types, block captions and colours), the builder
(``project/build.py make_layers``), the validator, ``nnstudio info`` and the
parameter limits read it: adding a layer type is one entry here plus its
engine layer (``tests/project/test_layer_kind_table.py`` adds one in a test).

Labels, tooltips and the palette's lines are English; the UI translates them
in the context of the widget that shows them (``"Inspector"``, ``"Palette"``,
``"Canvas"``; the validator's texts in ``"Problems"``), listed for lupdate by
``scripts/make_i18n_catalog.py``.
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
    ui_name: str = ""                # the inspector widget's objectName
    step: float = 1.0                # spin box step
    text: str = ""                   # a check box's own text; 'optional_float': the switch's text
    value_label: str = ""            # 'optional_float': the value row's label and tooltip ...
    value_tooltip: str = ""
    value_ui_name: str = ""
    on_value: float = 1.0            # ... and the value the switch turns on with
    #: the validator's check: ``valid(value)`` False -> Problem(code, template, fix template, fix value);
    #: the template is filled with ``i`` (the layer's index) and the parameter's name
    valid: Callable[[Any], bool] | None = None
    problem: tuple[str, str, str, Any] | None = None


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


def _named(cls, *args, name=None, **kwargs):
    return cls(*args, name=name, **kwargs) if name else cls(*args, **kwargs)


def _build_input(params: dict, name: str | None, n_features: int):
    from nnstudio import engine
    from nnstudio.data import features as nnfeatures

    size = params.get("size") or nnfeatures.width(params.get("features"), n_features)
    return _named(engine.Input, shape=(int(size),), name=name)


def _build_dense(params: dict, name: str | None, n_features: int):
    from nnstudio import engine

    kwargs: dict[str, Any] = dict(units=int(params["units"]), activation=params["activation"],
                                  use_bias=bool(params["use_bias"]), kernel_initializer=params["kernel_initializer"],
                                  bias_initializer=params["bias_initializer"])
    l1, l2 = float(params.get("l1") or 0.0), float(params.get("l2") or 0.0)
    if l1 or l2:
        kwargs["kernel_regularizer"] = engine.regularizers.L1L2(l1=l1, l2=l2)
    if params.get("max_norm") is not None:
        kwargs["kernel_constraint"] = engine.constraints.MaxNorm(max_value=float(params["max_norm"]))
    return _named(engine.Dense, name=name, **kwargs)


def _build_dropout(params: dict, name: str | None, n_features: int):
    from nnstudio import engine

    return _named(engine.Dropout, float(params["rate"]), name=name)


def _build_activation(params: dict, name: str | None, n_features: int):
    from nnstudio import engine

    return _named(engine.Activation, params["activation"], name=name)


def _positive_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


def _rate(v) -> bool:
    try:
        return 0.0 <= float(v) < 1.0
    except (TypeError, ValueError):
        return False


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
    #: what ``nnstudio info`` shows in its activation column (and a canvas block without ``detail``)
    caption: Callable[[dict], str] = lambda params: ""
    has_weights: bool = False
    #: (params, name or None, raw feature count) -> the engine layer
    build: Callable[[dict, str | None, int], Any] | None = None
    #: the palette's line under the name, its icon (resources/icons stem) and the canvas block colour
    explain: str = ""
    icon: str = ""
    colour: tuple[int, int, int] = (90, 130, 200)
    #: the canvas block's detail line, filled with ``n`` (its width), ``act`` and its parameters
    detail: str = ""
    #: passes its input on when predicting (coloured like its input on the canvas)
    passthrough: bool = False
    #: (code, template, fix template) when the layer may not end the network
    not_last: tuple[str, str, str] | None = None
    extra: dict = field(default_factory=dict)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(f"{self.name} layer has no parameter {name!r}")


_INITS = ("How the weights (kernel) are initialized before training.", "How the biases are initialized before training.")

LAYER_KINDS: dict[str, LayerKind] = {
    "Input": LayerKind(
        "Input", "The input features (one neuron per feature).",
        (ParamSpec("size", None, int, "Inputs", "The Input layer has one unit per feature of the dataset; "
                   "it follows the dataset and is not typed in.", "input_size", 1, 4096, structural=True,
                   ui_name="inputSizeLabel"),
         ParamSpec("features", None, list, "Features", "", "features", structural=True, optional=True,
                   ui_name="inputFeaturesBox")),
        width=_width_input, build=_build_input, explain="Passes the data's features in; computes nothing.",
        icon="layer-input", colour=(120, 170, 120), detail="{n} features"),
    "Dense": LayerKind(
        "Dense", "Fully connected: every neuron sees every input, z = x·W + b, a = f(z).",
        (ParamSpec("units", 8, int, "Units", "Number of neurons in this layer (Keras 'units').", "spin", 1, 4096,
                   structural=True, ui_name="unitsSpin", valid=_positive_int,
                   problem=("bad_units", "Layer {i} needs at least 1 unit.", "Use 1 unit", 1)),
         ParamSpec("activation", "relu", str, "Activation", "The function applied to z = x·W + b.", "activation",
                   ui_name="activationCombo"),
         ParamSpec("use_bias", True, bool, "Bias", "Add a learned bias b to each unit: z = x·W + b.", "check",
                   structural=True, ui_name="useBiasCheck", text="use a bias b"),
         ParamSpec("kernel_initializer", "glorot_uniform", str, "Weights start", _INITS[0], "initializer",
                   ui_name="kernelInitCombo"),
         ParamSpec("bias_initializer", "zeros", str, "Biases start", _INITS[1], "initializer",
                   ui_name="biasInitCombo"),
         ParamSpec("l1", 0.0, float, "L1 strength",
                   "L1 regularization: adds λ·Σ|w| to the loss (pushes weights to exactly 0).", "float", 0, 10,
                   ui_name="l1Spin", step=0.001),
         ParamSpec("l2", 0.0, float, "L2 strength", "L2 regularization (weight decay): adds λ·Σw² to the loss.",
                   "float", 0, 10, ui_name="l2Spin", step=0.001),
         ParamSpec("max_norm", None, float, "Max-norm", "Max-norm constraint: after each update, rescale each "
                   "unit's incoming weight vector so its length is at most c.", "optional_float", 0.01, 100.0,
                   ui_name="maxNormCheck", step=0.5, text="limit each unit's weights", value_label="Max-norm c",
                   value_tooltip="The largest allowed length c of a unit's weight vector.",
                   value_ui_name="maxNormSpin", on_value=3.0)),
        width=_width_dense, count=_count_dense, caption=lambda p: str(p.get("activation", "")), has_weights=True,
        build=_build_dense, explain="Every input connects to every unit: a = f(x·W + b).", icon="layer-dense",
        colour=(90, 130, 200), detail="{n} units · {act}"),
    "Dropout": LayerKind(
        "Dropout", "Randomly zeroes inputs while training (regularization); passes them on when predicting.",
        (ParamSpec("rate", 0.5, float, "Dropout rate",
                   "Fraction of inputs set to 0 at each training step (none at prediction).", "float", 0, 0.99,
                   ui_name="dropoutRateSpin", step=0.05, valid=_rate,
                   problem=("bad_rate", "Dropout rate must be in [0, 1); layer {i} has {rate}.", "Use rate 0.5", 0.5)),),
        caption=lambda p: f"rate {p.get('rate')}", build=_build_dropout,
        explain="Randomly zeroes inputs while training (regularization).", icon="layer-dropout",
        colour=(160, 110, 190), detail="rate {rate}", passthrough=True,
        not_last=("dropout_last", "Dropout cannot be the last layer: the output would be randomly zeroed while "
                  "training.", "Remove the trailing Dropout")),
    "Activation": LayerKind(
        "Activation", "Applies an activation function to its input, a = f(x).",
        (ParamSpec("activation", "relu", str, "Activation", "The function applied to z = x·W + b.", "activation",
                   ui_name="activationCombo"),),
        caption=lambda p: str(p.get("activation", "")), build=_build_activation,
        explain="Applies a function to each value, no weights.", icon="layer-activation", colour=(210, 170, 60)),
}

LAYER_TYPES: tuple[str, ...] = tuple(LAYER_KINDS)  # as loaded; code that must see a kind added later reads LAYER_KINDS


def kind(name: str) -> LayerKind:
    """The :class:`LayerKind` called ``name`` (ValueError listing the valid ones)."""
    try:
        return LAYER_KINDS[name]
    except KeyError:
        raise ValueError(f"unknown layer type {name!r}; valid types: {', '.join(LAYER_KINDS)}") from None


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

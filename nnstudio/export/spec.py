"""What every exporter needs to know about a project, resolved once.

:func:`export_spec` turns a :class:`~nnstudio.project.Project` (plus its
dataset, when known) into an :class:`ExportSpec`: canonical registry names
only, Keras-safe unique layer names, the input size, the optimizer's
parameters, the label format and the standardisation constants. The code
generators read nothing else from the project, so a value that is not in the
spec cannot reach generated code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.export.names import ExportError, canonical, keras_layer_name, unique_names
from nnstudio.project.document import Project

CLASSIFICATION_LOSSES = {"binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"}


@dataclass
class LayerInfo:
    """One layer, with canonical names and plain Python values."""

    type: str
    name: str | None = None       # Keras-safe, unique (None: let Keras choose)
    units: int = 0
    activation: str = "linear"
    use_bias: bool = True
    kernel_initializer: str = "glorot_uniform"
    bias_initializer: str = "zeros"
    l1: float = 0.0
    l2: float = 0.0
    max_norm: float | None = None
    rate: float = 0.0
    size: int = 0                 # Input: features; Dropout: its width
    in_units: int = 0             # Dense: inputs of this layer


@dataclass
class ExportSpec:
    """Everything a generator writes, already checked (see module docstring)."""

    project_name: str
    model_name: str
    layers: list[LayerInfo]
    n_features: int
    loss: str
    optimizer: str
    optimizer_params: dict[str, Any]
    weight_decay: float
    batch_size: int
    epochs: int
    validation_split: float
    metrics: list[str]
    early_stopping: dict[str, Any] | None
    seed: int | None
    dtype: str
    task: str                      # 'regression' | 'binary' | 'multiclass'
    n_classes: int
    one_hot: bool
    n_targets: int                 # target columns in the data CSV
    mean: list[float] | None = None
    scale: list[float] | None = None
    has_validation: bool = True
    problems: list[str] = field(default_factory=list)
    label_smoothing: float = 0.0   # binary cross-entropy only
    #: nnstudio's generator, ``np.random.default_rng(seed)`` after it drew the initial
    #: weights (its ``bit_generator.state``): each epoch's batch order is its next
    #: ``permutation(n_train)``. None when the seed is random or the data unknown.
    generator_state: dict | None = None
    #: the input features derived from the raw columns (nnstudio.data.features keys), None: the raw
    #: columns as they are; ``n_columns``: the raw feature columns of the data CSV
    features: list[str] | None = None
    n_columns: int = 0

    @property
    def dense(self) -> list[LayerInfo]:
        return [la for la in self.layers if la.type == "Dense"]

    def activations_used(self) -> set[str]:
        return {la.activation for la in self.layers if la.type in ("Dense", "Activation")}

    @property
    def label_kind(self) -> str:
        """How targets reach the loss: 'float' (regression columns), 'binary' (labels as one
        float column), 'sparse' (integer labels) or 'one_hot' (one column per class)."""
        if self.task == "regression":
            return "float"
        if self.loss == "sparse_categorical_crossentropy":
            return "sparse"
        if self.one_hot or self.loss == "categorical_crossentropy":
            return "one_hot"
        return "binary"


def _finite(value: Any, what: str, default: float = 0.0) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ExportError(f"{what} must be a number, found {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ExportError(f"{what} must be a finite number, found {value!r}")
    return v


def _int(value: Any, what: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ExportError(f"{what} must be a whole number, found {value!r}")
    if float(value) != int(value) or int(value) < minimum:
        raise ExportError(f"{what} must be a whole number >= {minimum}, found {value!r}")
    return int(value)


def _features(features, n_columns: int | None) -> list[str] | None:
    """The derived input features to write into a script (None: the raw columns as they are)."""
    from nnstudio.data import features as nnfeatures

    if features is None:
        return None
    if not isinstance(features, list) or nnfeatures.malformed(features):
        raise ExportError(f"the Input layer's features are not valid: {features!r}"[:200])
    if n_columns is not None:
        bad = nnfeatures.problems(features, n_columns)
        if bad:
            raise ExportError(f"the input features {', '.join(bad)} do not fit the data's {n_columns} column(s)")
        if nnfeatures.is_identity(features, n_columns):
            return None
    return [str(k) for k in features]


def _layers(project: Project, n_features: int) -> list[LayerInfo]:
    specs = project.layers
    if not specs or specs[0].type != "Input":
        raise ExportError("the network must start with an Input layer")
    if any(s.type == "Input" for s in specs[1:]):
        raise ExportError("a Sequential network has exactly one Input layer")
    names = unique_names([keras_layer_name(s.name) if s.name else None for s in specs])
    out: list[LayerInfo] = []
    width = n_features
    for i, (s, name) in enumerate(zip(specs, names)):
        p = s.params
        where = f"layer {i} ({s.type})"
        if s.type == "Input":
            out.append(LayerInfo("Input", name, size=n_features))
        elif s.type == "Dense":
            units = _int(p.get("units"), f"{where}: units", 1)
            mn = p.get("max_norm")
            out.append(LayerInfo(
                "Dense", name, units=units,
                activation=canonical("activation", p.get("activation") or "linear"),
                use_bias=bool(p.get("use_bias", True)),
                kernel_initializer=canonical("initializer", p.get("kernel_initializer")),
                bias_initializer=canonical("initializer", p.get("bias_initializer")),
                l1=_finite(p.get("l1"), f"{where}: l1"), l2=_finite(p.get("l2"), f"{where}: l2"),
                max_norm=None if mn is None else _finite(mn, f"{where}: max_norm"),
                in_units=width,
            ))
            width = units
        elif s.type == "Dropout":
            rate = _finite(p.get("rate"), f"{where}: rate")
            if not 0.0 <= rate < 1.0:
                raise ExportError(f"{where}: the dropout rate must be in [0, 1), found {rate}")
            out.append(LayerInfo("Dropout", name, rate=rate, size=width))
        elif s.type == "Activation":
            out.append(LayerInfo("Activation", name, activation=canonical("activation", p.get("activation"))))
        else:
            raise ExportError(f"{where}: layer type {s.type!r} cannot be exported")
    if not any(la.type == "Dense" for la in out):
        raise ExportError("the network has no Dense layer")
    return out


def _dataset_or_none(project: Project, dataset: Any) -> Any:
    if dataset is not None:
        return dataset
    try:
        from nnstudio.project.build import load_dataset

        return load_dataset(project)
    except Exception:  # the dataset is optional for generating code
        return None


def export_spec(project: Project, dataset: Any = None, *, n_features: int | None = None,
                problems: list[str] | None = None, prepared: Any = None) -> ExportSpec:
    """Resolve ``project`` for export (see module docstring); :class:`ExportError` if impossible.

    ``dataset`` defaults to the project's own (regenerated / re-read); without
    one, ``n_features`` (or the Input layer's size) gives the input width.
    ``prepared`` is ``prepare_data(project, dataset)`` when the caller has it
    already (the studio's cached split); otherwise it is made here.
    """
    ds = _dataset_or_none(project, dataset)
    t = project.training
    first = project.layers[0].params if project.layers and project.layers[0].type == "Input" else {}
    size = first.get("size")
    n_columns = ds.n_features if ds is not None else n_features
    features = _features(first.get("features"), n_columns)
    if size is None and features is not None:
        size = len(features)
    if size is None:
        size = n_features if n_features is not None else (ds.n_features if ds is not None else None)
    if size is None:
        raise ExportError("the input size is unknown: set the Input layer's size or choose a dataset")
    n_in = _int(size, "the Input layer's size", 1)
    layers = _layers(project, n_in)
    loss = canonical("loss", t.get("loss"))
    optimizer = canonical("optimizer", t.get("optimizer"))
    from nnstudio.engine import registry

    opt_params: dict[str, Any] = {}
    for key, default in registry.get("optimizer", optimizer).params.items():
        value = t.get(key, default)
        if isinstance(default, bool):
            opt_params[key] = bool(value)
        elif default is None and value is None:
            opt_params[key] = None  # an optional setting that is off (gradient clipping)
        else:
            opt_params[key] = _finite(value, f"training setting {key}", default)
    task = ds.task if ds is not None else ("regression" if loss not in CLASSIFICATION_LOSSES else
                                            ("binary" if loss == "binary_crossentropy" else "multiclass"))
    from nnstudio.project.build import resolved_metrics

    metrics = []
    for m in resolved_metrics(project, task):
        canonical("metric", m)  # validates; keep the user's spelling ('acc') as Keras keys history by it
        metrics.append(str(m))
    es = t.get("early_stopping") or {}
    early = None
    if es.get("enabled"):
        monitor = str(es.get("monitor", "val_loss"))
        base = monitor.removeprefix("val_")
        if base != "loss" and base not in metrics:
            raise ExportError(f"early stopping watches {monitor!r}, which is not a loss or a compiled metric")
        early = {
            "monitor": monitor,
            "patience": _int(es.get("patience", 0), "early stopping patience"),
            "min_delta": _finite(es.get("min_delta"), "early stopping min_delta"),
            "restore_best_weights": bool(es.get("restore_best_weights", False)),
            "start_from_epoch": _int(es.get("start_from_epoch", 0), "early stopping start_from_epoch"),
        }
    one_hot = bool(project.dataset.get("one_hot"))
    n_classes = int(ds.n_classes) if ds is not None and task != "regression" else 0
    if ds is not None and task == "regression":
        n_targets = int(ds.y.shape[1]) if np.ndim(ds.y) == 2 else 1
    elif task == "regression":
        n_targets = [la for la in layers if la.type == "Dense"][-1].units
    else:
        n_targets = 1
    if task != "regression" and not n_classes:
        n_classes = max(2, [la for la in layers if la.type == "Dense"][-1].units)
    mean = scale = None
    has_val = True
    if ds is not None:
        try:
            from nnstudio.project.build import prepare_data

            if prepared is None or getattr(prepared, "dataset", None) is not ds:
                prepared = prepare_data(project, ds)
            has_val = len(prepared.val_idx) > 0
            if prepared.scaler is not None:
                mean = [float(v) for v in prepared.scaler.mean_]
                scale = [float(v) for v in prepared.scaler.scale_]
        except ValueError as exc:
            raise ExportError(f"the data cannot be split as the project says: {exc}") from None
    seed = t.get("seed")
    label_smoothing = _finite(t.get("label_smoothing"), "label_smoothing") if loss == "binary_crossentropy" else 0.0
    generator_state = None
    if ds is not None and seed is not None:
        from nnstudio.project.build import build_model

        try:
            generator_state = build_model(project, ds, compile=False).rng.bit_generator.state
        except (ValueError, TypeError):
            generator_state = None
    return ExportSpec(
        project_name=str(project.name),
        model_name=keras_layer_name(project.name or "model"),
        layers=layers,
        n_features=n_in,
        loss=loss,
        optimizer=optimizer,
        optimizer_params=opt_params,
        weight_decay=_finite(t.get("weight_decay"), "weight_decay"),
        batch_size=_int(t.get("batch_size", 32), "batch size", 1),
        epochs=_int(t.get("epochs", 1), "epochs", 0),
        validation_split=_finite(t.get("validation_split"), "validation split"),
        metrics=metrics,
        early_stopping=early,
        seed=None if seed is None else _int(seed, "seed"),
        dtype="float64" if t.get("dtype") == "float64" else "float32",
        task=task,
        n_classes=n_classes,
        one_hot=one_hot,
        n_targets=n_targets,
        mean=mean,
        scale=scale,
        has_validation=has_val,
        features=features,
        n_columns=int(n_columns if n_columns is not None else n_in),
        problems=list(problems or []),
        label_smoothing=label_smoothing,
        generator_state=generator_state,
    )

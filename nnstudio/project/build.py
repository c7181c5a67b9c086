"""From a project document to data and an engine model (no Qt).

``load_dataset`` regenerates a built-in dataset from its name and parameters
(or re-reads the embedded CSV), ``prepare_data`` splits and scales it the way
the project says, and ``build_model`` returns a compiled
:class:`nnstudio.engine.Sequential` for the document's layers and settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio import data as nndata
from nnstudio import engine
from nnstudio.data import features as nnfeatures
from nnstudio.engine import registry
from nnstudio.project.document import Project
from nnstudio.project.layer_kinds import LAYER_KINDS


@dataclass
class PreparedData(nndata.Prepared):
    """:class:`nnstudio.data.Prepared` in the model's dtype and label format, with its dataset."""

    dataset: Any = None
    #: the Input layer's feature keys when they are not just the raw columns (None: raw columns)
    features: Any = None

    def model_input(self, x_raw) -> np.ndarray:
        """Raw rows (dataset units) as the model sees them: features derived, then scaled, in its dtype."""
        x = nnfeatures.derive(x_raw, self.features)
        if self.scaler is not None and getattr(self.scaler, "mean_", None) is not None:
            x = self.scaler.transform(x)
        return np.ascontiguousarray(x, dtype=self.x_train.dtype)

    @property
    def validation_data(self):
        return (self.x_val, self.y_val) if len(self.val_idx) else None


def load_dataset(choice: dict | Project):
    """The :class:`nnstudio.data.Dataset` a dataset choice stands for."""
    if isinstance(choice, Project):
        choice = choice.dataset
    if choice.get("source") == "csv":
        from nnstudio.data import csv as nncsv

        csv = choice["csv"]
        options = nncsv.CsvOptions.from_dict(csv.get("options") or {})
        ds = nncsv.load_csv(csv["text"], options)
        if csv.get("filename"):
            ds.source = f"imported from {csv['filename']}"
        return ds
    return nndata.make(choice["name"], **(choice.get("params") or {}))


def project_features(project: Project, n_raw: int) -> list[str] | None:
    """The Input layer's feature keys, or ``None`` when the network sees the raw columns as they are."""
    layers = project.layers
    feats = layers[0].params.get("features") if layers and layers[0].type == "Input" else None
    return None if nnfeatures.is_identity(feats, n_raw) else list(feats)


def with_features(ds, features):
    """``ds`` with its x replaced by the derived ``features`` (the same rows, labels and names)."""
    if features is None:
        return ds
    import dataclasses

    names = nnfeatures.labels(features, ds.feature_names)
    return dataclasses.replace(ds, x=nnfeatures.derive(ds.x, features), feature_names=names,
                               image_shape=None, notes=list(ds.notes))


def prepare_data(project: Project, dataset=None) -> PreparedData:
    """Derive the input features, split (validation fraction + split seed), standardize, encode labels.

    Standardisation comes after the features are derived (each derived column
    is scaled with its own training-row mean and deviation).
    """
    ds = dataset if dataset is not None else load_dataset(project)
    val_fraction = float(project.training.get("validation_split", 0.0) or 0.0)
    feats = project_features(project, ds.n_features)
    p = nndata.prepare(with_features(ds, feats), val_fraction, project.dataset.get("split_seed", 0),
                       standardize=bool(project.dataset.get("standardize")))
    dtype = np.float64 if project.training.get("dtype") == "float64" else np.float32
    one_hot = bool(project.dataset.get("one_hot")) and ds.task != "regression"
    k = max(ds.n_classes, 2)

    def labels(y):
        if ds.task == "regression":
            y = np.asarray(y, dtype=dtype)
            return y[:, None] if y.ndim == 1 else y
        if one_hot:
            return np.eye(k, dtype=dtype)[np.asarray(y, dtype=np.int64)]
        return y

    return PreparedData(np.asarray(p.x_train, dtype), labels(p.y_train), np.asarray(p.x_val, dtype),
                        labels(p.y_val), p.train_idx, p.val_idx, p.scaler, ds, feats)


def resolved_metrics(project: Project, task: str | None) -> list[str]:
    metrics = project.training.get("metrics")
    if metrics:
        return list(metrics)
    return ["mae"] if task == "regression" else ["accuracy"]


def make_optimizer(training: dict):
    """The engine optimizer named in the training settings, with its parameters."""
    entry = registry.get("optimizer", training["optimizer"])
    kwargs = {k: training[k] for k in entry.params if k in training}
    wd = float(training.get("weight_decay") or 0.0)
    if wd > 0:
        kwargs["weight_decay"] = wd
    return entry.obj(**kwargs)


def make_loss(training: dict):
    """The engine loss named in the training settings, with its parameters (label smoothing)."""
    entry = registry.get("loss", training["loss"])
    kwargs = {k: training[k] for k in entry.params if k in training and k != "from_logits"}
    return entry.obj(**kwargs)


def make_layers(project: Project, n_features: int) -> list:
    """Engine layers for the document's layers (the Input layer included), built by the layer table."""
    return [LAYER_KINDS[spec.type].build(spec.params, spec.name or None, n_features) for spec in project.layers]


def build_model(project: Project, dataset=None, *, n_features: int | None = None, compile: bool = True):
    """A compiled engine ``Sequential`` for the project (weights from the state if present)."""
    task = None
    if n_features is None:
        ds = dataset if dataset is not None else load_dataset(project)
        n_features, task = ds.n_features, ds.task
    elif dataset is not None:
        task = dataset.task
    t = project.training
    model = engine.Sequential(make_layers(project, n_features), seed=t.get("seed"), dtype=t.get("dtype", "float32"))
    if compile:
        model.compile(optimizer=make_optimizer(t), loss=make_loss(t), metrics=resolved_metrics(project, task))
    state = project.trained
    if state and state.get("weights"):
        try:
            model.set_weights(state["weights"])
        except ValueError:
            pass  # stale weights (structure changed outside the document): start fresh
    return model


def make_callbacks(project: Project) -> list:
    """The divergence watch, and early stopping if enabled, as an engine callback list."""
    from nnstudio.project.divergence import DivergenceWatch

    es = project.training.get("early_stopping") or {}
    if not es.get("enabled"):
        return [DivergenceWatch()]
    return [DivergenceWatch(),
        engine.EarlyStopping(
            monitor=es.get("monitor", "val_loss"),
            patience=int(es.get("patience", 0)),
            min_delta=float(es.get("min_delta", 0.0)),
            restore_best_weights=bool(es.get("restore_best_weights", False)),
            start_from_epoch=int(es.get("start_from_epoch", 0)),
        )
    ]

"""The :class:`Dataset` every part of nnstudio trains on, and column statistics."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

TASKS = ("regression", "binary", "multiclass")


@dataclass
class Dataset:
    """Features and targets, ready for the engine.

    ``x`` is ``(n, d)`` float64.  For ``'binary'`` and ``'multiclass'`` tasks
    ``y`` is ``(n,)`` int64 with labels ``0..k-1`` and ``class_names`` has
    ``k`` entries; for ``'regression'`` ``y`` is ``(n, t)`` float64 and
    ``class_names`` is ``None``.  ``notes`` holds human readable remarks made
    while building the set (e.g. rows dropped for missing values).

    ``image_shape`` is ``(height, width)`` when every row is a picture stored
    row by row (``height * width == d``, e.g. ``(8, 8)`` for the digits):
    views then show ``x[i].reshape(image_shape)`` as an image.  ``None`` for
    ordinary tables.
    """

    x: np.ndarray
    y: np.ndarray
    feature_names: list[str]
    target_names: list[str]
    task: str
    class_names: list[str] | None = None
    source: str = ""
    notes: list[str] = field(default_factory=list)
    image_shape: tuple[int, int] | None = None

    def __post_init__(self):
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}, not {self.task!r}")
        self.x = np.asarray(self.x, dtype=np.float64)
        if self.x.ndim == 1:
            self.x = self.x.reshape(-1, 1)
        if self.x.ndim != 2:
            raise ValueError(f"x must be 2-D (samples, features), got shape {self.x.shape}")
        n = self.x.shape[0]
        if self.task == "regression":
            self.y = np.asarray(self.y, dtype=np.float64)
            if self.y.ndim == 1:
                self.y = self.y.reshape(-1, 1)
            if self.y.ndim != 2:
                raise ValueError(f"regression y must be (n, t), got shape {self.y.shape}")
            self.class_names = None
        else:
            y = np.asarray(self.y)
            if y.ndim == 2 and y.shape[1] == 1:
                y = y[:, 0]
            if y.ndim != 1:
                raise ValueError(f"class labels y must be (n,), got shape {y.shape}")
            self.y = y.astype(np.int64)
            k = len(self.class_names) if self.class_names else (int(self.y.max()) + 1 if n else 0)
            if self.class_names is None:
                self.class_names = [str(i) for i in range(k)]
            if n and (self.y.min() < 0 or self.y.max() >= k):
                raise ValueError(f"labels must lie in 0..{k - 1}")
            if self.task == "binary" and k != 2:
                raise ValueError(f"a binary dataset has exactly 2 classes, got {k}")
        if self.y.shape[0] != n:
            raise ValueError(f"x has {n} rows but y has {self.y.shape[0]}")
        self.feature_names = [str(s) for s in self.feature_names]
        self.target_names = [str(s) for s in self.target_names]
        if len(self.feature_names) != self.x.shape[1]:
            raise ValueError(
                f"{len(self.feature_names)} feature names for {self.x.shape[1]} features")
        if self.image_shape is not None:
            self.image_shape = check_image_shape(self.image_shape, self.x.shape[1])

    @property
    def n_samples(self) -> int:
        """Number of rows."""
        return int(self.x.shape[0])

    @property
    def n_features(self) -> int:
        """Number of input columns ``d``."""
        return int(self.x.shape[1])

    @property
    def n_classes(self) -> int:
        """Number of classes ``k`` (0 for regression)."""
        return 0 if self.task == "regression" else len(self.class_names or [])

    @property
    def n_outputs(self) -> int:
        """Output units a network needs: 1 for binary, k for multiclass, t for regression."""
        if self.task == "binary":
            return 1
        if self.task == "multiclass":
            return self.n_classes
        return int(self.y.shape[1])

    def one_hot(self) -> np.ndarray:
        """Labels as an ``(n, k)`` float64 one-hot matrix (classification only)."""
        if self.task == "regression":
            raise ValueError("one_hot() needs class labels; this is a regression dataset")
        out = np.zeros((self.n_samples, self.n_classes), dtype=np.float64)
        out[np.arange(self.n_samples), self.y] = 1.0
        return out

    def subset(self, idx) -> "Dataset":
        """A new Dataset with the rows ``idx`` (same names, task and classes)."""
        idx = np.asarray(idx)
        return Dataset(self.x[idx], self.y[idx], list(self.feature_names),
                       list(self.target_names), self.task,
                       None if self.class_names is None else list(self.class_names),
                       self.source, list(self.notes), self.image_shape)

    @property
    def is_image(self) -> bool:
        """True when the rows are pictures (``image_shape`` is set)."""
        return self.image_shape is not None

    def image(self, i: int) -> np.ndarray:
        """Row ``i`` as a ``(height, width)`` array (ValueError for a table)."""
        if self.image_shape is None:
            raise ValueError("this dataset's rows are not images (image_shape is None)")
        return self.x[int(i)].reshape(self.image_shape)


def check_image_shape(shape, n_features: int) -> tuple[int, int]:
    """``(height, width)`` as ints, checked against the feature count (ValueError)."""
    try:
        h, w = (int(v) for v in shape)
    except (TypeError, ValueError):
        raise ValueError(f"image_shape must be (height, width), got {shape!r}") from None
    if h < 1 or w < 1 or h * w != int(n_features):
        raise ValueError(f"image_shape {h}×{w} = {h * w} pixels does not match "
                         f"{n_features} features")
    return (h, w)


@dataclass(frozen=True)
class ColumnStats:
    """Summary of one column for the data table view (NaNs ignored and counted)."""

    name: str
    mean: float
    std: float
    min: float
    max: float
    missing: int = 0


def describe_columns(x, names) -> list[ColumnStats]:
    """Per-column mean, std (population), min and max of a 2-D array.

    Columns with no finite value report NaN statistics.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    names = list(names)
    if len(names) != x.shape[1]:
        raise ValueError(f"{len(names)} names for {x.shape[1]} columns")
    out = []
    for j, name in enumerate(names):
        col = x[:, j]
        ok = col[~np.isnan(col)]
        missing = int(col.size - ok.size)
        if ok.size == 0:
            out.append(ColumnStats(str(name), *(float("nan"),) * 4, missing=missing))
        else:
            out.append(ColumnStats(str(name), float(ok.mean()), float(ok.std()),
                                   float(ok.min()), float(ok.max()), missing))
    return out

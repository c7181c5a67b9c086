"""Train/validation splits and feature standardisation.

The scaler is fitted on the training rows only, so nothing about the
validation rows leaks into training (the lesson's point about honest
validation).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .dataset import Dataset
from .errors import CsvError


def _check_fraction(val_fraction) -> float:
    f = float(val_fraction)
    if not (0.0 <= f < 1.0) or math.isnan(f):
        raise ValueError(f"val_fraction must be in [0, 1), got {val_fraction!r}")
    return f


def keras_split_at(n_rows: int, val_fraction: float) -> int:
    """Rows Keras' ``validation_split`` keeps for training: ``floor(n·(1 − f))``.

    Keras 3 (``train_validation_split``) computes exactly
    ``int(math.floor(n * (1.0 - f)))`` and holds out the other
    ``n − floor(n·(1 − f))`` rows: N=10, f=0.25 → 3 held out; N=1003, f=0.2 → 201.
    """
    return int(math.floor(int(n_rows) * (1.0 - float(val_fraction))))


def split_sizes(n_rows: int, val_fraction: float) -> tuple[int, int]:
    """``(n_train, n_val)`` for ``n_rows`` rows, rounded as Keras' ``validation_split``
    (:func:`keras_split_at`); no check that both are usable."""
    f = _check_fraction(val_fraction)
    if f == 0:
        return n_rows, 0
    n_train = keras_split_at(n_rows, f)
    return n_train, n_rows - n_train


def check_split(n_rows: int, val_fraction: float) -> tuple[int, int]:
    """Check that ``n_rows`` rows are enough for the validation split.

    Returns ``(n_train, n_val)``.  Raises :class:`CsvError` when the
    training part would be empty (or the data has no rows at all).
    """
    n_rows = int(n_rows)
    n_train, n_val = split_sizes(n_rows, val_fraction)
    if n_rows <= 0:
        raise CsvError("The data has no rows. Load a file with at least one data row.")
    if n_train < 1:
        need = 2 if val_fraction > 0 else 1
        raise CsvError(
            f"Only {n_rows} row(s): a {float(val_fraction):.0%} validation split leaves no rows "
            f"to train on (need at least {need}). Add rows or lower the validation "
            "fraction (0 % uses every row for training).")
    return n_train, n_val


def split_indices(n: int, val_fraction: float, seed: int | None = 0):
    """Seeded random split of ``range(n)`` -> ``(train_idx, val_idx)``.

    Both are sorted int64 arrays; ``val_fraction == 0`` gives an empty
    ``val_idx``.  The same ``(n, val_fraction, seed)`` always gives the same
    split.  Raises ``ValueError`` (a :class:`CsvError`) if too few rows.
    """
    n_train, n_val = check_split(n, val_fraction)
    perm = np.random.default_rng(seed).permutation(int(n))
    return np.sort(perm[n_val:]).astype(np.int64), np.sort(perm[:n_val]).astype(np.int64)


class Standardizer:
    """Scale features to zero mean and unit variance: ``(x - mean_) / scale_``.

    Columns with zero variance get ``scale_ = 1`` so they map to 0 instead
    of dividing by zero.
    """

    def __init__(self):
        self.mean_: np.ndarray | None = None
        self.scale_: np.ndarray | None = None

    def fit(self, x) -> "Standardizer":
        """Learn ``mean_`` and ``scale_`` from ``x`` (the training rows only)."""
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[0] == 0:
            raise ValueError(f"fit needs a non-empty 2-D array, got shape {x.shape}")
        self.mean_ = x.mean(axis=0)
        std = x.std(axis=0)
        self.scale_ = np.where(std > 1e-12 * np.maximum(1.0, np.abs(self.mean_)), std, 1.0)
        return self

    def _check(self, x):
        if self.mean_ is None:
            raise ValueError("Standardizer is not fitted; call fit(x_train) first")
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.mean_.shape[0]:
            raise ValueError(
                f"expected shape (n, {self.mean_.shape[0]}), got {x.shape}")
        return x

    def transform(self, x) -> np.ndarray:
        """Standardised copy of ``x``."""
        x = self._check(x)
        return (x - self.mean_) / self.scale_

    def fit_transform(self, x) -> np.ndarray:
        """``fit(x)`` then ``transform(x)``."""
        return self.fit(x).transform(x)

    def inverse_transform(self, x) -> np.ndarray:
        """Undo :meth:`transform`."""
        x = self._check(x)
        return x * self.scale_ + self.mean_

    def to_dict(self) -> dict:
        """JSON-ready dict ``{'mean': [...], 'scale': [...]}``."""
        if self.mean_ is None:
            return {"mean": None, "scale": None}
        return {"mean": [float(v) for v in self.mean_],
                "scale": [float(v) for v in self.scale_]}

    @classmethod
    def from_dict(cls, d: dict) -> "Standardizer":
        """Rebuild from :meth:`to_dict` output; malformed input -> ValueError."""
        if not isinstance(d, dict) or "mean" not in d or "scale" not in d:
            raise ValueError("standardizer data must be a dict with 'mean' and 'scale'")
        s = cls()
        if d["mean"] is None and d["scale"] is None:
            return s
        try:
            mean = np.asarray(d["mean"], dtype=np.float64)
            scale = np.asarray(d["scale"], dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"standardizer mean/scale must be lists of numbers ({exc})") from None
        if mean.ndim != 1 or mean.shape != scale.shape:
            raise ValueError("standardizer mean and scale must be lists of equal length")
        if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(scale)) and np.all(scale > 0)):
            raise ValueError("standardizer mean must be finite and scale finite and > 0")
        s.mean_, s.scale_ = mean, scale
        return s


@dataclass
class Prepared:
    """A dataset split (and optionally standardised) for training."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    train_idx: np.ndarray
    val_idx: np.ndarray
    scaler: Standardizer | None


def prepare(dataset: Dataset, val_fraction: float = 0.2, seed: int | None = 0,
            standardize: bool = True) -> Prepared:
    """Split ``dataset`` and, if ``standardize``, scale x with a train-only fit."""
    train_idx, val_idx = split_indices(dataset.n_samples, val_fraction, seed)
    x_train, x_val = dataset.x[train_idx], dataset.x[val_idx]
    scaler = None
    if standardize:
        scaler = Standardizer().fit(x_train)
        x_train = scaler.transform(x_train)
        x_val = scaler.transform(x_val)
    return Prepared(x_train, dataset.y[train_idx], x_val, dataset.y[val_idx],
                    train_idx, val_idx, scaler)

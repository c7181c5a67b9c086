"""Loss functions with Keras 3 names, formulas and numbers.

Every loss averages a per-sample value over the batch (Keras'
``sum_over_batch_size``).  Probabilities are clipped to [ε, 1 − ε] with
ε = 1e-7 before taking logs, exactly as Keras does, so the reported loss
values match Keras'.  ``from_logits=True`` makes the cross-entropies take raw
scores and use exact log-sigmoid / log-softmax forms (finite for any logits).

Each class offers ``per_sample(y_true, y_pred)``, ``__call__`` (batch mean),
``grad(y_true, y_pred)`` = ∂(batch mean)/∂y_pred (the clip is respected: the
gradient is 0 where a probability was clipped) and ``prepare_targets``
(validates labels and reshapes them for the output layer).  The model uses a
fused, faster form when the output activation is softmax/sigmoid and the loss
is the matching cross-entropy (see :mod:`nnstudio.engine.heads`).
"""

from __future__ import annotations

import numpy as np

from .backend import EPSILON
from .errors import ConfigError, EngineTypeError, LabelError, NonFiniteError, ShapeError, unknown_name


def _log_softmax(x):
    m = np.max(x, axis=-1, keepdims=True)
    s = x - m
    return s - np.log(np.sum(np.exp(s), axis=-1, keepdims=True))


def _softmax(x):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _sigmoid(x):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


class Loss:
    """Base class.  Subclasses set ``name`` and implement ``per_sample`` and ``grad``."""

    name = ""
    summary = ""
    formula = ""
    derivative_text = ""
    aliases: tuple = ()
    #: 'regression', 'binary', 'categorical' or 'sparse' (for target checks and metrics).
    target_kind = "regression"

    def __init__(self, from_logits=False):
        self.from_logits = bool(from_logits)

    def __call__(self, y_true, y_pred):
        y_pred = np.asarray(y_pred)
        y_true = self.prepare_targets(y_true, y_pred.shape[-1], len(y_pred))
        return float(np.mean(self.per_sample(y_true, y_pred)))

    def per_sample(self, y_true, y_pred):  # pragma: no cover - abstract
        raise NotImplementedError

    def grad(self, y_true, y_pred):  # pragma: no cover - abstract
        raise NotImplementedError

    def prepare_targets(self, y, n_outputs, n_rows, dtype=np.float64):
        """Return ``y`` validated and shaped ``(n, n_outputs)`` (``(n,)`` ints for sparse)."""
        y = np.asarray(y)
        if y.dtype == object or not (np.issubdtype(y.dtype, np.number) or y.dtype == bool):
            raise LabelError(f"{self.name}: targets must be numbers, received dtype {y.dtype}")
        if len(y) != n_rows:
            raise ShapeError(f"{self.name}: x has {n_rows} rows but y has {len(y)} rows (y shape {y.shape})")
        if np.issubdtype(y.dtype, np.floating) and not np.isfinite(y).all():
            raise NonFiniteError(f"{self.name}: y contains NaN or infinity (first bad row {int(np.argmin(np.isfinite(y).reshape(len(y), -1).all(axis=1)))})")
        if y.ndim == 1:
            y = y.reshape(-1, 1)
        y = y.reshape(len(y), -1)
        if y.shape[1] != n_outputs:
            raise ShapeError(
                f"{self.name}: the output layer has {n_outputs} units but y has shape {y.shape}; "
                f"y needs {n_outputs} column(s)"
            )
        return y.astype(dtype, copy=False)

    def get_config(self):
        return {"name": self.name, "from_logits": self.from_logits}

    def __repr__(self):
        return f"{type(self).__name__}(from_logits={self.from_logits})"


class MeanSquaredError(Loss):
    """Mean squared error: L = mean over outputs of (ŷ − y)².  Derivative: ∂L/∂ŷ = 2(ŷ − y)/k."""

    name = "mean_squared_error"
    summary = "Average squared distance between prediction and target (regression)."
    formula = "L = (1/k) Σ (ŷ − y)²"
    derivative_text = "∂L/∂ŷ = (2/k)(ŷ − y)"
    aliases = ("mse",)

    def __init__(self):
        super().__init__(False)

    def per_sample(self, y_true, y_pred):
        return np.mean(np.square(y_pred - y_true), axis=-1)

    def grad(self, y_true, y_pred):
        n, k = y_pred.shape
        return (2.0 / (n * k)) * (y_pred - y_true)


class MeanAbsoluteError(Loss):
    """Mean absolute error: L = mean over outputs of |ŷ − y|.  Derivative: ∂L/∂ŷ = sign(ŷ − y)/k."""

    name = "mean_absolute_error"
    summary = "Average absolute distance between prediction and target (robust regression)."
    formula = "L = (1/k) Σ |ŷ − y|"
    derivative_text = "∂L/∂ŷ = sign(ŷ − y)/k"
    aliases = ("mae",)

    def __init__(self):
        super().__init__(False)

    def per_sample(self, y_true, y_pred):
        return np.mean(np.abs(y_pred - y_true), axis=-1)

    def grad(self, y_true, y_pred):
        n, k = y_pred.shape
        return np.sign(y_pred - y_true) / (n * k)


class BinaryCrossentropy(Loss):
    """Binary cross-entropy: L = −mean[y·ln p + (1 − y)·ln(1 − p)], p clipped to [ε, 1 − ε].

    ``label_smoothing`` s replaces y by y·(1 − s) + s/2 first (Keras), which pulls
    the targets off 0 and 1 so the outputs are not pushed to saturate.

    Derivative: ∂L/∂p = (p − y) / (p(1 − p)) / k; with a sigmoid output the
    chain gives ∂L/∂z = (p − y)/k.  With ``from_logits=True``, p = σ(ŷ) and the
    exact form max(ŷ,0) − ŷ·y + ln(1 + e^(−|ŷ|)) is used.
    """

    name = "binary_crossentropy"
    summary = "Cross-entropy for yes/no outputs (sigmoid output, labels 0 or 1)."
    formula = "L = −[y·ln p + (1 − y)·ln(1 − p)]"
    derivative_text = "∂L/∂p = (p − y) / (p·(1 − p));  with sigmoid: ∂L/∂z = p − y"
    aliases = ("bce",)
    target_kind = "binary"

    def __init__(self, from_logits=False, label_smoothing=0.0):
        super().__init__(from_logits)
        ls = float(label_smoothing)
        if not 0.0 <= ls <= 1.0:
            raise ConfigError(f"label_smoothing must be in [0, 1], received {label_smoothing!r}")
        #: Keras' label smoothing: the loss sees y·(1 − s) + s/2 (0 → s/2, 1 → 1 − s/2).
        self.label_smoothing = ls

    def smooth(self, y_true):
        """The targets the loss compares with: y·(1 − s) + 0.5·s (y itself when s = 0)."""
        s = self.label_smoothing
        return y_true if not s else y_true * (1.0 - s) + 0.5 * s

    def get_config(self):
        return {**super().get_config(), "label_smoothing": self.label_smoothing}

    def __repr__(self):
        return f"BinaryCrossentropy(from_logits={self.from_logits}, label_smoothing={self.label_smoothing})"

    def per_sample(self, y_true, y_pred):
        y_true = self.smooth(y_true)
        if self.from_logits:
            x = y_pred
            v = np.maximum(x, 0) - x * y_true + np.log1p(np.exp(-np.abs(x)))
            return np.mean(v, axis=-1)
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return -np.mean(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p), axis=-1)

    def grad(self, y_true, y_pred):
        n, k = y_pred.shape
        y_true = self.smooth(y_true)
        if self.from_logits:
            return (_sigmoid(y_pred) - y_true) / (n * k)
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        inside = (y_pred >= EPSILON) & (y_pred <= 1.0 - EPSILON)
        return np.where(inside, (p - y_true) / (p * (1.0 - p)), 0.0) / (n * k)


class CategoricalCrossentropy(Loss):
    """Categorical cross-entropy: L = −Σᵢ yᵢ·ln pᵢ, with p = ŷ/Σŷ clipped to [ε, 1 − ε] (Keras).

    Derivative: ∂L/∂pᵢ = −yᵢ/pᵢ; with a softmax output the chain gives
    ∂L/∂zᵢ = pᵢ − yᵢ (for target rows summing to 1).  With
    ``from_logits=True``: L = −Σ yᵢ·log_softmax(ŷ)ᵢ, exact for any logits.
    """

    name = "categorical_crossentropy"
    summary = "Cross-entropy for one-hot targets (softmax output)."
    formula = "L = −Σᵢ yᵢ·ln pᵢ"
    derivative_text = "∂L/∂pᵢ = −yᵢ / pᵢ;  with softmax: ∂L/∂zᵢ = pᵢ − yᵢ"
    aliases = ("cce",)
    target_kind = "categorical"

    def per_sample(self, y_true, y_pred):
        if self.from_logits:
            return -np.sum(y_true * _log_softmax(y_pred), axis=-1)
        q = y_pred / np.sum(y_pred, axis=-1, keepdims=True)
        return -np.sum(y_true * np.log(np.clip(q, EPSILON, 1.0 - EPSILON)), axis=-1)

    def grad(self, y_true, y_pred):
        n = len(y_pred)
        if self.from_logits:
            return (_softmax(y_pred) * np.sum(y_true, axis=-1, keepdims=True) - y_true) / n
        s = np.sum(y_pred, axis=-1, keepdims=True)
        q = y_pred / s
        qc = np.clip(q, EPSILON, 1.0 - EPSILON)
        dq = np.where((q >= EPSILON) & (q <= 1.0 - EPSILON), -y_true / qc, 0.0)
        return (dq - np.sum(dq * q, axis=-1, keepdims=True)) / s / n


class SparseCategoricalCrossentropy(CategoricalCrossentropy):
    """Sparse categorical cross-entropy: L = −ln p_y for an integer label y (Keras clip on p).

    Same as categorical cross-entropy with a one-hot target.  Derivative:
    ∂L/∂p_y = −1/p_y; with a softmax output ∂L/∂zᵢ = pᵢ − [i = y].
    """

    name = "sparse_categorical_crossentropy"
    summary = "Cross-entropy for integer class labels 0..k−1 (softmax output)."
    formula = "L = −ln p_y"
    derivative_text = "∂L/∂p_y = −1 / p_y;  with softmax: ∂L/∂zᵢ = pᵢ − [i = y]"
    aliases = ("scce",)
    target_kind = "sparse"

    def prepare_targets(self, y, n_outputs, n_rows, dtype=np.float64):
        """Return labels as an int64 vector, checking they are integers in 0..n_outputs−1."""
        y = np.asarray(y)
        if y.dtype == object or not (np.issubdtype(y.dtype, np.number) or y.dtype == bool):
            raise LabelError(f"{self.name}: labels must be integers, received dtype {y.dtype}")
        if y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        if y.ndim != 1:
            raise ShapeError(
                f"{self.name}: expects one integer label per row (shape (n,)), received y with shape {y.shape}; "
                "use categorical_crossentropy for one-hot targets"
            )
        if len(y) != n_rows:
            raise ShapeError(f"{self.name}: x has {n_rows} rows but y has {len(y)} labels")
        if np.issubdtype(y.dtype, np.floating):
            if not np.isfinite(y).all():
                bad = y[~np.isfinite(y)][0]
                raise NonFiniteError(f"{self.name}: labels contain NaN or infinity (received {bad})")
            frac = y != np.round(y)
            if frac.any():
                raise LabelError(f"{self.name}: labels must be whole numbers, received label {y[frac][0]}")
        yi = y.astype(np.int64)
        if len(yi):
            lo, hi = int(yi.min()), int(yi.max())
            if lo < 0 or hi >= n_outputs:
                bad = hi if hi >= n_outputs else lo
                raise LabelError(
                    f"{self.name}: labels must be in 0..{n_outputs - 1} for {n_outputs} output units, "
                    f"received label {bad}"
                )
        return yi

    def _one_hot(self, y_true, k, dtype):
        y_true = np.asarray(y_true).reshape(-1).astype(np.int64)
        oh = np.zeros((len(y_true), k), dtype=dtype)
        oh[np.arange(len(y_true)), y_true] = 1
        return oh

    def per_sample(self, y_true, y_pred):
        return super().per_sample(self._one_hot(y_true, y_pred.shape[-1], y_pred.dtype), y_pred)

    def grad(self, y_true, y_pred):
        return super().grad(self._one_hot(y_true, y_pred.shape[-1], y_pred.dtype), y_pred)


#: canonical name -> class, in display order.
LOSSES = {
    cls.name: cls
    for cls in (MeanSquaredError, MeanAbsoluteError, BinaryCrossentropy,
                CategoricalCrossentropy, SparseCategoricalCrossentropy)
}
_ALIASES = {a: c.name for c in LOSSES.values() for a in c.aliases}
_ALIASES.update({c.__name__.lower(): c.name for c in LOSSES.values()})


def mean_squared_error(y_true, y_pred):
    """Per-sample MSE, ``mean((y_pred − y_true)², axis=−1)`` (Keras function form)."""
    y_pred = np.asarray(y_pred, dtype=float)
    return MeanSquaredError().per_sample(np.asarray(y_true, dtype=float).reshape(y_pred.shape), y_pred)


def mean_absolute_error(y_true, y_pred):
    """Per-sample MAE, ``mean(|y_pred − y_true|, axis=−1)``."""
    y_pred = np.asarray(y_pred, dtype=float)
    return MeanAbsoluteError().per_sample(np.asarray(y_true, dtype=float).reshape(y_pred.shape), y_pred)


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0):
    """Per-sample binary cross-entropy (Keras clip ε = 1e-7)."""
    y_pred = np.asarray(y_pred, dtype=float)
    return BinaryCrossentropy(from_logits, label_smoothing).per_sample(np.asarray(y_true, dtype=float).reshape(y_pred.shape), y_pred)


def categorical_crossentropy(y_true, y_pred, from_logits=False):
    """Per-sample categorical cross-entropy (Keras clip ε = 1e-7)."""
    return CategoricalCrossentropy(from_logits).per_sample(np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float))


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False):
    """Per-sample sparse categorical cross-entropy for integer labels."""
    return SparseCategoricalCrossentropy(from_logits).per_sample(np.asarray(y_true), np.asarray(y_pred, dtype=float))


mse = mean_squared_error
mae = mean_absolute_error


def get(identifier) -> Loss:
    """Resolve a name, alias, class or instance to a :class:`Loss` instance."""
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, Loss):
        return identifier()
    if isinstance(identifier, str):
        key = identifier.lower()
        key = _ALIASES.get(key, key)
        if key in LOSSES:
            return LOSSES[key]()
        raise unknown_name("loss", identifier, LOSSES)
    raise EngineTypeError(f"loss must be a name or a Loss, received {identifier!r} of type {type(identifier).__name__}")

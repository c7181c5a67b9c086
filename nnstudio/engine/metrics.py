"""Training metrics (Keras names).  A metric here is stateless: it returns the
*sum* of its per-sample values over a batch, and the model keeps running sums
so the epoch value is the sample-weighted mean, as Keras' stateful metrics are.

``'acc'`` / ``'accuracy'`` resolve like Keras 3 (``compile_utils.get_metric``)
from the shapes of targets and outputs alone, whatever the loss: one output
unit -> binary accuracy (threshold 0.5); integer labels with several outputs
-> sparse categorical accuracy; otherwise (several outputs, one column per
output, e.g. several sigmoid outputs) categorical accuracy.
Binary accuracy thresholds the predictions only, as Keras' ``binary_accuracy``:
``y_true == (ŷ > 0.5)``, so soft targets such as 0.1 / 0.9 never count as hits.
The History key is the name the user wrote ('acc' or 'accuracy').
"""

from __future__ import annotations

import numpy as np

from . import losses as _losses
from .errors import ConfigError, EngineTypeError, unknown_name


class Metric:
    """``batch_sum(y_true, y_pred) -> float``: sum over the batch of the per-sample value."""

    name = ""
    summary = ""
    formula = ""
    #: 'max' when larger is better (accuracies), else 'min'.
    direction = "min"

    def __call__(self, y_true, y_pred):
        y_pred = np.asarray(y_pred)
        return self.batch_sum(np.asarray(y_true), y_pred) / max(1, len(y_pred))

    def __repr__(self):
        return f"<metric {self.name}>"


class BinaryAccuracy(Metric):
    """Fraction of outputs whose thresholded prediction equals the target: mean(y = [ŷ > 0.5]).

    As Keras, only the prediction is thresholded: a soft target (0.9) is never a hit.
    """

    name = "binary_accuracy"
    summary = "Share of yes/no predictions that are right (threshold 0.5)."
    formula = "mean(y = [ŷ > 0.5])"
    direction = "max"
    threshold = 0.5

    def batch_sum(self, y_true, y_pred):
        y_true = y_true.reshape(y_pred.shape)
        hit = y_true == (y_pred > self.threshold)
        if y_pred.shape[1] == 1:
            return float(np.count_nonzero(hit))
        return float(np.add.reduce(np.mean(hit, axis=-1)))


class CategoricalAccuracy(Metric):
    """Fraction of rows whose largest output is the one-hot target's class."""

    name = "categorical_accuracy"
    summary = "Share of samples whose most likely class is the right one (one-hot targets)."
    formula = "mean(argmax ŷ = argmax y)"
    direction = "max"

    def batch_sum(self, y_true, y_pred):
        return float(np.count_nonzero(np.argmax(y_pred, axis=-1) == np.argmax(y_true, axis=-1)))


class SparseCategoricalAccuracy(Metric):
    """Fraction of rows whose largest output is the integer label."""

    name = "sparse_categorical_accuracy"
    summary = "Share of samples whose most likely class is the right one (integer labels)."
    formula = "mean(argmax ŷ = y)"
    direction = "max"

    def batch_sum(self, y_true, y_pred):
        return float(np.count_nonzero(np.argmax(y_pred, axis=-1) == y_true.reshape(-1)))


class LossMetric(Metric):
    """A loss used as a metric (e.g. 'mse', 'mae', 'binary_crossentropy')."""

    def __init__(self, loss, name):
        self.loss = loss
        self.name = name
        self.summary = loss.summary
        self.formula = loss.formula

    def batch_sum(self, y_true, y_pred):
        return float(np.add.reduce(self.loss.per_sample(y_true, y_pred)))


#: canonical name -> (class or None for 'accuracy', summary)
METRICS = {
    "accuracy": (None, "Share of right answers; picks binary / categorical / sparse from the loss and shapes."),
    "binary_accuracy": (BinaryAccuracy, BinaryAccuracy.summary),
    "categorical_accuracy": (CategoricalAccuracy, CategoricalAccuracy.summary),
    "sparse_categorical_accuracy": (SparseCategoricalAccuracy, SparseCategoricalAccuracy.summary),
    "mse": (None, "Mean squared error, reported as a metric."),
    "mae": (None, "Mean absolute error, reported as a metric."),
}
_ACC = ("acc", "accuracy")


def resolve(identifier, loss, n_outputs):
    """Return ``(history_key, Metric)`` for a metric identifier given the compiled loss.

    ``loss`` is a :class:`~nnstudio.engine.losses.Loss`; its ``target_kind``
    tells the shape of the targets like Keras' shape inspection.
    """
    if isinstance(identifier, Metric):
        return identifier.name, identifier
    if isinstance(identifier, str):
        key = identifier.lower()
        if key in _ACC:
            # Keras 3: binary if the output has one unit; sparse if the targets are labels
            # (one per row) for several outputs; otherwise categorical. The loss plays no part.
            if n_outputs == 1:
                m = BinaryAccuracy()
            elif loss.target_kind == "sparse":
                m = SparseCategoricalAccuracy()
            else:
                m = CategoricalAccuracy()
            return identifier, m
        cls = {"binary_accuracy": BinaryAccuracy, "categorical_accuracy": CategoricalAccuracy,
               "sparse_categorical_accuracy": SparseCategoricalAccuracy}.get(key)
        if cls is not None:
            return identifier, cls()
        try:
            lo = _losses.get(key)
        except ValueError:
            raise unknown_name("metric", identifier, list(METRICS) + ["acc"] + list(_losses.LOSSES)) from None
        if loss.target_kind == "sparse" and lo.target_kind != "sparse" and n_outputs > 1:
            raise ConfigError(
                f"metric {identifier!r} compares the targets with the {n_outputs} outputs element by element, "
                f"but the targets are class labels (one integer per row, for {loss.name}); "
                "use 'accuracy' (or one-hot targets with categorical_crossentropy)")
        return identifier, LossMetric(lo, identifier)
    if callable(identifier):
        name = getattr(identifier, "__name__", "metric")

        class _Fn(Metric):
            def batch_sum(self, y_true, y_pred):
                return float(np.add.reduce(np.asarray(identifier(y_true, y_pred), dtype=np.float64).reshape(-1)))

        m = _Fn()
        m.name = name
        return name, m
    raise EngineTypeError(f"metric must be a name or a callable, received {identifier!r}")

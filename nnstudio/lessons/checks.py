"""Lesson checks: does a training result show what the step claims?

Every check takes a :class:`TrainingResult` (or a bare Keras-style history
dict) plus the check's ``params`` from ``lesson.json`` and returns
``(passed, message)``. The message always carries the actual numbers, e.g.
"validation loss was lowest at epoch 40 (0.3120) and rose to 0.4410 by epoch
200 while training loss kept falling (0.2100 -> 0.0500)".

No Qt here. :func:`iterations_per_epoch` is the one formula lesson 5 teaches.
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

__all__ = [
    "TrainingResult", "iterations_per_epoch", "evaluate", "CHECKS", "accuracy_key",
    "dense_kernels", "MESSAGES", "CheckMessage",
]

ACCURACY_KEYS = (
    "accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
)


def iterations_per_epoch(n: int, batch: int) -> int:
    """Mini-batches (iterations) needed for one epoch: ``ceil(n / batch)``.

    The last batch is smaller when ``batch`` does not divide ``n``; a batch
    larger than the data set is one full batch.
    """
    if n < 0 or batch < 1:
        raise ValueError(f"need n >= 0 and batch >= 1 (got n={n}, batch={batch})")
    return math.ceil(n / batch)


@dataclass
class TrainingResult:
    """What a check can look at after a training run.

    ``history``: Keras keys -> one value per epoch ('loss', 'val_loss',
    'accuracy', ...; a perceptron run stores 'errors' = misclassified samples
    per epoch). ``final``: metrics of the weights the model ended with (after
    any restore of the best weights). ``model`` or ``weights`` (flat
    ``get_weights()`` list, kernel ``(in, out)`` then bias) for weight checks.
    """

    history: dict
    model: object | None = None
    weights: list | None = None
    final: dict = field(default_factory=dict)
    epochs_requested: int | None = None

    @classmethod
    def coerce(cls, value) -> "TrainingResult":
        if isinstance(value, TrainingResult):
            return value
        if isinstance(value, dict):
            return cls(history=dict(value))
        hist = getattr(value, "history", None)  # a History object
        if isinstance(hist, dict):
            return cls(history=dict(hist), model=getattr(value, "model", None))
        raise TypeError(f"cannot check a {type(value).__name__}; pass a TrainingResult or a history dict")


_RISE = ("validation loss was lowest at epoch {best} ({vmin:.4f}) and was {vlast:.4f} at epoch {n} "
         "({rise:+.0%}); training loss went {t_best:.4f} -> {t_last:.4f}")

#: every message a check gives, as an English template filled with the check's numbers; the studio
#: translates the template (context "Checks", collected by scripts/make_i18n_catalog.py), then fills it
MESSAGES = {
    "missing": "the training history has no '{key}' values (it has: {have}); train the model first",
    "nothing": "nothing",
    "no_rise": "validation loss did not rise: it kept improving until epoch {best} of {n} ({vmin:.4f})",
    "small_rise": "validation loss barely rose after epoch {best}: " + _RISE,
    "train_rose": "training loss did not keep falling after epoch {best}: " + _RISE,
    "overfits": "validation loss rose after epoch {best} while training loss kept falling: " + _RISE,
    "loss_below": "final {key} is {last:.4f} (below {value:g})",
    "loss_not_below": "final {key} is {last:.4f} (not below {value:g})",
    "loss_went": "{key} went from {first:.4f} (epoch 1) to {last:.4f} (epoch {n})",
    "acc_at_least": "final {key} is {last:.1%} (at least {value:.0%})",
    "acc_below": "final {key} is {last:.1%} (below {value:.0%})",
    "ran_all": "training ran all {req} epochs: early stopping did not trigger (best {monitor} at epoch {best})",
    "final_unknown": "stopped after {n} epochs; the final {monitor} is unknown so a restore cannot be confirmed",
    "restored": ("stopped after epoch {n}; best {monitor} {best_value:.4f} at epoch {best}; "
                 "final weights give {final:.4f} (restored)"),
    "not_restored": ("stopped after epoch {n}; best {monitor} {best_value:.4f} at epoch {best}; "
                     "final weights give {final:.4f} (not the best epoch)"),
    "no_layer": "no hidden Dense layer {layer} found (the model has {units} Dense layers)",
    "identical": "the {units} units of hidden layer {layer} are identical (largest weight difference {spread:.3g})",
    "different": "the {units} units of hidden layer {layer} are different (largest weight difference {spread:.3g})",
    "converged": "the perceptron classified every sample correctly in epoch {epoch}",
    "still_errors": "after {n} epochs the perceptron still made {errors} mistake(s) per epoch",
    "converged_early": "the perceptron converged: no mistakes in epoch {n}",
    "too_few": "only {n} epochs ran; train at least {min_epochs} to be sure",
    "never_settles": ("after {n} epochs the perceptron still made {errors} mistake(s) in the last epoch "
                      "(never fewer than {fewest}): the line never settles"),
}


class CheckMessage(str):
    """A check's message: the English text, plus the template (``MESSAGES[key]``) and values the
    studio fills in the learner's language."""

    key: str
    params: dict

    def __new__(cls, which: str, /, **params) -> "CheckMessage":
        obj = super().__new__(cls, MESSAGES[which].format(**params))
        obj.key, obj.params = which, params
        return obj

    @property
    def template(self) -> str:
        return MESSAGES[self.key]


def _say(which: str, /, **params) -> CheckMessage:
    return CheckMessage(which, **params)


def _series(result: TrainingResult, key: str) -> np.ndarray | None:
    vals = result.history.get(key)
    if vals is None or len(vals) == 0:
        return None
    return np.asarray(vals, dtype=float)


def _missing(key: str, result: TrainingResult):
    have = ", ".join(sorted(result.history)) or MESSAGES["nothing"]
    return False, _say("missing", key=key, have=have)


def accuracy_key(result: TrainingResult, key: str | None = None, val: bool = False) -> str | None:
    """The accuracy key present in the history ('accuracy', 'acc', ...)."""
    if key:
        return key
    for k in ACCURACY_KEYS:
        full = f"val_{k}" if val else k
        if full in result.history:
            return full
    return None


def dense_kernels(result: TrainingResult) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """(kernel, bias) pairs of the Dense layers, from the model or a flat weight list."""
    flat: list = []
    if result.model is not None:
        for layer in getattr(result.model, "layers", []):
            ws = [np.asarray(w) for w in layer.get_weights()] if hasattr(layer, "get_weights") else []
            if ws and ws[0].ndim == 2:
                flat.append((ws[0], ws[1] if len(ws) > 1 else None))
        if flat:
            return flat
    ws = [np.asarray(w) for w in (result.weights or [])]
    i = 0
    while i < len(ws):
        if ws[i].ndim == 2:
            bias = ws[i + 1] if i + 1 < len(ws) and ws[i + 1].ndim == 1 else None
            flat.append((ws[i], bias))
            i += 2 if bias is not None else 1
        else:
            i += 1
    return flat


# --------------------------------------------------------------------- checks
def val_loss_rises(result: TrainingResult, min_rise: float = 0.05, min_epochs_after: int = 5,
                   key: str = "val_loss", train_key: str = "loss"):
    """Overfitting: val loss bottoms out well before the end and rises by > ``min_rise`` (relative)
    while the training loss is lower at the end than at that bottom."""
    val, tr = _series(result, key), _series(result, train_key)
    if val is None:
        return _missing(key, result)
    if tr is None:
        return _missing(train_key, result)
    n = len(val)
    best = int(np.argmin(val))
    vmin, vlast = float(val[best]), float(val[-1])
    rise = (vlast - vmin) / max(abs(vmin), 1e-12)
    t_best, t_last = float(tr[best]), float(tr[-1])
    numbers = dict(best=best + 1, vmin=vmin, vlast=vlast, n=n, rise=rise, t_best=t_best, t_last=t_last)
    if n - 1 - best < min_epochs_after:
        return False, _say("no_rise", best=best + 1, n=n, vmin=vmin)
    if rise < min_rise:
        return False, _say("small_rise", **numbers)
    if t_last >= t_best:
        return False, _say("train_rose", **numbers)
    return True, _say("overfits", **numbers)


def loss_below(result: TrainingResult, value: float = 0.1, key: str = "loss"):
    """The final ``key`` (from ``final`` when given, else the last epoch) is below ``value``."""
    if key in result.final:
        last = float(result.final[key])
    else:
        s = _series(result, key)
        if s is None:
            return _missing(key, result)
        last = float(s[-1])
    ok = last < value
    return ok, _say("loss_below" if ok else "loss_not_below", key=key, last=last, value=value)


def loss_decreased(result: TrainingResult, key: str = "loss", factor: float = 1.0):
    """The last epoch's ``key`` is below ``factor`` x the first epoch's."""
    s = _series(result, key)
    if s is None:
        return _missing(key, result)
    first, last = float(s[0]), float(s[-1])
    ok = bool(np.isfinite(last)) and last < factor * first
    return ok, _say("loss_went", key=key, first=first, last=last, n=len(s))


def accuracy_at_least(result: TrainingResult, value: float = 0.9, key: str | None = None):
    """The last epoch's accuracy (any Keras accuracy key) is at least ``value``."""
    k = accuracy_key(result, key)
    if k is None or _series(result, k) is None:
        return _missing(k or "accuracy", result)
    last = float(result.final.get(k, _series(result, k)[-1]))
    ok = last >= value - 1e-12
    return ok, _say("acc_at_least" if ok else "acc_below", key=k, last=last, value=value)


def accuracy_below(result: TrainingResult, value: float = 0.8, key: str | None = None):
    """The last epoch's accuracy stays below ``value`` (a model that cannot do the task)."""
    ok, msg = accuracy_at_least(result, value, key)
    if msg.key == "missing":
        return False, msg
    return (not ok), msg


def early_stopped_restored(result: TrainingResult, monitor: str = "val_loss", rtol: float = 1e-6):
    """Training stopped before the requested epochs and the final weights score the best ``monitor``."""
    s = _series(result, monitor)
    if s is None:
        return _missing(monitor, result)
    n, best = len(s), int(np.argmin(s))
    req = result.epochs_requested
    if req is not None and n >= req:
        return False, _say("ran_all", req=req, monitor=monitor, best=best + 1)
    if monitor not in result.final:
        return False, _say("final_unknown", n=n, monitor=monitor)
    final = float(result.final[monitor])
    ok = math.isclose(final, float(s[best]), rel_tol=rtol, abs_tol=1e-9)
    return ok, _say("restored" if ok else "not_restored", n=n, monitor=monitor, best_value=float(s[best]),
                    best=best + 1, final=final)


def _unit_spread(result: TrainingResult, layer: int):
    kernels = dense_kernels(result)
    if layer >= len(kernels) - 1:
        return None, len(kernels)
    w, b = kernels[layer]
    nxt = kernels[layer + 1][0]
    spread = float(np.max(np.abs(w - w[:, :1])))
    if b is not None:
        spread = max(spread, float(np.max(np.abs(b - b[0]))))
    spread = max(spread, float(np.max(np.abs(nxt - nxt[:1, :]))))
    return spread, w.shape[1]


def hidden_units_identical(result: TrainingResult, layer: int = 0, atol: float = 1e-9):
    """Every unit of hidden Dense layer ``layer`` has the same in- and outgoing weights (zero init symmetry)."""
    spread, units = _unit_spread(result, layer)
    if spread is None:
        return False, _say("no_layer", layer=layer + 1, units=units)
    ok = spread <= atol
    return ok, _say("identical" if ok else "different", units=units, layer=layer + 1, spread=spread)


def hidden_units_differ(result: TrainingResult, layer: int = 0, atol: float = 1e-9):
    """The opposite of :func:`hidden_units_identical`: random init broke the symmetry."""
    ok, msg = hidden_units_identical(result, layer, atol)
    if msg.key == "no_layer":
        return False, msg
    return (not ok), msg


def _errors(result: TrainingResult):
    s = _series(result, "errors")
    return s


def perceptron_converged(result: TrainingResult):
    """The perceptron's last epoch made no mistakes (history 'errors' ends in 0)."""
    s = _errors(result)
    if s is None:
        return _missing("errors", result)
    zero = np.flatnonzero(s == 0)
    if len(zero) and s[-1] == 0:
        return True, _say("converged", epoch=int(zero[0]) + 1)
    return False, _say("still_errors", n=len(s), errors=int(s[-1]))


def perceptron_not_converged(result: TrainingResult, min_epochs: int = 10):
    """After at least ``min_epochs`` epochs the perceptron still makes mistakes: the line never settles."""
    s = _errors(result)
    if s is None:
        return _missing("errors", result)
    if s[-1] == 0:
        return False, _say("converged_early", n=len(s))
    if len(s) < min_epochs:
        return False, _say("too_few", n=len(s), min_epochs=min_epochs)
    return True, _say("never_settles", n=len(s), errors=int(s[-1]), fewest=int(s.min()))


CHECKS: dict[str, Callable] = {
    "val_loss_rises": val_loss_rises,
    "loss_below": loss_below,
    "loss_decreased": loss_decreased,
    "accuracy_at_least": accuracy_at_least,
    "accuracy_below": accuracy_below,
    "early_stopped_restored": early_stopped_restored,
    "hidden_units_identical": hidden_units_identical,
    "hidden_units_differ": hidden_units_differ,
    "perceptron_converged": perceptron_converged,
    "perceptron_not_converged": perceptron_not_converged,
}


def evaluate(check, result) -> tuple[bool, str]:
    """Run a check (a registry ``Check``, or a dict with 'kind' and 'params') on a result."""
    kind = check["kind"] if isinstance(check, dict) else check.kind
    params = (check.get("params", {}) if isinstance(check, dict) else check.params) or {}
    fn = CHECKS.get(kind)
    if fn is None:
        raise ValueError(f"unknown check kind {kind!r}; valid: {', '.join(CHECKS)}")
    try:
        inspect.signature(fn).bind(None, **params)
    except TypeError as exc:
        raise ValueError(f"check {kind!r}: bad params {params} ({exc})") from None
    passed, message = fn(TrainingResult.coerce(result), **params)
    return bool(passed), message

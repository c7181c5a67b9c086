"""Kept runs (``state['runs']``) and history helpers (pure functions, no Qt).

The history CSV writer is :func:`nnstudio.export.history_csv` (one for the
GUI's "Export CSV…" and ``nnstudio export --format history``).

A run is ``{"name": str, "history": {key: [float, ...]}}``. The functions
return new lists and never change their arguments, so the controller can
put the result in one ``set_state`` edit.
"""

from __future__ import annotations

import copy

import numpy as np

LOSS_KEYS = ("loss", "val_loss")


def add_run(runs: list[dict], name: str, history: dict, default: str = "Run") -> list[dict]:
    """``runs`` plus a copy of ``history`` under ``name`` (made unique; ``default`` if blank)."""
    taken = {r.get("name") for r in runs}
    base, i = str(name).strip() or default, 2
    unique = base
    while unique in taken:
        unique = f"{base} ({i})"
        i += 1
    return copy.deepcopy(runs) + [{"name": unique, "history": {k: [float(v) for v in vals]
                                                               for k, vals in history.items()}}]


def remove_run(runs: list[dict], index: int) -> list[dict]:
    """``runs`` without entry ``index`` (IndexError if there is none)."""
    if not 0 <= index < len(runs):
        raise IndexError(f"no kept run number {index}")
    out = copy.deepcopy(runs)
    del out[index]
    return out


def rename_run(runs: list[dict], index: int, name: str) -> list[dict]:
    """``runs`` with entry ``index`` renamed."""
    if not 0 <= index < len(runs):
        raise IndexError(f"no kept run number {index}")
    out = copy.deepcopy(runs)
    out[index]["name"] = str(name).strip() or out[index]["name"]
    return out


def metric_key(history_or_logs: dict) -> str | None:
    """The metric shown next to the loss: the first training key that is not a loss."""
    for key in history_or_logs:
        if not key.startswith("val_") and key not in LOSS_KEYS and key != "lr":
            return key
    return None


def metric_label(key: str | None) -> str:
    """A readable axis label for a History key."""
    names = {"accuracy": "accuracy", "acc": "accuracy", "mae": "mean absolute error",
             "mse": "mean squared error", "binary_accuracy": "accuracy",
             "categorical_accuracy": "accuracy", "sparse_categorical_accuracy": "accuracy"}
    return names.get(key or "", key or "metric")


def metric_rises(key: str | None) -> bool:
    """True for a metric that grows as the model improves (an accuracy), False for an error."""
    return metric_label(key) == "accuracy" or "accuracy" in (key or "")


def first_epochs_spike(*series, ratio: float = 3.0) -> tuple[float, int, float] | None:
    """``(top, n_above, peak)`` when the first epochs' loss towers over the rest of the run.

    A loss often starts far above where the run then spends its time (lesson 8's
    4.6 against 0.04-0.3): drawn to scale, the part worth reading is a flat line at
    the bottom. When the first tenth of the epochs (at least one) holds a value above
    ``ratio`` times the largest value after it, the plot may cut its y axis at ``top``
    (15 % above that largest value); ``n_above`` points of the curves are then above
    the top and ``peak`` is the highest of them. ``None``: draw everything.
    """
    arrays = [np.asarray(s, dtype=np.float64) for s in series if s is not None and len(s)]
    if not arrays or max(len(a) for a in arrays) < 6:
        return None
    head, rest = [], []
    for a in arrays:
        k = max(1, len(a) // 10)
        head.append(a[:k][np.isfinite(a[:k])])
        rest.append(a[k:][np.isfinite(a[k:])])
    head_v, rest_v = np.concatenate(head), np.concatenate(rest)
    if not head_v.size or not rest_v.size:
        return None
    ref = float(rest_v.max())
    peak = float(head_v.max())
    if ref <= 0 or peak <= ratio * ref:
        return None
    top = ref * 1.15
    n_above = int(sum(int(np.count_nonzero(a[np.isfinite(a)] > top)) for a in arrays))
    return top, n_above, peak


def fmt_time(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss): the one time format of the status bar and the CLI progress."""
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"

"""Kept runs (``state['runs']``) and history helpers (pure functions, no Qt).

The history CSV writer is :func:`nnstudio.export.history_csv` (one for the
GUI's "Export CSV…" and ``nnstudio export --format history``).

A run is ``{"name": str, "history": {key: [float, ...]}}``. The functions
return new lists and never change their arguments, so the controller can
put the result in one ``set_state`` edit.
"""

from __future__ import annotations

import copy

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


def fmt_time(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss): the one time format of the status bar and the CLI progress."""
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"

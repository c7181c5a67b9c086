"""What a project has learned so far: :class:`TrainedState` (no Qt).

It is the typed view of ``Project.trained`` (the dict stored in the file):
the epoch history, how many epochs and iterations were trained, the kept
runs, the best epoch and why the last run stopped. A run starts from one,
adds epochs to it and hands back the one to store.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class TrainedState:
    """History + counters of a project's training (the weights travel beside it)."""

    history: dict[str, list[float]] = field(default_factory=dict)
    epochs_trained: int = 0
    iterations: int = 0
    runs: list[dict] = field(default_factory=list)
    best_epoch: int | None = None
    stop_reason: str | None = None

    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> TrainedState:
        """Read a project's ``state`` dict (None: nothing trained)."""
        st = state or {}
        history = {k: [float(v) for v in vals] for k, vals in (st.get("history") or {}).items()}
        return cls(
            history=history,
            epochs_trained=int(st.get("epochs_trained", len(history.get("loss", []))) or 0),
            iterations=int(st.get("iterations", 0) or 0),
            runs=copy.deepcopy(list(st.get("runs") or [])),
            best_epoch=st.get("best_epoch"),
            stop_reason=st.get("stop_reason"),
        )

    def copy(self) -> TrainedState:
        return copy.deepcopy(self)

    def add_epoch(self, epoch: int, logs: dict[str, Any]) -> None:
        """Append one finished epoch (0-based absolute ``epoch``) and its History values."""
        for key, value in logs.items():
            self.history.setdefault(key, []).append(float(value))
        self.epochs_trained = int(epoch) + 1

    def to_state(self, weights: list | None) -> dict[str, Any]:
        """The ``Project.trained`` dict to store (copies; ``stop_reason``/``best_epoch`` only when set)."""
        d: dict[str, Any] = {
            "weights": [np.array(w) for w in (weights or [])],
            "history": {k: list(v) for k, v in self.history.items()},
            "epochs_trained": int(self.epochs_trained),
            "iterations": int(self.iterations),
            "runs": copy.deepcopy(self.runs),
        }
        if self.stop_reason:
            d["stop_reason"] = self.stop_reason
        if self.best_epoch is not None:
            d["best_epoch"] = int(self.best_epoch)
        return d

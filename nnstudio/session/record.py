"""What a project has learned so far: :class:`TrainedState` (no Qt).

It is the typed view of ``Project.trained`` (the dict stored in the file):
the epoch history, how many epochs and iterations were trained, the kept
runs, the best epoch, why the last run stopped and the run's timeline of
per-epoch snapshots (:class:`~nnstudio.session.snapshots.SnapshotStore`, or
None). A run starts from one, adds epochs to it and hands back the one to store.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.session.snapshots import SnapshotStore


@dataclass
class TrainedState:
    """History + counters of a project's training (the weights travel beside it)."""

    history: dict[str, list[float]] = field(default_factory=dict)
    epochs_trained: int = 0
    iterations: int = 0
    runs: list[dict] = field(default_factory=list)
    best_epoch: int | None = None
    stop_reason: str | None = None
    timeline: SnapshotStore | None = None

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
            timeline=_timeline(st.get("timeline")),
        )

    def copy(self) -> TrainedState:
        """A deep copy; the timeline is copied as a store (its snapshots never change, so they are shared)."""
        timeline, self.timeline = self.timeline, None
        try:
            out = copy.deepcopy(self)
        finally:
            self.timeline = timeline
        out.timeline = timeline.copy() if timeline is not None else None
        return out

    def truncated(self, epoch: int, history_len: int | None = None, iterations: int | None = None) -> TrainedState:
        """A copy cut back to ``epoch`` finished epochs (history, counters and timeline; runs kept)."""
        out = self.copy()
        n = int(epoch if history_len is None else history_len)
        out.history = {k: list(v[:n]) for k, v in out.history.items()}
        out.epochs_trained = int(epoch)
        if iterations is not None:
            out.iterations = int(iterations)
        out.best_epoch = None
        out.stop_reason = None
        if out.timeline is not None:
            out.timeline.truncate_after(epoch)
        return out

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
        if self.timeline is not None and len(self.timeline):
            d["timeline"] = self.timeline.copy()   # the store as it is now (later epochs do not change it)
        return d


def _timeline(value) -> SnapshotStore | None:
    """A state's ``timeline``: a store (copied), a file's dict form (read), or None."""
    if value is None:
        return None
    if isinstance(value, SnapshotStore):
        return value.copy()
    return SnapshotStore.from_dict(value)

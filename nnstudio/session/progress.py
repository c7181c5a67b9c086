"""Where a training run is: the one :class:`Progress` of the CLI and the studio (no Qt).

The studio's worker sends a :class:`Progress` to the GUI at most a few times
a second (batch-level, with the epochs finished since the last one and the
per-iteration losses); ``nnstudio train`` makes one per finished epoch with
:class:`ProgressReporter` (an engine callback) and prints :meth:`Progress.line`.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

import numpy as np

from nnstudio.engine import Callback
from nnstudio.session.runs import fmt_time

BAR_WIDTH = 20


def _fmt(v: Any) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return f"{f:.4f}" if math.isfinite(f) else str(f)


@dataclass
class Progress:
    """Batch-level progress plus the epochs finished since the last message."""

    epoch: int                       # 0-based epoch running
    batch: int                       # batches done in this epoch
    batches: int                     # batches per epoch
    iteration: int                   # model.iterations
    loss: float                      # running mean loss this epoch
    samples: int                     # samples trained in this run
    elapsed: float                   # seconds since this run started (pauses excluded)
    epochs: list                     # [(epoch, logs-dict), ...]
    iter_x: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per-iteration loss positions (epochs)
    iter_loss: np.ndarray = field(default_factory=lambda: np.zeros(0))
    batch_indices: np.ndarray | None = None  # paced runs: dataset rows of the batch just trained
    first_epoch: int = 0             # the run's first epoch (0-based; a continued run starts later)
    last_epoch: int = 0              # the epoch count the run trains to (absolute)

    def line(self) -> str:
        """One progress line for the last finished epoch: bar, epoch, loss, val_loss (and metrics), ETA."""
        epoch, logs = self.epochs[-1] if self.epochs else (self.epoch, {"loss": self.loss})
        return progress_line(epoch + 1, self.last_epoch, epoch + 1 - self.first_epoch,
                             self.last_epoch - self.first_epoch, dict(logs or {}), self.elapsed)


def progress_line(epoch: int, total: int, done: int, todo: int, logs: dict, elapsed: float) -> str:
    """One progress line: bar, epoch ``epoch``/``total``, every log value, ETA."""
    frac = done / max(1, todo)
    filled = round(BAR_WIDTH * frac)
    eta = elapsed / done * (todo - done) if done else 0.0
    parts = [f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] epoch {epoch}/{total}"]
    for key, value in logs.items():
        parts.append(f"{key} {_fmt(value)}")
    parts.append(f"ETA {fmt_time(eta)}")
    return "  ".join(parts)


class ProgressReporter(Callback):
    """Writes one :meth:`Progress.line` per epoch to ``stream`` (an in-place bar on a terminal)."""

    def __init__(self, stream: TextIO, first: int, last: int, quiet: bool = False) -> None:
        super().__init__()
        self.stream, self.first, self.last, self.quiet = stream, first, last, quiet
        self.start = time.perf_counter()
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.dirty = False
        self.samples = self.batch = 0
        self.last_progress: Progress | None = None

    def on_epoch_begin(self, epoch, logs=None):
        self.batch = 0

    def on_train_batch_end(self, batch, logs=None):
        self.batch = batch + 1
        self.samples += int((logs or {}).get("size", 0) or 0)

    def on_epoch_end(self, epoch, logs=None):
        logs = dict(logs or {})
        model = getattr(self, "model", None)
        self.last_progress = p = Progress(
            epoch=epoch, batch=self.batch, batches=self.batch, iteration=int(getattr(model, "iterations", 0) or 0),
            loss=float(logs.get("loss", float("nan"))), samples=self.samples,
            elapsed=time.perf_counter() - self.start, epochs=[(epoch, logs)], first_epoch=self.first,
            last_epoch=self.last)
        if self.quiet:
            return
        if self.tty:
            self.stream.write("\r\x1b[K" + p.line())
            self.dirty = True
        else:
            self.stream.write(p.line() + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.dirty:
            self.stream.write("\n")
            self.stream.flush()

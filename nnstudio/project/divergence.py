"""Divergence beyond NaN: stop a run whose loss explodes (no Qt).

The engine stops by itself on a NaN or infinite loss. A learning rate far
too large often does not reach NaN: a bounded loss (cross-entropy is clipped)
jumps to many times its untrained value and stays there, and a run "trains to
the end" worse than it started. :class:`DivergenceWatch` is an engine
callback that stops such a run, the same way a NaN does
(``model.stop_reason == "diverged"``, ``model.diverged_at == (epoch, batch)``),
and records why in ``model.divergence``.

The rule: the median loss of the last :data:`WINDOW` batches (at least
:data:`MIN_BATCHES` after the first) is above
``max(FACTOR × start, start + MARGIN)``, where ``start`` is the first batch's
loss of the run (before any update: the loss the network starts from).
A median over several batches, not one batch, so a single noisy batch (or
a few) never stops training; the additive margin keeps a well trained network (tiny
``start``) from being stopped by ordinary noise when training continues.
"""

from __future__ import annotations

import math
import statistics
from collections import deque

from nnstudio.engine import Callback

#: batches averaged before comparing with the start
WINDOW = 10
#: batches after the first before the rule applies
MIN_BATCHES = 3
#: how many times its starting value the loss may reach
FACTOR = 5.0
#: ... and at least this much above it
MARGIN = 1.0


def threshold(start: float) -> float:
    """The median batch loss above which a run that started at ``start`` has diverged."""
    return max(FACTOR * start, start + MARGIN)


class DivergenceWatch(Callback):
    """Stops training when the loss explodes (see the module docstring)."""

    def __init__(self, window: int = WINDOW) -> None:
        super().__init__()
        self.window = int(window)
        self.start: float | None = None
        self.recent: deque = deque(maxlen=self.window)
        self.epoch = 0
        self._limit = math.inf
        self._above = 0  # values in ``recent`` above the limit

    def on_train_begin(self, logs=None):
        self.start = None
        self._limit = math.inf
        self._above = 0
        self.recent.clear()
        if self.model is not None:
            self.model.divergence = None

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("batch_loss")
        if loss is None or not math.isfinite(loss):
            return  # NaN / inf: the engine stops by itself
        if self.start is None:
            self.start = float(loss)
            self._limit = threshold(self.start)
            return
        recent, limit, value = self.recent, self._limit, float(loss)
        if recent.maxlen and len(recent) == recent.maxlen and recent[0] > limit:
            self._above -= 1  # the value the append below drops
        recent.append(value)
        if value > limit:
            self._above += 1
        # the median can exceed the limit only if at least half the values do: sort only then
        if len(recent) < min(MIN_BATCHES, self.window) or 2 * self._above < len(recent):
            return
        median = statistics.median(recent)
        if median > limit:
            m = self.model
            m.stop_training = True
            m.stop_reason = "diverged"
            m.diverged_at = (self.epoch, batch)
            m.divergence = {"kind": "exploded", "loss": median, "start": self.start, "limit": limit}

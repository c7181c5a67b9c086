"""How often the training worker may send the GUI its next live message (no Qt).

The GUI thread and the training thread share one GIL. The worker sends a
``progress`` or ``live`` message only with a *credit*; the controller gives the
credit back once the message was handled and drawn, after a pause sized so that
handling these messages takes at most :data:`GUI_DUTY` of the GUI thread's
*CPU time* (``time.thread_time``).

CPU time, not wall time: while the worker runs Python, every GIL hand-over
makes the GUI thread wait up to the switch interval (5 ms) without computing
anything. A wall-clock budget counted those waits as GUI work and slowed the
live views to about one refresh a second although the GUI thread was idle for
most of it; the worker only loses what the GUI thread really computes.
"""

from __future__ import annotations

import time

#: share of the GUI thread's CPU time the live updates may take (the rest is left to
#: the worker: both need the GIL). The next message is granted only after the last one
#: was handled *and painted* (:func:`nnstudio.ui.training.afterpaint.after_paint`), plus a
#: pause sized to keep to this share. Live 7 %: ~7 canvas-map refreshes/s on the spiral net
#: with its paint counted (10 % took ~17 % of the GUI's CPU with progress and cost ~0.05 in
#: training throughput; benchmarks/ui_training.py).
GUI_DUTY = {"progress": 0.04, "live": 0.07}
#: ... but never wait longer than this (ms) for the next one (a first paint can be slow)
MAX_GRANT_DELAY = {"progress": 500, "live": 1000}


def grant_delay_ms(kind: str, cpu_seconds: float, paced: bool = False) -> int:
    """Milliseconds to wait before granting the next ``kind`` message after one that cost
    ``cpu_seconds`` of GUI-thread CPU: ``cost * (1 / duty - 1)``, so that cost / (cost + delay)
    is the duty; at most :data:`MAX_GRANT_DELAY`; 0 when paced (slow motion shows every batch)."""
    if paced:
        return 0
    cost = max(0.0, float(cpu_seconds))
    return max(0, min(MAX_GRANT_DELAY[kind], int(round(1000.0 * cost * (1.0 / GUI_DUTY[kind] - 1.0)))))


class GuiClock:
    """Where a message's handling started: GUI-thread CPU time and wall time."""

    __slots__ = ("cpu", "wall")

    def __init__(self) -> None:
        self.cpu = time.thread_time()
        self.wall = time.perf_counter()

    def cpu_spent(self) -> float:
        return time.thread_time() - self.cpu

"""Run a callback once the GUI has painted what the current event changed, and the GIL
switch interval of a GUI process while a run lives.

*After the paint.* Qt posts a widget's repaint (``QEvent.UpdateRequest``) with low
priority, and a zero-delay ``QTimer`` runs before it. A budget that stops counting
in such a timer leaves the paint of every update out (measured: the GUI thread took
~20-25 % of its CPU time for a 14 % budget). :func:`after_paint` hops once through
the normal-priority queue (so that a graphics scene's queued dirty-item processing
has posted its repaint) and then posts a low-priority event of its own, which Qt
delivers after the repaints already queued.

*Switch interval.* The GUI thread and the training thread share one GIL. When the
GUI thread returns from a call that released the GIL (most numpy calls on a few
hundred values, Qt painting) it waits until the training thread gives the GIL up,
at the latest after ``sys.getswitchinterval()`` (5 ms by default). A live-view
update makes dozens of such calls, so one update of ~5 ms CPU took 30-60 ms of wall
time and the event loop answered that late. :class:`SwitchInterval` shortens the
interval to :data:`TRAINING_SWITCH_INTERVAL` while a run lives and restores it after.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

#: seconds: the GIL switch interval while a training thread runs beside the GUI thread
TRAINING_SWITCH_INTERVAL = 0.002

_EVENT = QEvent.Type(QEvent.registerEventType())
_LOW = int(Qt.LowEventPriority.value)


class _Call(QEvent):
    def __init__(self, fn) -> None:
        super().__init__(_EVENT)
        self.fn = fn


class _Receiver(QObject):
    def event(self, e) -> bool:  # noqa: D401 - Qt API
        if e.type() == _EVENT:
            e.fn()
            return True
        return super().event(e)


_receiver: _Receiver | None = None


def _post_low(fn) -> None:
    global _receiver
    if _receiver is None:
        _receiver = _Receiver()
        _receiver.setObjectName("afterPaintReceiver")
    QCoreApplication.postEvent(_receiver, _Call(fn), _LOW)


def after_paint(fn) -> None:
    """Call ``fn()`` (GUI thread) after the repaints that the current handler caused."""
    QTimer.singleShot(0, lambda: _post_low(fn))


class SwitchInterval:
    """Shorter GIL hand-overs while a run lives (see module docstring); a second enter keeps the first saved value."""

    def __init__(self) -> None:
        self._saved: float | None = None

    def enter(self) -> None:
        if self._saved is None:
            self._saved = sys.getswitchinterval()
            if self._saved > TRAINING_SWITCH_INTERVAL:
                sys.setswitchinterval(TRAINING_SWITCH_INTERVAL)

    def leave(self) -> None:
        if self._saved is not None:
            sys.setswitchinterval(self._saved)
            self._saved = None

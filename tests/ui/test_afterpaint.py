"""The live budget counts the repaint of an update (after_paint), and a run shortens the GIL
switch interval while it lives (nnstudio.ui.training.afterpaint)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from test_canvas_maps import spiral_project

from nnstudio.ui.training import afterpaint
from nnstudio.ui.training.afterpaint import TRAINING_SWITCH_INTERVAL, after_paint


class _Painted(QWidget):
    def __init__(self, log) -> None:
        super().__init__()
        self.setObjectName("paintedProbe")
        self.log = log

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.log.append("paint")


def test_after_paint_runs_once_the_update_was_painted(qtbot):
    log = []
    w = _Painted(log)
    qtbot.addWidget(w)
    w.resize(80, 60)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: "paint" in log, timeout=3000)
    log.clear()
    w.update()  # a repaint is queued (low priority) ...
    after_paint(lambda: log.append("after"))  # ... and the budget's callback comes after it
    qtbot.waitUntil(lambda: "after" in log, timeout=3000)
    assert log == ["paint", "after"]


def test_a_run_shortens_the_switch_interval_and_restores_it(window, qtbot):
    before = sys.getswitchinterval()
    assert before > TRAINING_SWITCH_INTERVAL  # Python's default, 5 ms
    w = window(spiral_project(epochs=400))
    c = w.training
    seen = []
    c.historyChanged.connect(lambda: seen.append(sys.getswitchinterval()))
    done = []
    c.finished.connect(done.append)
    assert c.train()
    assert sys.getswitchinterval() == afterpaint.TRAINING_SWITCH_INTERVAL
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    c.stop()
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    assert seen[0] == TRAINING_SWITCH_INTERVAL  # while the run lived
    assert sys.getswitchinterval() == before  # restored when it ended

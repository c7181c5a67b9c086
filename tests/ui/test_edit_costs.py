"""One edit does its work once: one dataset choice validates, relayouts the canvas, refreshes the
inspector and the summary once each; a learning-rate keystroke does not rebuild the inspector."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QListWidget
from test_training_common import close_window, make_main_window, xor_project

import nnstudio.ui.state as state_mod
from nnstudio.ui.canvas import CanvasPanel
from nnstudio.ui.canvas.scene import NetworkScene
from nnstudio.ui.inspector import Inspector

COUNTED = ((NetworkScene, "relayout"), (Inspector, "refresh"), (CanvasPanel, "update_summary"))


def _counting(monkeypatch):
    calls: Counter = Counter()
    for cls, name in COUNTED:
        original = getattr(cls, name)

        def wrapper(self, *a, _original=original, _name=f"{cls.__name__}.{name}", **k):
            calls[_name] += 1
            return _original(self, *a, **k)

        monkeypatch.setattr(cls, name, wrapper)
    original_validate = state_mod.validate

    def validate(*a, **k):
        calls["validate"] += 1
        return original_validate(*a, **k)

    monkeypatch.setattr(state_mod, "validate", validate)
    return calls


def test_one_dataset_choice_does_each_thing_once(qtbot, monkeypatch):
    calls = _counting(monkeypatch)
    w = make_main_window(qtbot, xor_project())
    try:
        w.show()
        qtbot.waitExposed(w)
        w.panel("data")
        data_list = w.findChild(QListWidget, "datasetList")
        row = next(r for r in range(data_list.count()) if data_list.item(r).data(Qt.UserRole) == "circle")
        data_list.scrollToItem(data_list.item(row))
        rect = data_list.visualItemRect(data_list.item(row))
        qtbot.wait(10)
        calls.clear()
        qtbot.mouseClick(data_list.viewport(), Qt.LeftButton, pos=rect.center())
        assert w.state.project.dataset["name"] == "circle"
        assert dict(calls) == {"validate": 1, "NetworkScene.relayout": 1, "Inspector.refresh": 1,
                               "CanvasPanel.update_summary": 1}, dict(calls)
    finally:
        w.state.undo_stack.setClean()
        close_window(w)


def test_a_learning_rate_keystroke_does_not_rebuild_the_inspector(qtbot, monkeypatch):
    calls = _counting(monkeypatch)
    w = make_main_window(qtbot, xor_project())
    try:
        w.show()
        qtbot.waitExposed(w)
        w.state.select_layer(None)
        spin = w.inspector.findChild(QDoubleSpinBox, "learningRateSpin")
        spin.setFocus()
        spin.selectAll()
        changes = []
        w.state.documentChanged.connect(lambda event, info: changes.append(info.get("key")))
        calls.clear()
        qtbot.keyClicks(spin, "0.2")
        assert w.state.project.training["learning_rate"] == 0.2
        assert changes and set(changes) == {"learning_rate"}
        # no inspector rebuild, and validation once per change (not once per listener)
        assert calls["Inspector.refresh"] == 0 and calls["validate"] == len(changes)
        # an undo still shows the document's value
        w.state.undo_stack.undo()
        assert spin.value() == w.state.project.training["learning_rate"]
    finally:
        w.state.undo_stack.setClean()
        close_window(w)



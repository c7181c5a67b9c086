"""A lesson set-up of many edits is one undo command and is validated once (not once per edit);
undo and redo validate once each too. The editor is the only caller of the undo stack's push and
its one refused signal reaches the status bar."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QSpinBox
from test_builder_support import close_window, isolated_settings, make_window, two_layer_project  # noqa: F401

import nnstudio.project.build as build_mod
import nnstudio.ui.state as state_mod
from nnstudio.lessons import registry
from nnstudio.lessons.setups import as_applied
from nnstudio.project import Project, setup_edits


def _counting(monkeypatch) -> Counter:
    calls: Counter = Counter()
    validate, load = state_mod.validate, build_mod.load_dataset

    def counted_validate(*a, **k):
        calls["validate"] += 1
        return validate(*a, **k)

    def counted_load(*a, **k):
        calls["load_dataset"] += 1
        return load(*a, **k)

    monkeypatch.setattr(state_mod, "validate", counted_validate)
    monkeypatch.setattr(build_mod, "load_dataset", counted_load)
    return calls


def _biggest_setup():
    """The lesson step whose set-up is the most edits from a fresh project."""
    steps = [(len(setup_edits(Project.default(), as_applied(s.setup))), les.id, i)
             for les in registry.lessons() for i, s in enumerate(les.steps) if s.setup]
    return max(steps)


def test_lesson_setup_validates_once_per_command(qtbot, monkeypatch):
    n_edits, lesson_id, step = _biggest_setup()
    assert n_edits >= 10
    calls = _counting(monkeypatch)
    w = make_window(qtbot, Project.default(), plugins=None)
    try:
        host = w.lessons
        host.open_lesson(lesson_id)
        host.panel.set_step(step)
        button = host.panel.findChild(QPushButton, "lessonSetupButton")
        depth = w.state.undo_stack.count()
        setup = registry.get(lesson_id).steps[step].setup
        expected = len(setup_edits(w.state.project, as_applied(setup)))
        assert expected >= 5
        calls.clear()
        qtbot.mouseClick(button, Qt.LeftButton)
        assert w.state.undo_stack.count() == depth + 1
        assert len(w.state.undo_stack.command(depth).edits) == expected
        assert calls["validate"] == 1, dict(calls)
        assert calls["load_dataset"] <= 1, dict(calls)
        for action in (w.undo_action, w.redo_action):  # the Edit menu's Undo / Redo
            calls.clear()
            action.trigger()
            assert calls["validate"] == 1 and calls["load_dataset"] <= 1, dict(calls)
    finally:
        if w.training is not None:
            w.training.shutdown(3000, save=False)
        close_window(w)


def test_refused_edits_are_reported_once_in_the_status_bar(qtbot):
    w = make_window(qtbot, two_layer_project())
    try:
        state = w.state
        refused: list[str] = []
        state.editor.refused.connect(refused.append)
        assert not state.push([("set_layer", 1, "no_such_param", 3)], "bad")  # invalid: refused, unchanged
        assert len(refused) == 1 and "no_such_param" in refused[0]
        assert w.statusBar().currentMessage() == refused[0]
        assert state.undo_stack.count() == 0
        # a failing edit after a good one leaves the document as it was
        before = [s.to_dict() for s in state.project.layers]
        assert not state.push([("set_layer", 1, "units", 5), ("remove_layer", 9)], "half")
        assert [s.to_dict() for s in state.project.layers] == before and state.undo_stack.count() == 0
        # while training runs an inspector edit is refused, through the same signal
        state.set_training_state("running")
        units = w.findChild(QSpinBox, "unitsSpin")
        state.select_layer(1)
        units.setFocus()
        units.lineEdit().selectAll()
        QTest.keyClicks(units.lineEdit(), "7")
        assert state.project.layers[1].params["units"] == 1 and units.value() == 1
        assert refused[-1] == state.edit_blocked_reason() == w.statusBar().currentMessage()
        state.set_training_state("idle")
    finally:
        close_window(w)


def test_the_editor_is_the_only_caller_of_the_undo_stack_push():
    root = Path(__file__).resolve().parents[2] / "nnstudio"
    callers = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "push":
                target = ast.unparse(node.func.value)
                if "undo_stack" in target or target.endswith("stack"):
                    callers.append(f"{path.relative_to(root)}: {ast.unparse(node)}")
    assert len(callers) == 1 and callers[0].startswith("ui/editor.py"), callers


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])

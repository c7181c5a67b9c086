"""The Problems dock: live problems, one-click fixes as single undo entries, status bar notice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QListWidget
from test_builder_support import close_window, isolated_settings, make_window  # noqa: F401

from nnstudio.project import LayerSpec, Project


def _project(*layers, **training) -> Project:
    p = Project()
    p.layers = [LayerSpec.make(t, **kw) for t, kw in layers]
    p.training.update(training)
    return p


def test_fix_button_fixes_the_problem_in_one_undo_step(qtbot):
    w = make_window(qtbot, _project(("Input", {}), ("Dense", {"units": 3, "activation": "sigmoid"})))
    try:
        state = w.state
        panel = w.findChild(QListWidget, "problemsList")
        assert state.has_errors()
        rows = panel.rows()
        assert any(r.problem.code == "output_units" for r in rows)
        row = next(r for r in rows if r.problem.code == "output_units")
        assert "3" in row.label.text() and row.fix_button is not None
        status = w.findChild(QLabel, "problemStatusLabel")
        assert "error" in status.text()
        count = state.undo_stack.count()
        QTest.mouseClick(row.fix_button, Qt.LeftButton)
        assert state.project.layers[1].params["units"] == 1
        assert not state.has_errors()
        assert state.undo_stack.count() == count + 1
        assert status.text() == ""
        assert panel.count() == 1 and not panel.rows()[0]  # the "no problems" line
        state.undo_stack.undo()
        assert state.has_errors() and state.project.layers[1].params["units"] == 3
    finally:
        close_window(w)


def test_each_fixable_problem_is_fixed_by_its_button(qtbot):
    """Several rules at once, fixed one by one through the dock until none is left."""
    p = _project(("Dense", {"units": 4, "activation": "step"}), ("Input", {}),
                 ("Dense", {"units": 1, "activation": "sigmoid"}), ("Dropout", {}),
                 epochs=0, learning_rate=0.0)
    w = make_window(qtbot, p)
    try:
        state = w.state
        panel = w.findChild(QListWidget, "problemsList")
        seen = set()
        for _ in range(20):
            rows = [r for r in panel.rows() if r is not None and r.fix_button is not None]
            if not rows:
                break
            seen.add(rows[0].problem.code)
            QTest.mouseClick(rows[0].fix_button, Qt.LeftButton)
        assert {"input_not_first", "dropout_last", "epochs", "learning_rate", "step_backprop"} <= seen
        assert not state.problems
        assert state.project.training["epochs"] >= 1 and state.project.training["learning_rate"] > 0
    finally:
        close_window(w)


def test_clicking_a_problem_selects_its_layer(qtbot):
    w = make_window(qtbot, _project(("Input", {}), ("Dense", {"units": 4, "activation": "step"}),
                                    ("Dense", {"units": 1, "activation": "sigmoid"})))
    try:
        panel = w.findChild(QListWidget, "problemsList")
        item = panel.item(0)
        assert panel.rows()[0].problem.code == "step_backprop"
        panel.itemClicked.emit(item)
        assert w.state.selected_layer == 1
    finally:
        close_window(w)

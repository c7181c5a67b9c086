"""Edits, their inverses and problems name layers by id: a user's edit, drag and delete undo and redo
exactly with Ctrl+Z / Ctrl+Shift+Z, and a problem's row selects its layer by id."""
# ruff: noqa: F811  (pytest fixtures imported from test_builder_support shadow their names)

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget, QSpinBox
from test_builder_support import block_center, close_window, isolated_settings, make_window, scene_point  # noqa: F401

from nnstudio.data import make
from nnstudio.project import LayerSpec, Project, validate
from nnstudio.ui.canvas.layout import BLOCK_W, SPACING_X


def _project() -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4, activation="relu"),
                LayerSpec.make("Dropout", rate=0.25), LayerSpec.make("Dense", units=3, activation="relu"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    return p


def _shape(state):
    return [(s.id, s.params.get("units")) for s in state.project.layers]


def _command_edits(state):
    stack = state.undo_stack
    return [e for i in range(stack.count()) for e in (stack.command(i).edits + stack.command(i).inverse)]


def test_edit_drag_delete_undo_redo_by_id(qtbot):
    w = make_window(qtbot, _project())
    try:
        state, view = w.state, w.canvas
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        view.fit()
        ids = [s.id for s in state.project.layers]
        shapes = [_shape(state)]
        # 1. the first hidden Dense gets 6 units in the inspector
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(view, 1))
        units = w.findChild(QSpinBox, "unitsSpin")
        units.setFocus()
        units.lineEdit().selectAll()
        QTest.keyClicks(units.lineEdit(), "6")
        shapes.append(_shape(state))
        assert shapes[-1][1] == (ids[1], 6)
        # 2. drag it behind the second hidden Dense
        start = block_center(view, 1)
        target = scene_point(view, 3 * SPACING_X + BLOCK_W * 0.9, view.mapToScene(start).y())
        QTest.mousePress(view.viewport(), Qt.LeftButton, Qt.NoModifier, start)
        for k in range(1, 6):
            QTest.mouseMove(view.viewport(), start + (target - start) * k / 5)
        QTest.mouseRelease(view.viewport(), Qt.LeftButton, Qt.NoModifier, target)
        shapes.append(_shape(state))
        assert [i for i, _ in shapes[-1]] == [ids[0], ids[2], ids[3], ids[1], ids[4]]
        # 3. select the Dropout (now at index 1) and press Delete
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(view, 1))
        assert state.selected_id == ids[2]
        view.setFocus()
        QTest.keyClick(view, Qt.Key_Delete)
        shapes.append(_shape(state))
        assert [i for i, _ in shapes[-1]] == [ids[0], ids[3], ids[1], ids[4]]
        # every edit and inverse on the stack names its layer by id
        layer_edits = [e for e in _command_edits(state) if e[0] in ("set_layer", "remove_layer", "move_layer")]
        assert len(layer_edits) == 5 and all(isinstance(e[1], str) for e in layer_edits), layer_edits
        reinsert = [e for e in _command_edits(state) if e[0] == "insert_layer"]
        assert [e[2]["id"] for e in reinsert] == [ids[2]]  # undoing the delete brings back the same layer
        for expected in reversed(shapes[:-1]):  # Ctrl+Z three times
            QTest.keyClick(w, Qt.Key_Z, Qt.ControlModifier)
            assert _shape(state) == expected
        assert state.project.layers[2].params["rate"] == 0.25
        for expected in shapes[1:]:  # Ctrl+Shift+Z three times
            QTest.keyClick(w, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
            assert _shape(state) == expected
    finally:
        close_window(w)


def test_problems_and_fixes_name_layers_by_id(qtbot):
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4, activation="step"),
                LayerSpec.make("Dense", units=1, activation="sigmoid"), LayerSpec.make("Dropout")]
    ids = [s.id for s in p.layers]
    probs = {q.code: q for q in validate(p, make("circle"))}
    assert probs["dropout_last"].layer == ids[3] and probs["dropout_last"].fix.edits == [("remove_layer", ids[3])]
    w = make_window(qtbot, p)
    try:
        state = w.state
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        panel = w.findChild(QListWidget, "problemsList")
        row = next(r for r in range(panel.count()) if panel.rows()[r].problem.code == "dropout_last")
        rect = panel.visualItemRect(panel.item(row))
        QTest.mouseClick(panel.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
        assert state.selected_id == ids[3]
        QTest.mouseClick(panel.rows()[row].fix_button, Qt.LeftButton)
        assert [s.id for s in state.project.layers] == ids[:3]
        QTest.keyClick(w, Qt.Key_Z, Qt.ControlModifier)
        assert [s.id for s in state.project.layers] == ids
    finally:
        close_window(w)

"""The selection is a layer id: it stays on the layer the user picked when layers move (undo included)."""
# ruff: noqa: F811  (pytest fixtures imported from test_builder_support shadow their names)

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_builder_support import block_center, close_window, isolated_settings, make_window, scene_point  # noqa: F401

from nnstudio.project import LayerSpec, Project
from nnstudio.ui.canvas.layout import BLOCK_W, SPACING_X


def _project() -> Project:
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4, activation="relu"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    return p


def test_undo_of_a_drag_keeps_the_selection_on_the_moved_layer(qtbot):
    w = make_window(qtbot, _project())
    try:
        view = w.canvas
        view.fit()
        ids = [s.id for s in w.state.project.layers]
        # click the hidden Dense, then drag it behind the output layer
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(view, 1))
        assert w.state.selected_id == ids[1] and w.state.selected_layer == 1
        start = block_center(view, 1)
        target = scene_point(view, 2 * SPACING_X + BLOCK_W * 0.9, view.mapToScene(start).y())
        QTest.mousePress(view.viewport(), Qt.LeftButton, Qt.NoModifier, start)
        for k in range(1, 6):
            QTest.mouseMove(view.viewport(), start + (target - start) * k / 5)
        QTest.mouseRelease(view.viewport(), Qt.LeftButton, Qt.NoModifier, target)
        assert [s.id for s in w.state.project.layers] == [ids[0], ids[2], ids[1]]
        assert w.state.selected_id == ids[1] and w.state.selected_layer == 2
        seen = []
        w.state.selectionChanged.connect(seen.append)
        w.undo_action.trigger()
        assert [s.id for s in w.state.project.layers] == ids
        # the selection is still the moved layer (not the output layer now at its old place)
        assert w.state.selected_id == ids[1] and w.state.selected_layer == 1 and seen == [1]
        assert view.canvas_scene.blocks[ids[1]].is_selected()
        assert not view.canvas_scene.blocks[ids[2]].is_selected()
        # removing the selected layer clears the selection; redo of nothing else changes it
        assert w.state.push([("remove_layer", 1)], "remove")
        assert w.state.selected_id is None and w.state.selected_layer is None
        w.undo_action.trigger()
        assert w.state.selected_layer is None
    finally:
        close_window(w)


def test_selection_follows_a_layer_inserted_before_it(qtbot):
    w = make_window(qtbot, _project())
    try:
        out_id = w.state.project.layers[2].id
        w.state.select_layer(2)
        assert w.state.push([("insert_layer", 1, LayerSpec.make("Dropout"))], "add")
        assert w.state.selected_id == out_id and w.state.selected_layer == 3
    finally:
        close_window(w)

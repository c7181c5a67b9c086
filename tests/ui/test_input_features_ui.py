"""Ticking input features in the inspector: one undo entry each, canvas and summary follow."""
# ruff: noqa: F811  (pytest fixtures imported from test_builder_support shadow their names)

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox
from test_builder_support import (  # noqa: F401 - fixtures
    block_center,
    close_window,
    isolated_settings,
    make_window,
    window,
)

from nnstudio.ui.features_box import feature_object_name


def _click(box: QCheckBox) -> None:
    QTest.mouseClick(box, Qt.LeftButton, Qt.NoModifier, QPoint(8, box.height() // 2))


def test_ticking_r_and_theta_widens_the_input_and_undoes(window, qtbot):
    state = window.state
    scene = window.canvas.canvas_scene
    QTest.mouseClick(window.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, block_center(window.canvas, 0))
    assert state.selected_layer == 0
    r_box = window.findChild(QCheckBox, feature_object_name("r"))
    t_box = window.findChild(QCheckBox, feature_object_name("theta"))
    x1_box = window.findChild(QCheckBox, feature_object_name("x1"))
    assert r_box.isVisible() and x1_box.isChecked() and not r_box.isChecked()
    assert "atan2" in t_box.toolTip()
    before = state.undo_stack.count()
    _click(r_box)
    _click(t_box)
    assert state.project.layers[0].params["features"] == ["x1", "x2", "r", "theta"]
    assert state.undo_stack.count() == before + 2
    assert len(scene.block_at_index(0).neurons) == 4
    assert "5 parameters" in window.canvas_panel.summary_label.text()  # 4 weights + 1 bias
    state.undo_stack.undo()
    assert state.project.layers[0].params["features"] == ["x1", "x2", "r"]
    assert len(scene.block_at_index(0).neurons) == 3
    state.undo_stack.undo()
    assert state.project.layers[0].params["features"] is None and not r_box.isChecked()
    state.undo_stack.redo()
    assert r_box.isChecked()


def test_feature_nodes_are_labelled_and_draw_their_maps(window, qtbot):
    state = window.state
    scene = window.canvas.canvas_scene
    assert state.push([("set_layer", 0, "features", ["x1", "x2", "x1^2", "r", "theta"])], "tick")
    block = scene.block_at_index(0)
    assert block.unit_labels() == ["x₁", "x₂", "x₁²", "r", "θ"]
    maps = scene.maps
    qtbot.waitUntil(lambda: (maps.refresh() or True) and maps.maps is not None, timeout=3000)
    v = maps.maps.values[0]
    assert v.shape == (len(maps.maps.grid), 5)
    grid = maps.maps.grid
    np.testing.assert_allclose(v[:, 3], np.hypot(grid[:, 0], grid[:, 1]))
    np.testing.assert_allclose(v[:, 4], np.arctan2(grid[:, 1], grid[:, 0]))
    assert all((0, u) in maps.images for u in range(5))

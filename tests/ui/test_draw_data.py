"""Draw your own data: QTest clicks and drags on the data view add points of the chosen class,
each stroke is one undo entry, erasing and clearing work, and the drawn set saves byte-identically."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from nnstudio.data.drawn import DRAWN_NAME, DrawnPoints, is_drawn
from nnstudio.project.fileformat import load_project, save_project
from nnstudio.ui.data.view import DataView
from nnstudio.ui.state import AppState


@pytest.fixture
def view(qtbot):
    state = AppState()
    v = DataView(state)
    qtbot.addWidget(v)
    v.resize(600, 600)
    v.show()
    qtbot.waitExposed(v)
    yield v
    state.deleteLater()


def at(view, x: float, y: float) -> QPoint:
    """The viewport position of data point (x, y)."""
    vb = view.plot.getPlotItem().vb
    return view.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))


def drag(view, points, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    vp = view.plot.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, modifier, at(view, *points[0]))
    for p in points[1:]:
        QTest.mouseMove(vp, at(view, *p))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, at(view, *points[-1]))


def start_empty(view, qtbot):
    tool = view.draw_tool
    assert tool.toolbar.isVisible()
    tool.clear_action.trigger()
    assert is_drawn(view.state.project.dataset) and len(tool.points()) == 0
    assert view.stack.currentWidget() is view.plot  # an empty drawing still shows the plane
    tool.draw_action.trigger()
    assert tool.active()


def test_clicks_and_drags_add_points_of_the_chosen_class_with_undo_per_stroke(view, qtbot):
    state = view.state
    tool = view.draw_tool
    start_empty(view, qtbot)
    before = state.undo_stack.count()
    QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(view, -0.5, 0.5))
    pts = tool.points()
    assert len(pts) == 1 and pts.y.tolist() == [0]
    np.testing.assert_allclose(pts.x[0], [-0.5, 0.5], atol=0.02)
    tool.class_combo.setCurrentIndex(1)
    drag(view, [(0.5, -0.8), (0.5, -0.4), (0.5, 0.0), (0.5, 0.4), (0.5, 0.8)])
    pts = tool.points()
    assert len(pts) == 6 and pts.y.tolist() == [0, 1, 1, 1, 1, 1]
    np.testing.assert_allclose(pts.x[1:, 0], 0.5, atol=0.02)
    np.testing.assert_allclose(pts.x[1:, 1], [-0.8, -0.4, 0.0, 0.4, 0.8], atol=0.02)
    QTest.keyClick(view, Qt.Key.Key_2)  # key 2 picks class 2: a third class
    assert tool.class_combo.currentData() == 2
    QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(view, 0.0, -1.0))
    assert state.undo_stack.count() == before + 3  # one entry per stroke
    ds = state.dataset
    assert ds.task == "multiclass" and ds.n_samples == 7 and ds.n_classes == 3
    tx, _ = view.train_item.getData()
    vx, _ = view.val_item.getData()
    assert len(tx) + len(vx) == 7  # the data view shows the drawn set like any other
    state.undo_stack.undo()
    assert len(tool.points()) == 6 and state.dataset.task == "binary"
    state.undo_stack.undo()
    assert len(tool.points()) == 1
    state.undo_stack.redo()
    assert len(tool.points()) == 6


def test_shift_drag_and_the_eraser_remove_points_in_one_step(view, qtbot):
    state = view.state
    tool = view.draw_tool
    start_empty(view, qtbot)
    drag(view, [(-1.0, 0.0), (-0.5, 0.0), (0.0, 0.0), (0.5, 0.0), (1.0, 0.0)])
    QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(view, 0.0, 1.0))
    assert len(tool.points()) == 6
    count = state.undo_stack.count()
    drag(view, [(-1.0, 0.0), (-0.5, 0.0)], Qt.KeyboardModifier.ShiftModifier)
    assert len(tool.points()) == 4 and state.undo_stack.count() == count + 1
    QTest.keyClick(view, Qt.Key.Key_E)
    assert tool.erase_action.isChecked() and not tool.draw_action.isChecked()
    QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(view, 0.0, 1.0))
    left = tool.points()
    assert len(left) == 3 and np.all(np.abs(left.x[:, 1]) < 0.05)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not tool.active()


def test_first_stroke_on_a_builtin_set_starts_from_its_points(view, qtbot):
    state = view.state
    n = state.dataset.n_samples
    view.draw_tool.draw_action.trigger()
    QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(view, 0.0, 0.0))
    assert state.project.dataset["csv"]["filename"] == DRAWN_NAME
    assert state.dataset.n_samples == n + 1
    state.undo_stack.undo()
    assert state.project.dataset["source"] == "builtin" and state.dataset.n_samples == n


def test_values_for_regression(view, qtbot):
    tool = view.draw_tool
    assert not tool.kind_combo.isEnabled()  # the circle set has class points
    start_empty(view, qtbot)
    assert tool.kind_combo.isEnabled()
    tool.kind_combo.setCurrentIndex(1)
    assert tool.value_widget.isVisible() and not tool.class_widget.isVisible()
    tool.value_spin.setValue(2.5)
    drag(view, [(-1.0, -1.0), (1.0, 1.0)])
    ds = view.state.dataset
    assert ds.task == "regression" and ds.y[:, 0].tolist() == [2.5, 2.5]
    assert not tool.kind_combo.isEnabled()


def test_drawn_set_saves_and_reopens_byte_identical(view, qtbot, tmp_path):
    state = view.state
    start_empty(view, qtbot)
    drag(view, [(-0.9, 0.3), (-0.3, 0.3), (0.3, 0.3)])
    view.draw_tool.class_combo.setCurrentIndex(1)
    drag(view, [(-0.9, -0.3), (0.3, -0.3)])
    state.push([("set_dataset", {**state.project.dataset, "standardize": True})], "standardise")
    a = tmp_path / "a.nnstudio"
    b = tmp_path / "b.nnstudio"
    save_project(state.project, a)
    reopened = load_project(a)
    save_project(reopened, b)
    assert a.read_bytes() == b.read_bytes()
    assert DrawnPoints.from_choice(reopened.dataset).y.tolist() == [0, 0, 0, 1, 1]

"""The data view: scatter data matches the dataset, train/val differ, clicks select."""


import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QTableView, QTableWidget

from nnstudio import data as nndata
from nnstudio.project import DEFAULT_DATASET
from nnstudio.ui.data.view import SCATTER, TABLE, XY, DataView
from nnstudio.ui.state import AppState


@pytest.fixture
def view(qtbot):
    state = AppState()
    v = DataView(state)
    qtbot.addWidget(v)
    yield v
    state.deleteLater()


def choose(state, name, **params):
    choice = dict(DEFAULT_DATASET, name=name, params=params)
    assert state.push([("set_dataset", choice)], f"choose {name}")


def test_scatter_matches_dataset_and_tells_train_from_validation(view):
    state = view.state
    assert view.objectName() == "dataView" and view.mode == SCATTER
    ds, prep = state.dataset, state.prepared()
    tx, ty = view.train_item.getData()
    vx, vy = view.val_item.getData()
    np.testing.assert_array_equal(tx, ds.x[prep.train_idx, 0])
    np.testing.assert_array_equal(ty, ds.x[prep.train_idx, 1])
    np.testing.assert_array_equal(vx, ds.x[prep.val_idx, 0])
    np.testing.assert_array_equal(vy, ds.x[prep.val_idx, 1])
    assert len(tx) + len(vx) == ds.n_samples and len(vx) == 40
    np.testing.assert_array_equal(view.train_item.data["data"].astype(int), prep.train_idx)
    # training points filled, validation points hollow with a coloured outline
    train_brushes = view.train_item.data["brush"]
    assert all(b.style() == Qt.BrushStyle.SolidPattern for b in train_brushes)
    val_brushes = [p.brush() for p in view.val_item.points()]
    assert all(b.style() == Qt.BrushStyle.NoBrush for b in val_brushes)
    # coloured by class
    colors = view.point_colors()
    k0 = int(prep.train_idx[np.flatnonzero(ds.y[prep.train_idx] == 0)[0]])
    k1 = int(prep.train_idx[np.flatnonzero(ds.y[prep.train_idx] == 1)[0]])
    assert colors[k0] != colors[k1]
    pos = {int(i): j for j, i in enumerate(prep.train_idx)}
    assert train_brushes[pos[k0]].color() == colors[k0]


def test_clicking_a_point_selects_the_sample(view, qtbot):
    state = view.state
    prep = state.prepared()
    target = int(prep.val_idx[3])
    point = [p for p in view.val_item.points() if int(p.data()) == target]
    view.on_points_clicked(view.val_item, point, None)
    assert state.selected_sample == target
    sx, sy = view.selected_item.getData()
    np.testing.assert_array_equal([sx[0], sy[0]], state.dataset.x[target])
    # a real mouse click on an isolated training point
    view.resize(500, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)  # let the view box settle its auto-range
    ds = state.dataset
    d = np.linalg.norm(ds.x[:, None, :] - ds.x[None, :, :], axis=2) + np.eye(ds.n_samples) * 9
    lonely = [int(i) for i in prep.train_idx if d[i].min() > 0.12]
    i = lonely[0]
    vb = view.plot.getPlotItem().getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(*ds.x[i]))
    widget_pos = view.plot.mapFromScene(scene_pos)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)
    assert state.selected_sample == i


def test_selected_sample_and_batch_are_highlighted(view):
    state = view.state
    state.select_sample(17)
    sx, sy = view.selected_item.getData()
    np.testing.assert_array_equal([sx[0], sy[0]], state.dataset.x[17])
    state.batchChanged.emit(np.array([0, 5, 7]))
    bx, by = view.batch_item.getData()
    np.testing.assert_array_equal(bx, state.dataset.x[[0, 5, 7], 0])
    np.testing.assert_array_equal(by, state.dataset.x[[0, 5, 7], 1])
    state.batchChanged.emit(None)
    assert len(view.batch_item.getData()[0]) == 0


def test_regression_sets(view):
    state = view.state
    choose(state, "sine", n_samples=40)
    assert view.mode == XY
    prep = state.prepared()
    tx, ty = view.train_item.getData()
    np.testing.assert_array_equal(tx, state.dataset.x[prep.train_idx, 0])
    np.testing.assert_array_equal(ty, state.dataset.y[prep.train_idx, 0])
    choose(state, "plane")
    assert view.mode == SCATTER
    colors = view.point_colors()
    lo, hi = int(np.argmin(state.dataset.y[:, 0])), int(np.argmax(state.dataset.y[:, 0]))
    assert colors[lo].blue() > colors[lo].red() and colors[hi].red() > colors[hi].blue()


def test_wide_datasets_show_statistics_and_rows(view):
    state = view.state
    choose(state, "iris")
    assert view.mode == TABLE
    stats = view.findChild(QTableWidget, "dataStatsTable")
    assert stats.rowCount() == 4
    expected = nndata.describe_columns(state.dataset.x, state.dataset.feature_names)
    assert stats.item(0, 0).text() == expected[0].name
    assert float(stats.item(2, 1).text()) == pytest.approx(expected[2].mean, rel=1e-3)
    rows = view.findChild(QTableView, "dataRowsTable")
    model = rows.model()
    assert model.rowCount() == 150 and model.columnCount() == 4 + 1 + 1
    assert float(model.data(model.index(10, 2))) == pytest.approx(state.dataset.x[10, 2], rel=1e-3)
    assert state.dataset.class_names[state.dataset.y[10]] in model.data(model.index(10, 4))
    val = int(state.prepared().val_idx[0])
    assert model.data(model.index(val, 5)) == "validation"
    state.select_sample(42)
    assert rows.selectionModel().selectedRows()[0].row() == 42


def test_broken_dataset_shows_message(view):
    state = view.state
    choice = dict(DEFAULT_DATASET, source="csv", csv={"filename": "x.csv", "text": "", "options": {}})
    state.push([("set_dataset", choice)], "broken")
    assert state.dataset is None
    assert "empty" in view.message.text() and view.stack.currentWidget() is view.message


def test_a_hidden_data_view_draws_the_new_data_when_shown_again(window, qtbot):
    from nnstudio.project import Project

    w = window(Project.default())
    w.show()
    qtbot.waitExposed(w)
    view = w.findChild(DataView, "dataView")
    dock = w.docks["data_view"]
    dock.show()
    qtbot.waitUntil(view.isVisible)
    assert view.train_item.getData()[0].size > 0
    dock.close()  # the user closes the data view, then switches the dataset
    qtbot.waitUntil(lambda: not view.isVisible())
    assert w.state.push([("set_dataset", dict(DEFAULT_DATASET, name="moons", params={"n_samples": 50}))], "m")
    assert view._stale  # not redrawn for nobody
    w.state.select_sample(3)  # selection and mini-batch marks wait too (no stale coordinates)
    view.show_batch([1, 2])
    dock.show()
    qtbot.waitUntil(lambda: not view._stale)
    xs = view.train_item.getData()[0]
    idx = np.asarray(view.train_item.data["data"], dtype=np.int64)
    np.testing.assert_array_equal(xs, w.state.dataset.x[idx, 0])
    assert len(xs) + len(view.val_item.getData()[0]) == 50
    assert view.selected_item.getData()[0][0] == w.state.dataset.x[3, 0]

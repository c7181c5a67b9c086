"""A large dataset is prepared off the GUI thread: the same data, all of it for training,
a "preparing" indication, Train disabled until ready, and undo/redo during preparation."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from nnstudio import data as nndata
from nnstudio.project import DEFAULT_DATASET, Project
from nnstudio.project.build import prepare_data
from nnstudio.ui import dataload
from nnstudio.ui.pointcap import MAX_DRAWN


def _choose(w, name, **params):
    assert w.state.push([("set_dataset", dict(DEFAULT_DATASET, name=name, params=params))], "choose")


def _ready(w, qtbot):
    qtbot.waitUntil(lambda: not w.state.dataset_pending, timeout=30_000)
    assert dataload.wait_all(5000)


def test_estimate_sends_only_large_sets_to_the_worker():
    assert dataload.estimated_cells(dict(DEFAULT_DATASET, name="circle", params={})) == 400
    assert dataload.estimated_cells(dict(DEFAULT_DATASET, name="keras_example",
                                         params={"n_samples": 10_000})) == 320_000
    assert dataload.estimated_cells(dict(DEFAULT_DATASET, name="xor", params={"repeat": 10_000})) == 80_000
    assert dataload.estimated_cells(dict(DEFAULT_DATASET, name="iris", params={})) == 0
    assert dataload.estimated_cells(dict(DEFAULT_DATASET, name="circle", params={"n_samples": "x"})) == 0


def test_background_data_is_the_synchronous_data_and_training_uses_all_of_it(window, qtbot):
    w = window(Project.default())
    w.docks["data_view"].show()
    _choose(w, "keras_example", n_samples=20_000, seed=5)
    assert w.state.dataset_pending and w.state.dataset is None
    _ready(w, qtbot)
    ds = w.state.dataset
    same = nndata.make("keras_example", n_samples=20_000, seed=5)
    np.testing.assert_array_equal(ds.x, same.x)
    np.testing.assert_array_equal(ds.y, same.y)
    # the split made in the worker is the one the GUI thread would make, and has every sample
    prep = w.state.prepared()
    ref = prepare_data(w.state.project, same)
    np.testing.assert_array_equal(prep.x_train, ref.x_train)
    np.testing.assert_array_equal(prep.val_idx, ref.val_idx)
    assert len(prep.train_idx) + len(prep.val_idx) == 20_000
    assert w.training._prepared() is prep  # what Train hands to the worker
    # only the drawing is a sample (the table view shows every row)
    view = w.findChild(QWidget, "dataView")
    assert view.rows_model.rowCount() == 20_000
    # the column statistics were made by the worker too: the same numbers, not made again
    stats = dataload.column_stats(ds)
    assert stats is dataload.column_stats(ds) and stats == nndata.describe_columns(same.x, same.feature_names)
    assert view.stats_table.item(0, 1).text() == f"{stats[0].mean:.4g}"


def test_scatter_draws_a_sample_of_the_background_data(window, qtbot):
    w = window(Project.default())
    w.docks["data_view"].show()
    _choose(w, "circle", n_samples=60_000)
    _ready(w, qtbot)
    view = w.findChild(QWidget, "dataView")
    drawn = len(view.train_item.getData()[0]) + len(view.val_item.getData()[0])
    assert w.state.dataset.n_samples == 60_000 and drawn == MAX_DRAWN
    assert f"{MAX_DRAWN:,} of the 60,000 points" in view.info.text()
    prep = w.state.prepared()
    assert len(prep.x_train) + len(prep.x_val) == 60_000


def test_preparing_is_shown_and_train_waits_for_it(window, qtbot):
    w = window(Project.default())
    w.docks["data_view"].show()
    w.docks["data"].show()
    from PySide6.QtGui import QAction

    train = w.findChild(QAction, "trainAction")
    assert train.isEnabled()
    _choose(w, "spiral", n_samples=80_000)
    view = w.findChild(QWidget, "dataView")
    busy = w.findChild(QProgressBar, "datasetBusy")
    status = w.findChild(QLabel, "datasetStatus")
    assert w.state.dataset_pending
    assert "Preparing the data" in view.message.text() and view.stack.currentWidget() is view.message
    assert busy.isVisibleTo(busy.parentWidget()) and "background" in busy.toolTip()
    assert "Preparing" in status.text()
    assert not train.isEnabled() and "Preparing the data" in train.toolTip()
    assert not w.training.train()  # pressing Space now does nothing
    block = w.canvas.canvas_scene.block_at_index(0)  # the Input block says why its size is not known yet
    assert block.subtitle.text() == "loading data…"
    _ready(w, qtbot)
    assert block.subtitle.text() == "2 features"
    assert train.isEnabled() and not busy.isVisibleTo(busy.parentWidget())
    assert view.stack.currentWidget() is view.plot
    assert "80000 samples" in status.text()


def test_undo_during_preparation_shows_the_old_data_and_redo_is_instant(window, qtbot):
    w = window(Project.default())
    w.docks["data_view"].show()
    view = w.findChild(QWidget, "dataView")
    before = w.state.dataset
    x_before = view.train_item.getData()[0].copy()
    _choose(w, "circle", n_samples=100_000, seed=2)
    assert w.state.dataset_pending
    w.undo_action.trigger()  # the user undoes at once (Edit > Undo)
    assert w.state.project.dataset["params"] == {}
    assert not w.state.dataset_pending and w.state.dataset is before  # the old data, at once
    assert dataload.wait_all(30_000)
    qtbot.wait(50)  # the late result arrives: it must not replace what is shown
    assert w.state.dataset is before and not w.state.dataset_pending
    np.testing.assert_array_equal(view.train_item.getData()[0], x_before)
    assert w.state.undo_stack.canRedo()
    w.state.undo_stack.redo()
    assert not w.state.dataset_pending  # kept from the worker: no second preparation
    assert w.state.dataset.n_samples == 100_000
    np.testing.assert_array_equal(w.state.dataset.x, nndata.make("circle", n_samples=100_000, seed=2).x)
    split = w.state.prepared()
    w.undo_action.trigger()
    w.state.undo_stack.redo()  # back and forth: the same data and split, nothing made again
    assert w.state.prepared() is split and not w.state.dataset_pending


def test_two_quick_switches_show_only_the_last(window, qtbot):
    w = window(Project.default())
    _choose(w, "circle", n_samples=90_000)
    _choose(w, "moons", n_samples=90_000)
    _ready(w, qtbot)
    assert w.state.dataset.source.startswith("moons")
    qtbot.wait(50)
    assert w.state.dataset.source.startswith("moons")


def test_a_bad_large_choice_reports_its_error(window, qtbot, monkeypatch):
    w = window(Project.default())
    monkeypatch.setattr(dataload.DatasetLoader, "background_cells", 0)  # even this small set goes to the worker
    _choose(w, "circle", n_samples=300, seed=1)
    assert w.state.dataset_pending
    _ready(w, qtbot)
    assert w.state.dataset is not None and w.state.dataset.n_samples == 300
    _choose(w, "circle", n_samples=300, noise=-1.0)  # out of range: refused by the generator
    _ready(w, qtbot)
    assert w.state.dataset is None and "too small" in (w.state.dataset_error or "")
    assert any("could not be loaded" in p.message for p in w.state.problems)


def test_closing_the_window_while_preparing_leaves_no_thread(qtbot):
    from test_training_common import close_window, make_main_window

    w = make_main_window(qtbot, Project.default())
    _choose(w, "keras_example", n_samples=50_000)
    assert w.state.dataset_pending
    close_window(w)
    qtbot.wait(20)  # the window is deleted while the worker still runs
    assert dataload.wait_all(30_000)
    qtbot.wait(20)  # its late result has no receiver left: nothing happens

"""Image datasets in the window: thumbnail grid, draw pad, weight images, confusion examples."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from nnstudio.project import LayerSpec, Project


def digits_project(hidden: int | None = 16, epochs: int = 5, lr: float = 0.1) -> Project:
    p = Project()
    layers = [LayerSpec.make("Input")]
    if hidden:
        layers.append(LayerSpec.make("Dense", units=hidden, activation="relu"))
    layers.append(LayerSpec.make("Dense", units=10, activation="softmax"))
    p.layers = layers
    p.dataset.update(name="digits", params={}, standardize=True)
    p.training.update(loss="sparse_categorical_crossentropy", optimizer="sgd", learning_rate=lr,
                      batch_size=32, epochs=epochs, validation_split=0.2, seed=1)
    return p


def train(qtbot, w) -> None:
    with qtbot.waitSignal(w.training.finished, timeout=30000):
        assert w.training.train()


def test_image_docks_follow_the_dataset_kind(window, qtbot):
    w = window(digits_project())
    w.show()
    qtbot.waitExposed(w)
    for name in ("images", "draw_pad", "weight_images"):
        assert w.docks[name].isVisibleTo(w), name
    assert not w.docks["confusion_examples"].isVisibleTo(w)  # until a confusion cell is clicked
    # a 2-D toy is no image set: the image docks go away, and come back for the digits
    w.state.push([("set_dataset", {"name": "circle", "params": {}})], "circle")
    assert not w.docks["draw_pad"].isVisibleTo(w) and not w.docks["images"].isVisibleTo(w)
    w.state.undo_stack.undo()
    assert w.docks["draw_pad"].isVisibleTo(w)


def test_thumbnail_grid_selects_samples(window, qtbot):
    w = window(digits_project())
    w.show()
    qtbot.waitExposed(w)
    panel = w.image_views["images"]
    w.docks["images"].raise_()
    qtbot.waitUntil(lambda: panel.grid.isVisible())
    assert panel.model.rowCount() == 1797
    grid = panel.grid
    mi = panel.model.index(5)
    rect = grid.visualRect(mi)
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    assert w.state.selected_sample == 5
    assert "Sample 5" in panel.caption.text()
    # the canvas input follows: the live values of the Input layer are sample 5's (scaled) pixels
    prepared = w.state.prepared()
    qtbot.waitUntil(lambda: w.state.live_values is not None)
    pos = np.flatnonzero(prepared.train_idx == 5)
    row = prepared.x_train[pos[0]] if pos.size else prepared.x_val[np.flatnonzero(prepared.val_idx == 5)[0]]
    assert np.allclose(w.state.live_values[0][1], row)
    # validation only: every listed sample is in the validation split, framed as such
    panel.show_combo.setCurrentIndex(panel.show_combo.findData("val"))
    assert panel.model.rowCount() == len(prepared.val_idx)
    assert set(panel.model.rows.tolist()) == set(prepared.val_idx.tolist())
    # one class only
    panel.show_combo.setCurrentIndex(0)
    panel.class_combo.setCurrentIndex(panel.class_combo.findData(3))
    ds = w.state.dataset
    assert panel.model.rowCount() == int((ds.y == 3).sum())
    # selecting from elsewhere (toolbar) moves the grid's current item
    first3 = int(panel.model.rows[4])
    w.state.select_sample(first3)
    assert panel.grid.currentIndex().row() == 4


def _draw(qtbot, pad, points) -> None:
    """A stroke through pad coordinates (row, col) with real mouse events."""
    first = pad.widget_point(*points[0]).toPoint()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for r, c in points[1:]:
        QTest.mouseMove(pad, pad.widget_point(r, c).toPoint())
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       pad.widget_point(*points[-1]).toPoint())


def test_drawing_on_the_pad_changes_the_prediction_bars(window, qtbot):
    w = window(digits_project(epochs=15))
    w.show()
    qtbot.waitExposed(w)
    panel = w.image_views["draw_pad"]
    w.docks["draw_pad"].raise_()
    qtbot.waitUntil(lambda: panel.pad.isVisible() and panel.pad.cell() >= 3)
    train(qtbot, w)
    empty = np.array(panel.bars.opts["height"], dtype=float)
    assert empty.shape == (10,) and empty.sum() == pytest.approx(1.0, abs=1e-4)
    # a vertical bar down the middle: a "1"
    _draw(qtbot, panel.pad, [(4 + k, 16) for k in range(0, 25, 2)])
    ones = np.array(panel.bars.opts["height"], dtype=float)
    assert not np.allclose(ones, empty)
    assert ones.sum() == pytest.approx(1.0, abs=1e-4)
    assert panel.pad.pad.sum() > 0 and panel.reduced().sum() > 0
    # the bars are the network's output for the reduced, scaled drawing
    model = w.training.view_model()
    x = w.state.prepared().scaler.transform(panel.reduced().reshape(1, -1))
    assert np.allclose(ones, np.asarray(model(x.astype(np.float32)))[0], atol=1e-5)
    assert panel.last_latency < 0.033
    # Clear empties the pad and brings back the empty-pad answer
    QTest.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.pad.pad.sum() == 0
    assert np.allclose(np.array(panel.bars.opts["height"], dtype=float), empty, atol=1e-6)


def test_use_as_sample_sends_the_drawing_through_the_live_views(window, qtbot):
    w = window(digits_project())
    w.show()
    qtbot.waitExposed(w)
    panel = w.image_views["draw_pad"]
    w.docks["draw_pad"].raise_()
    qtbot.waitUntil(lambda: panel.pad.isVisible() and panel.pad.cell() >= 3)
    _draw(qtbot, panel.pad, [(6, 8), (6, 24), (26, 24)])
    QTest.mouseClick(panel.use_button, Qt.MouseButton.LeftButton)
    scaler = w.state.prepared().scaler
    expected = scaler.transform(panel.reduced().reshape(1, -1))[0]
    qtbot.waitUntil(lambda: w.state.live_values is not None
                    and np.allclose(w.state.live_values[0][1], expected, atol=1e-5))
    out = w.state.live_values[-1][1]
    assert np.allclose(out, panel.probs, atol=1e-5)
    # picking a dataset sample again returns the views to it
    w.state.select_sample(7)
    assert w.training.custom_sample is None
    assert not np.allclose(w.state.live_values[0][1], expected, atol=1e-5)


def test_weight_images_equal_the_kernel_columns(window, qtbot):
    w = window(digits_project(hidden=12, epochs=2))
    w.show()
    qtbot.waitExposed(w)
    train(qtbot, w)
    panel = w.image_views["weight_images"]
    kernel = np.asarray(w.state.live_weights[0])
    images = panel.images()
    assert len(images) == 12 and kernel.shape == (64, 12)
    for j, img in enumerate(images):
        assert img.shape == (8, 8)
        assert np.array_equal(img, kernel[:, j].reshape(8, 8))
    assert panel.layer_index == 1 and "unit" in panel.mosaic.captions[0]


def test_weight_images_of_a_network_without_hidden_layer_are_the_class_templates(window, qtbot):
    w = window(digits_project(hidden=None, epochs=2))
    w.show()
    qtbot.waitExposed(w)
    train(qtbot, w)
    panel = w.image_views["weight_images"]
    kernel = np.asarray(w.state.live_weights[0])
    images = panel.images()
    assert len(images) == 10
    assert all(np.array_equal(images[j], kernel[:, j].reshape(8, 8)) for j in range(10))
    assert panel.mosaic.captions[3] == "class 3"


def test_confusion_cell_lists_its_misclassified_images(window, qtbot):
    w = window(digits_project(hidden=None, epochs=1, lr=0.002))  # barely trained: many mistakes
    w.show()
    qtbot.waitExposed(w)
    train(qtbot, w)
    conf = w.training_views["confusion"]
    examples = w.image_views["confusion_examples"]
    qtbot.waitUntil(lambda: conf.matrix is not None)
    m = conf.matrix.copy()
    off = m.copy()
    np.fill_diagonal(off, 0)
    t, p = np.unravel_index(np.argmax(off), off.shape)
    assert off[t, p] > 0
    conf.table.cellClicked.emit(int(t), int(p))
    assert w.docks["confusion_examples"].isVisibleTo(w)
    assert examples.list.count() == m[t, p] == len(examples.indices)
    ds, prepared = w.state.dataset, w.state.prepared()
    assert set(examples.indices.tolist()) <= set(prepared.val_idx.tolist())
    assert all(ds.y[i] == t for i in examples.indices)
    model = w.training.view_model()
    x = prepared.scaler.transform(ds.x[examples.indices])
    assert (np.argmax(model(x.astype(np.float32)), axis=1) == p).all()
    assert not examples.list.item(0).icon().isNull()
    # clicking an example selects it
    item = examples.list.item(0)
    rect = examples.list.visualItemRect(item)
    QTest.mouseClick(examples.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    assert w.state.selected_sample == int(examples.indices[0])


def test_the_bars_follow_training_while_the_drawing_stays(window, qtbot):
    w = window(digits_project(epochs=8))
    w.show()
    qtbot.waitExposed(w)
    panel = w.image_views["draw_pad"]
    w.docks["draw_pad"].raise_()
    qtbot.waitUntil(lambda: panel.pad.isVisible() and panel.pad.cell() >= 3)
    _draw(qtbot, panel.pad, [(4 + k, 16) for k in range(0, 25, 2)])
    before = np.array(panel.bars.opts["height"], dtype=float)
    updates = []
    panel.predicted.connect(lambda probs, _t: updates.append(probs))
    train(qtbot, w)
    assert updates, "no prediction while training ran"
    after = np.array(panel.bars.opts["height"], dtype=float)
    assert not np.allclose(before, after)
    # the final bars are the trained network's answer for the same drawing
    model = w.training.view_model()
    x = w.state.prepared().scaler.transform(panel.reduced().reshape(1, -1))
    assert np.allclose(after, np.asarray(model(x.astype(np.float32)))[0], atol=1e-5)


def test_a_hidden_draw_pad_runs_no_model_until_it_is_shown(qtbot):
    """Edits (and a dataset switch) reach a hidden pad as a note to recompute when shown."""
    from nnstudio.ui.data.drawpad import DrawPadPanel
    from nnstudio.ui.state import AppState

    s = AppState(digits_project())
    panel = DrawPadPanel(s)
    qtbot.addWidget(panel)
    assert not panel.isVisible()
    s.push([("set_layer", 1, "units", 12)], "units")
    assert panel._stale and panel._model is None  # nothing built for a pad nobody sees
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel._stale and panel.probs is not None and len(panel.probs) == 10
    # a table of numbers: the drawing does not fit its rows, so no network is built for it
    s.push([("set_dataset", dict(s.project.dataset, name="circle", params={}))], "circle")
    assert panel.model() is None and panel.probs is None
    assert "image datasets" in panel.guess.text()
    s.deleteLater()


def test_an_impossible_validation_split_is_a_problem_not_a_crash(window, qtbot):
    """A project whose validation split leaves no training rows opens with the image views shown:
    the validator names the split, and the views draw without a split instead of raising."""
    p = digits_project()
    p.training["validation_split"] = 1.0
    w = window(p)
    w.show()
    qtbot.waitExposed(w)
    assert w.state.prepared_or_none() is None
    assert any("Validation split" in p.message for p in w.state.problems)
    w.docks["images"].show()
    qtbot.wait(50)
    assert w.docks["images"].isVisibleTo(w)

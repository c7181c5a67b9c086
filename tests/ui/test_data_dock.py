"""The Data dock: choosing built-in datasets, parameters, split and label format."""


import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QListWidget,
    QPushButton,
    QSpinBox,
)

from nnstudio import data as nndata
from nnstudio.ui.data.dock import NAME_ROLE, DataDock
from nnstudio.ui.state import AppState


@pytest.fixture
def dock(qtbot):
    state = AppState()
    panel = DataDock(state)
    qtbot.addWidget(panel)
    yield panel
    state.deleteLater()


def _row_of(panel, name):
    lst = panel.findChild(QListWidget, "datasetList")
    for row in range(lst.count()):
        if lst.item(row).data(NAME_ROLE) == name:
            return lst, row
    raise AssertionError(f"{name} not listed")


def test_lists_every_builtin_with_task_and_shape(dock):
    lst = dock.findChild(QListWidget, "datasetList")
    gens = nndata.builtins()
    assert lst.count() == len(gens)
    for row, gen in enumerate(gens):
        item = lst.item(row)
        ds = nndata.make(gen.name)
        assert item.data(NAME_ROLE) == gen.name
        assert f"{ds.n_samples} × {ds.n_features}" in item.text()
        assert {"regression": "regression", "binary": "binary", "multiclass": "multi-class"}[ds.task] in item.text()
        assert item.toolTip() == gen.description
        assert (not item.icon().isNull()) == (ds.n_features <= 2 or ds.is_image)
    # the document's dataset ('circle') is the current row
    assert lst.currentItem().data(NAME_ROLE) == "circle"


def test_clicking_a_dataset_is_an_undoable_edit(dock, qtbot):
    state = dock.state
    dock.show()
    qtbot.waitExposed(dock)
    lst, row = _row_of(dock, "moons")
    lst.scrollToItem(lst.item(row))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(lst.item(row)).center())
    assert state.project.dataset["name"] == "moons"
    assert state.project.dataset["source"] == "builtin"
    np.testing.assert_array_equal(state.dataset.x, nndata.make("moons").x)
    assert state.undo_stack.count() == 1
    assert "Moons" in dock.findChild(type(dock.description), "datasetDescription").text() or dock.description.text()
    state.undo_stack.undo()
    assert state.project.dataset["name"] == "circle"
    assert lst.currentItem().data(NAME_ROLE) == "circle"
    np.testing.assert_array_equal(state.dataset.x, nndata.make("circle").x)
    state.undo_stack.redo()
    assert lst.currentItem().data(NAME_ROLE) == "moons"


def test_param_controls_follow_the_generator(dock):
    lst, row = _row_of(dock, "spiral")
    lst.setCurrentRow(row)
    arms = dock.findChild(QSpinBox, "param_arms")
    assert arms is not None and (arms.minimum(), arms.maximum()) == (2, 8)
    noise = dock.findChild(QDoubleSpinBox, "param_noise")
    assert noise is not None and noise.maximum() == pytest.approx(2.0)
    arms.setValue(3)
    assert dock.state.project.dataset["params"] == {"arms": 3}
    assert dock.state.dataset.task == "multiclass" and dock.state.dataset.n_classes == 3
    lst, row = _row_of(dock, "blobs")
    lst.setCurrentRow(row)
    assert dock.findChild(QSpinBox, "param_arms") is None
    assert dock.findChild(QSpinBox, "param_classes") is not None
    lst, row = _row_of(dock, "iris")
    lst.setCurrentRow(row)
    assert not dock.findChild(QPushButton, "regenerateButton").isEnabled()


def test_params_regenerate_identically_and_regenerate_is_undoable(dock):
    state = dock.state
    lst, row = _row_of(dock, "moons")
    lst.setCurrentRow(row)
    dock.findChild(QSpinBox, "param_n_samples").setValue(50)
    dock.findChild(QSpinBox, "param_seed").setValue(7)
    dock.findChild(QDoubleSpinBox, "param_noise").setValue(0.25)
    assert state.project.dataset["params"] == {"n_samples": 50, "seed": 7, "noise": 0.25}
    # the list row says the size of the set in use, the other rows their default size
    assert "50 × 2" in lst.item(row).text()
    _, circle = _row_of(dock, "circle")
    assert f"{nndata.make('circle').n_samples} × 2" in lst.item(circle).text()
    expected = nndata.make("moons", n_samples=50, seed=7, noise=0.25)
    np.testing.assert_array_equal(state.dataset.x, expected.x)
    np.testing.assert_array_equal(state.dataset.y, expected.y)
    before = state.dataset.x.copy()
    count = state.undo_stack.count()

    dock.findChild(QPushButton, "regenerateButton").click()
    assert state.project.dataset["params"]["seed"] == 8
    assert dock.findChild(QSpinBox, "param_seed").value() == 8
    assert not np.array_equal(state.dataset.x, before)
    assert state.undo_stack.count() == count + 1
    state.undo_stack.undo()
    assert state.project.dataset["params"]["seed"] == 7
    np.testing.assert_array_equal(state.dataset.x, before)
    assert dock.findChild(QSpinBox, "param_seed").value() == 7
    while state.project.dataset["name"] == "moons":   # back to circle: moons' row shows its default again
        state.undo_stack.undo()
    assert f"{nndata.make('moons').n_samples} × 2" in lst.item(row).text()


def test_repeated_steps_of_one_param_merge_into_one_undo_entry(dock):
    state = dock.state
    spin = dock.findChild(QSpinBox, "param_n_samples")
    for value in (150, 120, 100):
        spin.setValue(value)
    assert state.undo_stack.count() == 1
    state.undo_stack.undo()
    assert state.project.dataset["params"] == {}
    assert spin.value() == 200


def test_split_scaling_and_label_format(dock):
    state = dock.state
    val = dock.findChild(QDoubleSpinBox, "validationSplit")
    val.setValue(0.3)
    assert state.project.training["validation_split"] == pytest.approx(0.3)
    prep = state.prepared()
    assert len(prep.val_idx) == 60 and len(prep.train_idx) == 140

    seed = dock.findChild(QSpinBox, "splitSeed")
    old_val = state.prepared().val_idx.copy()
    seed.setValue(5)
    assert state.project.dataset["split_seed"] == 5
    assert not np.array_equal(state.prepared().val_idx, old_val)

    check = dock.findChild(QCheckBox, "standardizeCheck")
    check.setChecked(True)
    assert state.project.dataset["standardize"] is True
    np.testing.assert_allclose(state.prepared().x_train.mean(axis=0), 0.0, atol=1e-5)

    fmt = dock.findChild(QComboBox, "labelFormat")
    fmt.setCurrentIndex(1)
    assert state.project.dataset["one_hot"] is True
    assert state.prepared().y_train.shape == (140, 2)

    state.undo_stack.undo()
    assert state.project.dataset["one_hot"] is False and fmt.currentIndex() == 0
    while state.undo_stack.canUndo():
        state.undo_stack.undo()
    assert state.project.training["validation_split"] == pytest.approx(0.2)
    assert val.value() == pytest.approx(0.2) and seed.value() == 0 and not check.isChecked()


def test_label_format_disabled_for_regression_and_status_shows_split(dock):
    lst, row = _row_of(dock, "sine")
    lst.setCurrentRow(row)
    assert not dock.findChild(QComboBox, "labelFormat").isEnabled()
    assert "train 80 / validation 20" in dock.status.text()


def test_edits_refused_while_training(dock):
    state = dock.state
    state.set_training_state("running")
    lst, row = _row_of(dock, "moons")
    lst.setCurrentRow(row)
    assert state.project.dataset["name"] == "circle"
    assert lst.currentItem().data(NAME_ROLE) == "circle"
    assert "Training is running" in dock.status.text()
    state.set_training_state("idle")


def test_digits_thumbnail_shows_four_different_digits():
    from nnstudio import data
    from nnstudio.ui.data.common import thumbnail

    ds = data.make("digits")
    img = thumbnail(ds, 40).toImage()
    assert img.width() == 40 and img.height() == 40
    # first samples of digits 0, 1, 2, 3 tiled 2 × 2: each quarter has some ink (dark pixels)
    for qx in (0, 1):
        for qy in (0, 1):
            dark = sum(1 for x in range(qx * 20 + 2, qx * 20 + 18) for y in range(qy * 20 + 2, qy * 20 + 18)
                       if img.pixelColor(x, y).lightness() < 100)
            assert dark > 5


def test_new_2d_sets_have_thumbnails_in_the_class_colours():
    from nnstudio import data
    from nnstudio.ui.data.common import thumbnail

    for name in ("above_sine", "above_cubic", "above_abs", "spiral_multi"):
        img = thumbnail(data.make(name), 40).toImage()
        colours = {img.pixelColor(x, y).name() for x in range(40) for y in range(40)}
        assert len(colours - {"#ffffff"}) >= (3 if name == "spiral_multi" else 2), name

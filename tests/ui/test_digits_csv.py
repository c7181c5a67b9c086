"""CSV images: a CSV whose feature count is a square can be imported as W×H images."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QListWidget, QPushButton

from nnstudio import data
from nnstudio.data import CsvError, CsvOptions, load_csv
from nnstudio.project import load_project, save_project
from nnstudio.ui.data.csv_dialog import CsvImportDialog
from nnstudio.ui.state import AppState


def mnist_style(n_pixels: int, rows: int = 40) -> str:
    """'label' first, then the pixel columns (like the MNIST CSV files)."""
    rng = np.random.default_rng(0)
    head = "label," + ",".join(f"pixel{j}" for j in range(n_pixels))
    lines = [head]
    for i in range(rows):
        pix = rng.integers(0, 256, n_pixels)
        lines.append(f"{i % 3}," + ",".join(map(str, pix)))
    return "\n".join(lines) + "\n"


@pytest.fixture
def state(qtbot):
    s = AppState()
    yield s
    s.deleteLater()


@pytest.fixture
def dialog(qtbot, state):
    d = CsvImportDialog(state)
    qtbot.addWidget(d)
    return d


def _pick_label_target(d):
    targets = d.findChild(QListWidget, "csvTargets")
    for j in range(targets.count()):
        targets.item(j).setCheckState(Qt.CheckState.Checked if j == 0 else Qt.CheckState.Unchecked)


def test_784_columns_can_be_marked_as_28x28_images_and_are_stored(dialog, state, tmp_path):
    text = mnist_style(784, rows=12)
    assert dialog.set_text(text, "mnist_small.csv") is not None
    _pick_label_target(dialog)
    box = dialog.findChild(QCheckBox, "csvImages")
    assert box.isEnabled() and "28×28" in box.text() and not box.isChecked()
    assert dialog.options().image_shape is None
    box.click()
    assert dialog.options().image_shape == [28, 28]
    ok = dialog.findChild(QPushButton, "csvOkButton")
    assert ok.isEnabled()
    assert "28×28 images" in dialog.labels["csvSummary"].text()
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert state.project.dataset["csv"]["options"]["image_shape"] == [28, 28]
    assert state.dataset.image_shape == (28, 28) and state.dataset.image(3).shape == (28, 28)
    # saved with the project and read back
    path = tmp_path / "m.nnproj"
    save_project(state.project, path)
    again = load_project(path)
    assert again.dataset["csv"]["options"]["image_shape"] == [28, 28]
    from nnstudio.project.build import load_dataset

    assert load_dataset(again).image_shape == (28, 28)


def test_the_image_option_needs_a_square_feature_count(dialog):
    dialog.set_text(mnist_style(64), "d.csv")
    _pick_label_target(dialog)
    box = dialog.findChild(QCheckBox, "csvImages")
    box.click()
    assert dialog.options().image_shape == [8, 8]
    # untick one pixel column: 63 features are no square, the option switches off
    feats = dialog.findChild(QListWidget, "csvFeatures")
    feats.item(5).setCheckState(Qt.CheckState.Unchecked)
    assert not box.isEnabled() and not box.isChecked()
    assert dialog.options().image_shape is None and "784 = 28×28" in box.text()


def test_the_digits_as_csv_round_trip_to_the_same_images():
    ds = data.make("digits")
    lines = [",".join(ds.feature_names) + ",digit"]
    lines += [",".join(str(int(v)) for v in row) + f",{y}" for row, y in zip(ds.x[:50], ds.y[:50])]
    loaded = load_csv("\n".join(lines), CsvOptions(target_columns=[-1], task="multiclass",
                                                   image_shape=[8, 8]))
    assert loaded.image_shape == (8, 8)
    assert np.array_equal(loaded.image(7), ds.image(7))


def test_image_shape_option_is_checked():
    with pytest.raises(CsvError, match="cannot be 3×3 images"):
        load_csv("a,b,c,y\n1,2,3,0\n4,5,6,1\n", CsvOptions(image_shape=[3, 3]))
    with pytest.raises(CsvError, match=r"image_shape must be \[height, width\]"):
        CsvOptions.from_dict({"image_shape": [8]})
    with pytest.raises(CsvError, match="image_shape"):
        CsvOptions.from_dict({"image_shape": [8, True]})
    assert CsvOptions.from_dict({"image_shape": [2, 3]}).to_dict()["image_shape"] == [2, 3]
    assert CsvOptions().to_dict()["image_shape"] is None


def test_a_28x28_csv_gets_a_112_pixel_pad_reduced_to_its_images(qtbot):
    from nnstudio.ui.data.drawpad import DrawPadPanel

    s = AppState()
    text = mnist_style(784, rows=30)
    s.push([("set_dataset", {"source": "csv", "name": "m", "params": {}, "split_seed": 0,
                             "standardize": True, "one_hot": False,
                             "csv": {"filename": "m.csv", "text": text,
                                     "options": CsvOptions(target_columns=[0], task="multiclass",
                                                           image_shape=[28, 28]).to_dict()}})], "m")
    assert s.dataset.image_shape == (28, 28)
    panel = DrawPadPanel(s)
    qtbot.addWidget(panel)
    assert panel.pad.side == 112 and "28×28" in panel.seen_title.text()
    pad = np.zeros((112, 112))
    pad[0:4, 0:4] = 1.0   # one full block: the brightest pixel of the set (255 here)
    panel.fit.setChecked(False)
    panel.pad.set_pad(pad)
    red = panel.reduced()
    assert red.shape == (28, 28) and red[0, 0] == pytest.approx(s.dataset.x.max())
    assert red.sum() == pytest.approx(s.dataset.x.max())
    s.deleteLater()

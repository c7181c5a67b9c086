"""The code plug-in in a real main window (pytest-qt): the dock follows the
document, Copy copies, the export / import actions write and read files."""

from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("pytestqt")
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)

from nnstudio.export import export_keras_json
from nnstudio.project import Project


@pytest.fixture
def window(qtbot, monkeypatch):
    from nnstudio.ui.main_window import MainWindow

    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: errors.append(text)))
    # never block on an "unsaved changes?" question while closing
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.Discard))
    w = MainWindow(Project.default(), plugins=("nnstudio.ui.code",), restore_layout=False)
    w.errors = errors
    w.show()
    w.docks["code"].show()
    w.docks["code"].raise_()
    yield w
    w.state.undo_stack.setClean()
    w.close()
    w.deleteLater()
    qtbot.wait(1)


def editors(w):
    return w.findChild(QPlainTextEdit, "kerasCode"), w.findChild(QPlainTextEdit, "torchCode")


def test_dock_shows_code_that_follows_the_canvas(window, qtbot):
    assert window.findChild(QDockWidget, "codeDock") is window.docks["code"]
    keras, torch = editors(window)
    assert keras.isReadOnly() and torch.isReadOnly()
    assert keras.font().fixedPitch() and torch.font().fixedPitch()
    qtbot.waitUntil(lambda: "Dense(8, activation='tanh')" in keras.toPlainText(), timeout=3000)
    assert "nn.Linear(2, 8)" in torch.toPlainText()
    assert window.state.push([("set_layer", 1, "units", 17)], "Change units")
    qtbot.waitUntil(lambda: "Dense(17, activation='tanh')" in keras.toPlainText(), timeout=3000)
    assert "Dense(8," not in keras.toPlainText()
    qtbot.waitUntil(lambda: "nn.Linear(2, 17)" in torch.toPlainText(), timeout=3000)
    window.state.undo_stack.undo()
    qtbot.waitUntil(lambda: "Dense(8, activation='tanh')" in keras.toPlainText(), timeout=3000)


def test_copy_button_copies_the_visible_tab(window, qtbot):
    keras, _ = editors(window)
    qtbot.waitUntil(lambda: "Sequential" in keras.toPlainText(), timeout=3000)
    button = window.findChild(QPushButton, "copyCodeButton")
    button.click()
    assert QApplication.clipboard().text() == keras.toPlainText()


def test_export_menu_actions_write_files(window, tmp_path):
    names = {a.objectName() for a in window.export_menu.actions()}
    assert {"exportKerasAction", "exportTorchAction", "exportKerasJsonAction", "exportWeightsAction",
            "exportHistoryAction", "exportPlotsAction"} <= names
    assert "importKerasJsonAction" in {a.objectName() for a in window.import_menu.actions()}
    acts = window.code_actions
    written = acts.export_to("keras", tmp_path / "net.py")
    assert [p.name for p in written] == ["net.py", "net_data.csv", "net_weights.npz"]
    assert acts.export_to("keras-json", tmp_path / "net.json")
    assert json.loads((tmp_path / "net.json").read_text(encoding="utf-8"))["class_name"] == "Sequential"
    assert acts.export_to("weights", tmp_path / "w.npz") == [] and "trained" in window.errors[-1]
    state = {"weights": [np.zeros((2, 8), np.float32), np.zeros(8, np.float32), np.zeros((8, 1), np.float32),
                         np.zeros(1, np.float32)], "history": {"loss": [0.7, 0.6]}, "epochs_trained": 2,
             "iterations": 10, "runs": []}
    window.state.push([("set_state", state)], "Train")
    assert acts.export_to("weights", tmp_path / "w.npz")[0].is_file()
    assert acts.export_to("history", tmp_path / "h.csv")[0].read_text(encoding="utf-8").startswith("epoch,loss")


def test_plots_export_as_png(window, tmp_path):
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.setObjectName("lossPlot")
    plot.plot([0, 1, 2], [3, 1, 2])
    window.add_dock(plot, "loss_plot", "Loss")
    written = window.code_actions.export_plots(tmp_path)
    assert [p.name for p in written] == ["loss_plot_lossPlot.png"]
    assert written[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_import_keras_json_opens_a_new_project(window, qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(window.files, "maybe_save", lambda: asked.append(1) or True)
    src = Project.default()
    src.layers[1].params["units"] = 64
    path = tmp_path / "model.json"
    path.write_text(export_keras_json(src, n_features=2), encoding="utf-8")
    assert window.code_actions.import_keras_json_file(path)
    assert asked == [1]
    assert window.state.project.layers[1].params["units"] == 64
    keras, _ = editors(window)
    qtbot.waitUntil(lambda: "Dense(64, activation='tanh')" in keras.toPlainText(), timeout=3000)


def test_import_errors_name_what_is_unsupported(window, tmp_path, monkeypatch):
    monkeypatch.setattr(window.files, "maybe_save", lambda: True)
    before = window.state.project
    bad = {"class_name": "Sequential", "config": {"layers": [
        {"class_name": "Conv2D", "config": {"name": "conv1"}},
        {"class_name": "Dense", "config": {"name": "d", "units": 2, "activation": "gelu"}}]}}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert not window.code_actions.import_keras_json_file(path)
    assert window.state.project is before
    assert "Conv2D" in window.errors[-1] and "'conv1'" in window.errors[-1] and "'gelu'" in window.errors[-1]


def test_a_drawn_dataset_exports_as_csv_and_imports_back(window, tmp_path, monkeypatch):
    """File > Export > Data (.csv)…: a set drawn by hand leaves the studio as a CSV file that
    nnstudio's own CSV reader (and any other tool) reads back as the same points."""
    from PySide6.QtWidgets import QFileDialog

    from nnstudio.data.csv import read_csv_file
    from nnstudio.data.drawn import DrawnPoints

    points = DrawnPoints(x=np.array([[-0.5, 0.25], [0.125, -0.75], [0.9, 0.1]]), y=np.array([0, 1, 1]))
    assert window.state.push([("set_dataset", points.to_choice(window.state.project.dataset))], "draw")
    act = next(a for a in window.export_menu.actions() if a.objectName() == "exportDataAction")
    assert "CSV" in act.statusTip()
    asked = []

    def save_name(_parent, _title, default, _filter, *a, **k):
        asked.append(default)
        return str(tmp_path / "drawn.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    act.trigger()
    assert asked and asked[0].endswith("_data.csv")             # not the history file's name
    ds = read_csv_file(tmp_path / "drawn.csv")
    np.testing.assert_array_equal(ds.x, points.x)
    np.testing.assert_array_equal(ds.y, points.y)
    assert (tmp_path / "drawn.csv").read_text(encoding="utf-8").splitlines()[0].count(",") == 2  # no split column

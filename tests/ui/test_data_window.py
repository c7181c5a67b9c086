"""The Data plug-in inside the real main window: docks, the Import menu, the canvas follows."""


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidget, QPushButton

from nnstudio.project import LayerSpec, Project

CSV = "species,a,b,c,d\n" + "".join(
    f"{name},{i % 5 + k},{i % 3 + k},{i % 7 * 0.5 + k},{k * 2.0 + i % 2}\n"
    for i in range(30) for k, name in [(i % 3, ("setosa", "versicolor", "virginica")[i % 3])])


@pytest.fixture
def window(qtbot):
    from nnstudio.ui.main_window import MainWindow

    project = Project()
    project.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=1, activation="sigmoid")]
    w = MainWindow(project, plugins=("nnstudio.ui.data",), restore_layout=False)
    yield w
    # never shown and not closed: no closeEvent, so no settings are written
    w.state.undo_stack.cleanChanged.disconnect()
    w.deleteLater()


def test_install_adds_docks_and_import_action(window):
    assert not window.plugin_errors, window.plugin_errors
    assert window.docks["data"].objectName() == "dataDock"
    assert window.docks["data"].widget().findChild(QListWidget, "datasetList") is not None
    assert window.docks["data_view"].widget().objectName() == "dataView"
    names = [a.objectName() for a in window.import_menu.actions()]
    assert "importCsvAction" in names


def test_import_menu_to_canvas(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "flowers.csv"
    path.write_text(CSV)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.import_csv_action.trigger()
    dialog = window.findChild(QDialog, "csvImportDialog")
    assert dialog is not None and dialog.isVisible()
    targets = dialog.findChild(QListWidget, "csvTargets")
    targets.item(4).setCheckState(Qt.CheckState.Unchecked)
    targets.item(0).setCheckState(Qt.CheckState.Checked)
    ok = dialog.findChild(QPushButton, "csvOkButton")
    assert ok.isEnabled()
    ok.click()
    assert not dialog.isVisible()
    state = window.state
    assert state.project.dataset["source"] == "csv"
    assert state.project.dataset["csv"]["text"] == CSV
    # the canvas's Input block follows the dataset: 4 features
    block = window.canvas.scene().block_at_index(0)
    assert block.subtitle.text() == "4 features"
    codes = {p.code for p in state.problems}
    assert codes & {"sigmoid_multiclass", "output_units"}
    # the dataset list shows the imported file, selected
    lst = window.docks["data"].widget().findChild(QListWidget, "datasetList")
    assert "flowers.csv" in lst.currentItem().text() and "150 × 4" not in lst.currentItem().text()
    assert "30 × 4" in lst.currentItem().text()
    state.undo_stack.undo()
    assert block.subtitle.text() == "2 features"
    assert lst.currentItem().text().startswith("Circle")

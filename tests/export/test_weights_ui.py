"""File > Import > Weights (.npz) and the "nnstudio's batch order" export option, in a real window."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.export import project_weights, save_weights
from nnstudio.project import Project


@pytest.fixture
def window(qtbot, monkeypatch):
    from nnstudio.ui.main_window import MainWindow

    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: errors.append(text)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.Discard))
    w = MainWindow(Project.default(), plugins=("nnstudio.ui.code",), restore_layout=False)
    w.errors = errors
    w.show()
    yield w
    w.state.undo_stack.setClean()
    w.close()
    w.deleteLater()
    qtbot.wait(1)


def _action(window, menu, name):
    return next(a for a in getattr(window, menu).actions() if a.objectName() == name)


def test_import_weights_from_the_menu_is_one_undoable_edit(window, tmp_path, monkeypatch):
    project = window.state.project
    start = project_weights(project, window.state.dataset)
    trained = [w + 0.5 for w in start]  # "trained elsewhere"
    path = save_weights(trained, tmp_path / "net_trained_weights.npz")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    _action(window, "import_menu", "importWeightsAction").trigger()
    got = window.state.project.state["weights"]
    assert all(np.allclose(a, b) for a, b in zip(got, trained))
    assert "net_trained_weights.npz" in window.statusBar().currentMessage()
    window.state.undo_stack.undo()
    assert not (window.state.project.state or {}).get("weights")


def test_weights_that_do_not_fit_are_refused_by_name(window, tmp_path):
    before = window.state.project.state
    path = save_weights([np.zeros((7, 3), np.float32)], tmp_path / "other.npz")
    assert not window.code_actions.import_weights_file(path)
    assert "other.npz" in window.errors[-1] and "1 arrays" in window.errors[-1]
    h5 = tmp_path / "model.weights.h5"
    h5.write_bytes(b"\x89HDF\r\n\x1a\n" + bytes(64))
    assert not window.code_actions.import_weights_file(h5)
    assert "np.savez" in window.errors[-1]
    assert window.state.project.state == before


def test_batch_order_option_is_on_by_default_and_reaches_the_scripts(window, tmp_path):
    order = _action(window, "export_menu", "exportNnstudioOrderAction")
    assert order.isCheckable() and order.isChecked() and "permutation" in order.toolTip()
    acts = window.code_actions
    same = acts.export_to("pytorch", tmp_path / "same.py")[0].read_text(encoding="utf-8")
    assert "rng.permutation(n)" in same
    order.trigger()  # the user unticks it
    assert not order.isChecked()
    own = acts.export_to("pytorch", tmp_path / "own.py")[0].read_text(encoding="utf-8")
    assert "torch.randperm" in own and "nnstudio_generator" not in own
    keras = acts.export_to("keras", tmp_path / "k.py")[0].read_text(encoding="utf-8")
    assert "shuffle=True" in keras and "NnstudioBatches" not in keras
